/** Component schemas → exported TypeScript declarations, and which file of the client each one lives in. */
import type { OpenAPIV3 } from "openapi-types";
import { valueFacts } from "../../openapi/extensions.js";
import type { ViewOperation } from "../../view/index.js";
import { groupType, valueType, writeMembers, type TypeContext } from "./types.js";
import { requiredGroups } from "../../openapi/evidence.js";
import { docText, writeDocs, type Writer } from "./writer.js";

/** The file that holds shared declarations (and those no operation names directly). */
export const SHARED = "types";

/** Component → file: the one top-level menu whose operations use it, else the shared file. */
export function ownership(operations: ViewOperation[], fileOf: (op: ViewOperation) => string): Map<string, string> {
  const users = new Map<string, Set<string>>();
  for (const op of operations) {
    for (const name of [op.bodyComponent, op.replyComponent]) {
      if (name === undefined) continue;
      const set = users.get(name) ?? new Set<string>();
      set.add(fileOf(op));
      users.set(name, set);
    }
  }
  const owner = new Map<string, string>();
  for (const [name, files] of users) owner.set(name, files.size === 1 ? [...files][0]! : SHARED);
  return owner;
}

/** `export interface X {...}` for objects with properties (a type of members and group rules for a body with groups), else `export type X = ...`. */
export function writeDeclaration(w: Writer, name: string, schema: OpenAPIV3.SchemaObject, request: boolean, ctx: TypeContext): void {
  writeDocs(w, docText(schema.description, valueFacts(schema)));
  const groups = request ? requiredGroups(schema) : [];
  if (schema.type === "object" && Object.keys(schema.properties ?? {}).length > 0 && groups.length > 0) {
    // Group rules (exactly one / at least one of some args) intersect the members.
    w.write(`export type ${name} = `).inlineBlock(() => writeMembers(w, schema, request, ctx));
    w.write(` & ${groups.map((g) => groupType(g, schema, ctx)).join(" & ")};`).newLine();
  } else if (schema.type === "object" && Object.keys(schema.properties ?? {}).length > 0) {
    w.write(`export interface ${name} `).block(() => writeMembers(w, schema, request, ctx));
  } else {
    w.writeLine(`export type ${name} = ${valueType(ctx.view.value(schema), request, ctx)};`);
  }
}
