/**
 * The one walk over an OpenAPI document's operations: each with its RouterOS
 * facts (read through the typed contract of openapi/extensions.ts), in a
 * stable order, and `$ref` resolution within the document. The emitter view
 * (view.ts) builds on it.
 */
import type { OpenAPIV3 } from "openapi-types";
import { operationFacts, type MenuKind, type Verb } from "../openapi/extensions.js";

export type { MenuKind, Verb };
export type Method = "get" | "put" | "patch" | "delete" | "post";

export interface Operation {
  /** OpenAPI path: `/ip/address/{id}`. */
  path: string;
  method: Method;
  operation: OpenAPIV3.OperationObject;
  /** `/ip/address` (root: `/`). */
  menu: string;
  /** Items (`/ip/address`) or one settings object (`/system/identity`). */
  kind: MenuKind;
  verb: Verb;
  /** Addresses one item by its id in the URL (GET, PATCH, DELETE `/ip/address/{id}`). */
  onItem: boolean;
  /** The console command: add, set, remove, or the POST command's name. */
  command?: string;
  /** For commands that run until stopped: the args that bound them. */
  bounds?: string[];
  /** The request body's schema as written (a `$ref` to a component, usually). */
  bodySchema?: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;
  /** The request body's schema, resolved. */
  body?: OpenAPIV3.SchemaObject;
  /** The successful reply: its status, and its schema as written (none for an empty reply). */
  reply: { status: number; schema?: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject };
}

const METHODS: Method[] = ["get", "put", "patch", "delete", "post"];

/** The verbs of an item menu whose URL names one item; on a settings menu `get` is the whole object. */
const ITEM_VERBS: ReadonlySet<Verb> = new Set(["get", "set", "remove"]);

/** The component a schema names with `$ref` (`IpAddress`), if it names one. */
export const componentName = (schema: unknown): string | undefined => (schema as { $ref?: string } | undefined)?.$ref?.split("/").pop();

/** Follows a local `$ref` (`#/components/...`) to what it names. */
export function resolve<T>(doc: OpenAPIV3.Document, value: T | OpenAPIV3.ReferenceObject | object): T {
  let current: unknown = value;
  for (let hops = 0; current && typeof current === "object" && "$ref" in current; hops++) {
    if (hops > 16) throw new Error(`$ref loop at ${(current as OpenAPIV3.ReferenceObject).$ref}`);
    const parts = (current as OpenAPIV3.ReferenceObject).$ref.replace(/^#\//, "").split("/");
    current = parts.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return current as T;
}

/** Every operation, in path order (paths as the document lists them), then method order. */
export function listOperations(doc: OpenAPIV3.Document): Operation[] {
  const out: Omit<Operation, "kind" | "onItem">[] = [];
  const kinds = new Map<string, MenuKind>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const facts = operationFacts(operation);
      const media = operation.requestBody
        ? resolve<OpenAPIV3.RequestBodyObject>(doc, operation.requestBody).content["application/json"]
        : undefined;
      const [status, response] = Object.entries(operation.responses).find(([code]) => code.startsWith("2")) ?? ["200", undefined];
      const replyMedia = response ? resolve<OpenAPIV3.ResponseObject>(doc, response).content?.["application/json"] : undefined;
      const menu = facts["x-routeros-menu"] ?? "/";
      // A document that does not state the kind: a menu that lists items has items.
      const kind = facts["x-routeros-menu-kind"] ?? (facts["x-routeros-verb"] === "list" ? "items" : undefined);
      if (kind && !kinds.has(menu)) kinds.set(menu, kind);
      out.push({
        path,
        method,
        operation,
        menu,
        verb: facts["x-routeros-verb"],
        ...(facts["x-routeros-command"] ? { command: facts["x-routeros-command"] } : {}),
        ...(facts["x-routeros-runs-until-stopped"] ? { bounds: facts["x-routeros-runs-until-stopped"].bounds } : {}),
        ...(media?.schema ? { bodySchema: media.schema, body: resolve<OpenAPIV3.SchemaObject>(doc, media.schema) } : {}),
        reply: { status: Number(status), ...(replyMedia?.schema ? { schema: replyMedia.schema } : {}) },
      });
    }
  }
  return out.map((op) => {
    const kind = kinds.get(op.menu) ?? "settings";
    return { ...op, kind, onItem: kind === "items" && ITEM_VERBS.has(op.verb) };
  });
}

/** The schema of a successful reply, resolved (undefined for an empty reply). */
export function replySchema(doc: OpenAPIV3.Document, op: Operation): { status: number; schema?: OpenAPIV3.SchemaObject } {
  const { status, schema } = op.reply;
  return { status, ...(schema ? { schema: resolve<OpenAPIV3.SchemaObject>(doc, schema) } : {}) };
}

/**
 * A property's value schema, resolved: a `$ref` to a shared value component,
 * or `allOf: [{$ref}]` with the property's own description and readOnly
 * beside it (OpenAPI 3.0 allows no siblings beside a `$ref`).
 */
export function resolveValue(
  doc: OpenAPIV3.Document,
  schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject,
): { schema: OpenAPIV3.SchemaObject; component?: string } {
  if ("$ref" in schema) return { schema: resolve<OpenAPIV3.SchemaObject>(doc, schema), component: componentName(schema)! };
  const only = schema.allOf?.length === 1 ? schema.allOf[0]! : undefined;
  if (!only || !("$ref" in only)) return { schema };
  const { allOf: _allOf, ...beside } = schema;
  return { schema: { ...resolve<OpenAPIV3.SchemaObject>(doc, only), ...beside }, component: componentName(only)! };
}
