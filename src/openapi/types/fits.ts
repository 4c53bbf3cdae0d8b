/** Whether a value satisfies a schema's own constraints: the checks ajv makes on our values, without ajv. */
import type { OpenAPIV3 } from "openapi-types";

const patterns = new Map<string, RegExp>();
const pattern = (text: string): RegExp => patterns.get(text) ?? patterns.set(text, new RegExp(text, "u")).get(text)!;

export function fits(schema: OpenAPIV3.SchemaObject, value: unknown): boolean {
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === "string") {
    if (schema.type && schema.type !== "string") return false;
    if (schema.pattern && !pattern(schema.pattern).test(value)) return false;
    if (value.length < (schema.minLength ?? 0) || value.length > (schema.maxLength ?? Infinity)) return false;
  }
  if (typeof value === "number") {
    if (schema.type !== "integer" && schema.type !== "number") return false;
    if (value < (schema.minimum ?? -Infinity) || value > (schema.maximum ?? Infinity)) return false;
  }
  return true;
}
