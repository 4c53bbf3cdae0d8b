/** Component schemas → exported TypeScript declarations, and which file of the client each one lives in. */
import type { OpenAPIV3 } from "openapi-types";
import { componentName, type Operation } from "../operations.js";
import { typeName } from "./names.js";
import { jsDoc, objectMembers, valueType } from "./types.js";

/** The file that holds shared declarations (and those no operation names directly). */
export const SHARED = "types";

/** Component names used by each operation: its body and its reply (or the items of a list reply). */
function componentsOf(op: Operation): string[] {
  const reply = op.reply.schema as { items?: unknown } | undefined;
  return [componentName(op.bodySchema), componentName(reply) ?? componentName(reply?.items)].filter((n): n is string => n !== undefined);
}

/** Component → file: the one top-level menu whose operations use it, else the shared file. */
export function ownership(operations: Operation[], fileOf: (op: Operation) => string): Map<string, string> {
  const users = new Map<string, Set<string>>();
  for (const op of operations) {
    for (const name of componentsOf(op)) {
      const set = users.get(name) ?? new Set<string>();
      set.add(fileOf(op));
      users.set(name, set);
    }
  }
  const owner = new Map<string, string>();
  for (const [name, files] of users) owner.set(name, files.size === 1 ? [...files][0]! : SHARED);
  return owner;
}

/** `export interface X {...}` for objects with properties, else `export type X = ...`. */
export function declaration(name: string, schema: OpenAPIV3.SchemaObject, request: boolean): string {
  const doc = jsDoc(schema.description);
  if (schema.type === "object" && schema.properties && Object.keys(schema.properties).length > 0) {
    return `${doc}export interface ${typeName(name)} {\n${objectMembers(schema, request, "  ")}\n}`;
  }
  return `${doc}export type ${typeName(name)} = ${valueType(schema, request)};`;
}

/** Component names that request bodies use: their values get vocabularies; replies are strings. */
export function requestComponents(operations: Operation[]): Set<string> {
  const names = new Set<string>();
  for (const op of operations) {
    const name = componentName(op.bodySchema);
    if (name) names.add(name);
  }
  return names;
}
