/**
 * A value form: what the syntax grammar and the completions say about one
 * value, before it becomes schemas. Pure data, easy to combine and to test.
 */
import type { OpenAPIV3 } from "openapi-types";
import { anchored, listOf, wordsPattern } from "./patterns.js";

export interface Form {
  /** `x-routeros-type`: string, integer, duration, ipv4, ipv4-prefix, ipv6, ipv6-prefix, ip-range, mac, hex, enum, script, reference, ... */
  type: string;
  /** Unanchored pattern body of one value. */
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  /** Integer bounds. */
  minimum?: number;
  maximum?: number;
  /** A closed vocabulary. */
  enum?: string[];
  /** Words accepted besides the form itself, e.g. `none`, `disabled`, `auto`. */
  special?: string[];
  /** A comma-separated list of values (syntax `[,Name*]`, or completion meta `,`). */
  list?: boolean;
  /** Values may carry a leading `!` (completion meta `!`). */
  negatable?: boolean;
  /** What a reference names, e.g. `interface`. */
  ref?: string;
  /** Range of a duration as the router wrote it, e.g. `{min: "0s", max: "1d"}`. */
  range?: { min?: string; max?: string };
}

export interface ValueType {
  /** Recorded as `x-routeros-type`. */
  routerosType: string;
  /** The value as RouterOS replies it: always `type: string`, with format/pattern/enum/lengths. */
  reply: OpenAPIV3.SchemaObject;
  /** What a request may send: the reply schema, or integer-or-string for numbers. */
  request: OpenAPIV3.SchemaObject;
  /** Extra `x-routeros-*` keys for the property schema. */
  extensions?: Record<string, unknown>;
}

function valuePattern(form: Form): string | undefined {
  const body = form.enum ? wordsPattern(form.enum) : form.pattern;
  if (body === undefined) return undefined;
  let one = form.special?.length ? `${wordsPattern(form.special)}|${body}` : body;
  if (form.negatable) one = `!?(?:${one})`;
  return form.list ? listOf(one) : one;
}

/** The reply schema: a string whose pattern, enum and lengths say what the router's type allows. */
function replySchema(form: Form): OpenAPIV3.SchemaObject {
  const schema: OpenAPIV3.SchemaObject = { type: "string" };
  if (form.format) schema.format = form.format;
  const closedEnum = form.enum && !form.list && !form.negatable;
  if (closedEnum) schema.enum = [...form.enum!, ...(form.special ?? [])];
  else {
    const pattern = valuePattern(form);
    if (pattern !== undefined) schema.pattern = anchored(pattern);
  }
  if (form.minLength !== undefined) schema.minLength = form.minLength;
  if (form.maxLength !== undefined) schema.maxLength = form.maxLength;
  return schema;
}

function requestSchema(form: Form, reply: OpenAPIV3.SchemaObject): OpenAPIV3.SchemaObject {
  if (form.type !== "integer" || form.list) return reply;
  const integer: OpenAPIV3.SchemaObject = { type: "integer" };
  if (form.minimum !== undefined) integer.minimum = form.minimum;
  if (form.maximum !== undefined) integer.maximum = form.maximum;
  // RouterOS takes numbers as strings too, the way it replies them.
  return { oneOf: [integer, reply] };
}

/** Writes take yes/no (and true/false); replies say true/false. */
const BOOLEAN: ValueType = {
  routerosType: "boolean",
  reply: { type: "string", enum: ["true", "false"] },
  request: { type: "string", enum: ["yes", "no", "true", "false"] },
};

export function toValueType(form: Form): ValueType {
  if (form.type === "boolean") return structuredClone(BOOLEAN);
  const reply = replySchema(form);
  const extensions: Record<string, unknown> = {};
  if (form.ref) extensions["x-routeros-ref"] = form.ref;
  if (form.enum && reply.enum === undefined) extensions["x-routeros-enum"] = form.enum;
  if (form.special?.length) extensions["x-routeros-special"] = form.special;
  if (form.list) extensions["x-routeros-list"] = true;
  if (form.range) extensions["x-routeros-range"] = form.range;
  if (form.type === "integer" && (form.minimum !== undefined || form.maximum !== undefined)) {
    extensions["x-routeros-range"] = { min: form.minimum, max: form.maximum };
  }
  return {
    routerosType: form.type,
    reply,
    request: requestSchema(form, reply),
    ...(Object.keys(extensions).length ? { extensions } : {}),
  };
}
