/**
 * Whether a value satisfies a schema's own constraints: the checks ajv makes on our values (type, enum,
 * pattern, lengths, bounds, the `ipv4` format, oneOf/anyOf/allOf), without ajv. Tests hold it to ajv's answers.
 */
import type { OpenAPIV3 } from "openapi-types";
import { IPV4 } from "./patterns.js";

type Schema = OpenAPIV3.SchemaObject;

const patterns = new Map<string, RegExp>();
const pattern = (text: string): RegExp => patterns.get(text) ?? patterns.set(text, new RegExp(text, "u")).get(text)!;
const FORMATS: Record<string, RegExp> = { ipv4: new RegExp(`^${IPV4}$`) };

export function fits(schema: Schema, value: unknown): boolean {
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === "string") {
    if (schema.type && schema.type !== "string") return false;
    if (schema.pattern && !pattern(schema.pattern).test(value)) return false;
    if (value.length < (schema.minLength ?? 0) || value.length > (schema.maxLength ?? Infinity)) return false;
    if (schema.format && FORMATS[schema.format] && !FORMATS[schema.format]!.test(value)) return false;
  }
  if (typeof value === "number") {
    if (schema.type !== "integer" && schema.type !== "number") return false;
    if (schema.type === "integer" && !Number.isInteger(value)) return false;
    if (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)) return false;
  }
  const members = (list: unknown[] | undefined) => (list ?? []) as Schema[];
  if (schema.oneOf && members(schema.oneOf).filter((s) => fits(s, value)).length !== 1) return false;
  if (schema.anyOf && !members(schema.anyOf).some((s) => fits(s, value))) return false;
  return members(schema.allOf).every((s) => fits(s, value));
}
