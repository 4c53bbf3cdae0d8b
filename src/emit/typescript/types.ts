/** OpenAPI value schemas → TypeScript type text: enums as literal unions, lists, references as string, numbers as number | string. */
import type { OpenAPIV3 } from "openapi-types";
import { propertyKey, typeName } from "./names.js";

type Schema = OpenAPIV3.SchemaObject & Record<`x-${string}`, unknown>;
type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

const union = (types: string[]): string => [...new Set(types)].join(" | ");
const literals = (words: readonly unknown[]): string => union(words.map((w) => JSON.stringify(String(w))));

/** JSDoc for a description (kept on one paragraph per line, `*​/` defused). */
export function jsDoc(text: string | undefined, indent = ""): string {
  if (!text) return "";
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  return lines.length === 1 ? `${indent}/** ${lines[0]} */\n` : `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

/** The type of one value in a request (`request: true`) or a reply. */
export function valueType(schemaOrRef: SchemaOrRef, request: boolean): string {
  if ("$ref" in schemaOrRef) return typeName(schemaOrRef.$ref.split("/").pop()!);
  const schema = schemaOrRef as Schema;
  if (schema.oneOf) return union(schema.oneOf.map((s) => valueType(s, request)));
  if (schema.anyOf) return union(schema.anyOf.map((s) => valueType(s, request)));
  if (schema.type === "integer" || schema.type === "number") return "number";
  if (schema.type === "boolean") return "boolean";
  if (schema.type === "array") return `${wrap(valueType(schema.items ?? {}, request))}[]`;
  if (schema.type === "object") return objectType(schema, request, "");
  // Replies are strings whatever the RouterOS type; requests get the vocabulary.
  if (!request) return "string";
  // A closed vocabulary is a literal union; suggestions are offered without closing the type.
  const words = (schema["x-routeros-enum"] as string[] | undefined) ?? schema.enum;
  const suggestions = schema["x-routeros-suggestions"] as string[] | undefined;
  if (!words && !suggestions) return "string";
  let one = words ? literals(words) : `${literals(suggestions!)} | (string & {})`;
  if (words && schema["x-routeros-special"]) one = union([one, literals(schema["x-routeros-special"] as string[])]);
  // A `!` negates a word (`!tcp`) where the router allows it.
  if (words && schema["x-routeros-negatable"]) one = `${one} | \`!\${${one}}\``;
  return schema["x-routeros-list"] ? `${wrap(one)} | readonly ${wrap(one)}[]` : one;
}

const wrap = (type: string): string => (type.includes(" ") ? `(${type})` : type);

/** An object type's members: optional, `readonly` where the router fills them, with JSDoc. */
export function objectMembers(schema: OpenAPIV3.SchemaObject, request: boolean, indent: string): string {
  return Object.entries(schema.properties ?? {})
    .map(([name, property]) => {
      const p = property as Schema;
      const readOnly = !request && p.readOnly ? "readonly " : "";
      return `${jsDoc(p.description, indent)}${indent}${readOnly}${propertyKey(name)}?: ${valueType(property, request)};`;
    })
    .join("\n");
}

function objectType(schema: OpenAPIV3.SchemaObject, request: boolean, indent: string): string {
  if (!schema.properties || Object.keys(schema.properties).length === 0) {
    const extra = schema.additionalProperties;
    return extra && typeof extra === "object" ? `Record<string, ${valueType(extra, request)}>` : "Record<string, never>";
  }
  return `{\n${objectMembers(schema, request, `${indent}  `)}\n${indent}}`;
}
