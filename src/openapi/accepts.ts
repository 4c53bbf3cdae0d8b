/**
 * Whether a value schema of ours accepts a value: the keywords our value
 * schemas use (type, enum, pattern, lengths, bounds, the `ipv4` format,
 * oneOf/anyOf/allOf), judged as JSON Schema judges them. Schemas with any
 * other keyword are refused rather than guessed; tests hold the answers to
 * ajv's with formats on.
 */
import type { OpenAPIV3 } from "openapi-types";
import { IPV4 } from "./types/patterns.js";

type Schema = OpenAPIV3.SchemaObject;

const FORMATS: Record<string, RegExp> = { ipv4: new RegExp(`^${IPV4}$`) };
const JUDGED = new Set(["type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "format", "oneOf", "anyOf", "allOf"]);

const patterns = new Map<string, RegExp>();
const regex = (text: string): RegExp => patterns.get(text) ?? patterns.set(text, new RegExp(text, "u")).get(text)!;

function typeOk(type: string | undefined, value: unknown): boolean {
  if (type === undefined) return true;
  if (type === "string") return typeof value === "string";
  if (type === "integer") return typeof value === "number" && Number.isInteger(value);
  if (type === "number") return typeof value === "number";
  if (type === "boolean") return typeof value === "boolean";
  return false;
}

export function accepts(schema: Schema, value: unknown): boolean {
  for (const key of Object.keys(schema)) {
    // Annotations (`description`, `example`, `default`, `readOnly`, `x-*`) judge nothing.
    if (JUDGED.has(key) || key.startsWith("x-") || ["description", "example", "default", "readOnly", "title"].includes(key)) continue;
    return false;
  }
  if (!typeOk(schema.type, value)) return false;
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === "string") {
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) return false;
    if (value.length < (schema.minLength ?? 0) || value.length > (schema.maxLength ?? Infinity)) return false;
    if (schema.format !== undefined && !(FORMATS[schema.format]?.test(value) ?? false)) return false;
  }
  if (typeof value === "number" && (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity))) return false;
  const members = (list: unknown[] | undefined) => (list ?? []) as Schema[];
  if (schema.oneOf && members(schema.oneOf).filter((s) => accepts(s, value)).length !== 1) return false;
  if (schema.anyOf && !members(schema.anyOf).some((s) => accepts(s, value))) return false;
  return members(schema.allOf).every((s) => accepts(s, value));
}
