/**
 * Every file rosapi reads is checked here, at the door, against a JSON Schema
 * published in `schemas/` (so users can check their own files the same way):
 * past this point, code trusts the shapes. A bad file gets one message naming
 * the file, the JSON path of the first bad value and what was expected.
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { UserError } from "./errors.js";
import { inert } from "./inert.js";

/**
 * Deepest nesting of any file read (objects and arrays). Real trees nest
 * about 25 levels; the limit keeps recursive stages far from the stack's end.
 */
export const MAX_JSON_DEPTH = 128;

/** A schema of `schemas/<name>.schema.json`, and optionally one of its `$defs` (`#/$defs/Head`). */
export interface DoorSchema {
  name: string;
  ref?: string;
}

const ajv = new Ajv2020({ allErrors: false, strict: true });
const validators = new Map<string, ValidateFunction>();

function validator({ name, ref }: DoorSchema): ValidateFunction {
  // Stryker disable next-line StringLiteral: any text in place of a missing ref keeps each key its own (the key only caches)
  const tail = ref ?? "";
  const key = `${name}${tail}`;
  let fn = validators.get(key);
  if (!fn) {
    const schema = JSON.parse(readFileSync(schemaFile(name), "utf8")) as { $id: string };
    if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
    fn = ajv.getSchema(`${schema.$id}${ref ?? ""}`);
    if (!fn) throw new Error(`no schema ${key}`);
    validators.set(key, fn);
  }
  return fn;
}

/** Where the published schema lives, from src/io or dist/io alike. */
export const schemaFile = (name: string): URL => new URL(`../../schemas/${name}.schema.json`, import.meta.url);

/**
 * Checks `data` (parsed from `source`, a file name or a description such as
 * `checkpoint.jsonl line 4`) against a published schema and returns it typed;
 * throws one UserError otherwise.
 */
export function validateAtDoor<T>(schema: DoorSchema | string, data: unknown, source: string): T {
  checkDepth(data, source);
  const validate = validator(typeof schema === "string" ? { name: schema } : schema);
  if (validate(data)) return data as T;
  // Of the alternatives of an anyOf, the one that got furthest says best what is wrong.
  const error = validate.errors!.reduce((best, e) => (e.instancePath.length > best.instancePath.length ? e : best));
  throw new UserError(`${source}: ${describeError(error, data)}`);
}

/** Refuses nesting past MAX_JSON_DEPTH. */
function checkDepth(data: unknown, source: string, limit = MAX_JSON_DEPTH): void {
  const at = tooDeep(data, limit);
  if (at) throw new UserError(`${source}: nested deeper than ${limit} levels, at ${jsonPath(at.slice(0, 8))}…`);
}

/**
 * The keys down to the first value nested `limit` deep, if any; without
 * recursion, since a hostile file may nest 100,000 deep.
 */
export function tooDeep(data: unknown, limit = MAX_JSON_DEPTH): string[] | undefined {
  interface Frame {
    value: unknown;
    depth: number;
    key: string;
    parent: Frame | undefined;
  }
  // Stryker disable next-line StringLiteral: the root's key is never read (a path stops below the root)
  const root: Frame = { value: data, depth: 0, key: "", parent: undefined };
  const stack: Frame[] = typeof data === "object" && data !== null ? [root] : [];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth >= limit) {
      const keys: string[] = [];
      // Stryker disable next-line OptionalChaining: f is never undefined here (the loop steps only to a parent that is there)
      for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.unshift(f.key);
      return keys;
    }
    for (const [key, value] of Object.entries(frame.value as object)) {
      if (typeof value === "object" && value !== null) stack.push({ value, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

function describeError(error: ErrorObject, data: unknown): string {
  const keys = error.instancePath
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  const at = jsonPath(keys);
  const value = valueAt(data, keys);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${at}: missing the field ${quote(String(params["missingProperty"]))}`;
    case "type":
      return `${at}: expected ${article(String(params["type"]))}, got ${describe(value)}`;
    case "const":
      return `${at}: expected ${JSON.stringify(params["allowedValue"])}, got ${describe(value)}`;
    case "enum":
      return `${at}: expected one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, got ${describe(value)}`;
    case "minimum":
      return `${at}: expected a number >= ${String(params["limit"])}, got ${describe(value)}`;
    default:
      if (error.propertyName !== undefined) return `${at}: the name ${quote(error.propertyName)} is not allowed`;
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

function valueAt(data: unknown, keys: string[]): unknown {
  let value = data;
  // Stryker disable next-line OptionalChaining: Ajv's instancePath always names a value in data, so no step meets undefined
  for (const key of keys) value = (value as Record<string, unknown>)?.[key];
  return value;
}

function article(type: string): string {
  const each = type.split(",").map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`));
  // Stryker disable next-line StringLiteral: every published schema gives one type per value, so no list is joined
  return each.join(" or ");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${quote(value)}`;
  return `${article(typeof value)} (${String(value)})`;
}

/** A name as inert, one-line text: quoted, control and direction characters escaped, long ones cut. */
function quote(text: string): string {
  return inert(JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text));
}

/** `$.root.menus.ip["dhcp-server"]`: keys that are identifiers with dots, others quoted, indexes in brackets. */
function jsonPath(keys: readonly string[]): string {
  return "$" + keys.map((k) => (/^\d+$/.test(k) ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${quote(k)}]`)).join("");
}
