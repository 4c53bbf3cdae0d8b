/**
 * Value schemas → TypeScript types, from the facts of the emitter view.
 * Requests take what RouterOS takes (sent as strings by the runtime):
 * numbers where it takes integers, booleans beside yes/no/true/false, closed
 * vocabularies as literal unions, suggestions as literals open to any
 * string, `!`-negation where the value is negatable, lists as arrays or a
 * comma string. Replies are strings, as RouterOS sends them.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { EmitterView, ValueView } from "../../view/index.js";
import type { RequiredGroup } from "../../facts/types.js";
import { propertyKey } from "./names.js";
import { docText, writeDocs, type Writer } from "./writer.js";

export interface TypeContext {
  view: EmitterView;
  /** The type name of a component, used in the file being written (the symbol table records the import). */
  ref(component: string): string;
  /** A name the runtime exports, used in the file being written (as a type unless said otherwise). */
  runtime(name: string, as?: "type" | "value"): string;
}

const union = (types: string[]): string => [...new Set(types)].join(" | ");
const literals = (words: readonly unknown[]): string => union(words.map((w) => JSON.stringify(String(w))));
/** Parenthesised where a union or intersection would otherwise bind wrongly (`(A | B)[]`). */
const wrap = (type: string): string => (/[|&]/.test(type) ? `(${type})` : type);
const hasProperties = (schema: OpenAPIV3.SchemaObject): boolean =>
  schema.type === "object" && Object.keys(schema.properties ?? {}).length > 0;

/** The type of one value in a request (`request: true`) or a reply. */
export function valueType(value: ValueView, request: boolean, ctx: TypeContext): string {
  const { schema, facts, component } = value;
  // Shared value schemas are written inline; named objects by their name.
  if (component && hasProperties(schema)) return ctx.ref(component);
  if (schema.oneOf) return union(schema.oneOf.map((s) => valueType(ctx.view.value(s), request, ctx)));
  // A typed form or the name of a router object (`A.B.C.D` or a /routing/id name).
  if (schema.anyOf) return union(schema.anyOf.map((s) => valueType(ctx.view.value(s), request, ctx)));
  if (schema.type === "integer" || schema.type === "number") return "number";
  if (schema.type === "boolean") return "boolean";
  if (schema.type === "array") return `${wrap(valueType(ctx.view.value(schema.items ?? {}), request, ctx))}[]`;
  if (schema.type === "object") return objectType(schema, request, ctx);
  if (!request) return "string";
  const words = schema.enum ?? facts["x-routeros-enum"];
  let one: string;
  if (words) {
    one = union([
      ...(facts["x-routeros-type"] === "boolean" ? ["boolean"] : []),
      literals(words),
      ...(facts["x-routeros-special"] ? [literals(facts["x-routeros-special"])] : []),
    ]);
    if (facts["x-routeros-negatable"]) one = `${one} | \`!\${${one}}\``;
  } else if (facts["x-routeros-suggestions"]?.length) {
    // The console suggests these; the value stays open.
    one = `${literals(facts["x-routeros-suggestions"])} | (string & {})`;
  } else if (facts["x-routeros-type"] === "integer") {
    one = "number | string";
  } else {
    one = "string";
  }
  if (!facts["x-routeros-list"]) return one;
  // A closed vocabulary still takes RouterOS's own comma form.
  const comma = words ? ` | \`\${${one}},\${string}\`` : "";
  return `${one} | readonly ${wrap(one)}[]${comma}`;
}

/**
 * The members of an object type: optional, `readonly` where the router fills them; `.id` always present in a reply;
 * in a request, what the body's `required` names (evidence of what `add` requires) present.
 */
export function writeMembers(w: Writer, schema: OpenAPIV3.SchemaObject, request: boolean, ctx: TypeContext): void {
  const required = new Set(request ? (schema.required ?? []) : []);
  for (const [name, value] of ctx.view.properties(schema)) {
    writeDocs(w, docText(value.schema.description, value.facts));
    const readOnly = !request && value.schema.readOnly ? "readonly " : "";
    const optional = (!request && name === ".id") || required.has(name) ? "" : "?";
    w.writeLine(`${readOnly}${propertyKey(name)}${optional}: ${valueType(value, request, ctx)};`);
  }
}

function objectType(schema: OpenAPIV3.SchemaObject, request: boolean, ctx: TypeContext): string {
  if (!hasProperties(schema)) {
    const extra = schema.additionalProperties;
    return extra && typeof extra === "object"
      ? `Record<string, ${valueType(ctx.view.value(extra), request, ctx)}>`
      : "Record<string, never>";
  }
  // Nested objects are rare (none in the documents so far); printed on one line.
  const members = ctx.view.properties(schema).map(([name, value]) => `${propertyKey(name)}?: ${valueType(value, request, ctx)};`);
  return `{ ${members.join(" ")} }`;
}

/** A group rule as a type to intersect with the body's: at least one of the args present, or exactly one (the others absent). */
export function groupType(group: RequiredGroup, schema: OpenAPIV3.SchemaObject, ctx: TypeContext): string {
  const types = new Map(ctx.view.properties(schema).map(([name, value]) => [name, valueType(value, true, ctx)]));
  const members = group.args.map((arg) => {
    const absent = group.kind === "oneOf" ? group.args.filter((a) => a !== arg).map((a) => ` ${propertyKey(a)}?: never;`) : [];
    return `{ ${propertyKey(arg)}: ${types.get(arg) ?? "string"};${absent.join("")} }`;
  });
  return `(${members.join(" | ")})`;
}
