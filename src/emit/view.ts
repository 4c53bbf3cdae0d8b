/**
 * The emitter view: what every emitter needs from an OpenAPI document, built
 * once. Operations with their menu kind, body and reply; the menu tree; the
 * component schemas; and value schemas resolved (a property may be a `$ref`
 * to a shared value component, or `allOf: [{$ref}]` with its own description
 * and readOnly beside it) with their RouterOS facts as typed fields.
 * Emitters read this, never the document's strings, patterns or paths.
 */
import type { OpenAPIV3 } from "openapi-types";
import { valueFacts, type ValueExtensions } from "../openapi/extensions.js";
import { componentName, listOperations, resolve, resolveValue, type Operation } from "./operations.js";

type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

export interface ViewOperation extends Operation {
  /** The component the body names (`IpAddressAddArgs`). */
  bodyComponent?: string;
  /** The component the reply names, or the component of its items for a list reply. */
  replyComponent?: string;
  /** The reply is a list of `replyComponent`. */
  replyMany: boolean;
}

export interface MenuNode {
  /** `/ip/address`; the root is `/`. */
  menu: string;
  /** The last word of the menu (`address`); the root's is "". */
  name: string;
  operations: ViewOperation[];
  children: Map<string, MenuNode>;
}

/** One value (a property, an array's items, a member of a oneOf), resolved once. */
export interface ValueView {
  schema: OpenAPIV3.SchemaObject;
  facts: ValueExtensions;
  /** The component it names, when it names one. */
  component?: string;
}

export interface EmitterView {
  document: OpenAPIV3.Document;
  /** The RouterOS version the document describes (`unknown` when the tree carried none). */
  version: string;
  operations: ViewOperation[];
  tree: MenuNode;
  /** Component schemas, resolved, in document order. */
  components: Map<string, OpenAPIV3.SchemaObject>;
  /** Components that some request body names: their values take vocabularies, replies are strings. */
  requestComponents: Set<string>;
  /** Shared value schemas that properties name (`DurationValue`): emitters write them in place, not as types of their own. */
  valueComponents: Set<string>;
  /** A value schema, resolved: `$ref` and `allOf: [{$ref}]` followed, what sits beside them kept. */
  value(schema: SchemaOrRef): ValueView;
  /** A component's properties, each resolved. */
  properties(schema: OpenAPIV3.SchemaObject): [name: string, value: ValueView][];
}

function menuTree(operations: ViewOperation[]): MenuNode {
  const root: MenuNode = { menu: "/", name: "", operations: [], children: new Map() };
  for (const op of operations) {
    let node = root;
    for (const name of op.menu.split("/").filter(Boolean)) {
      let child = node.children.get(name);
      if (!child)
        node.children.set(
          name,
          (child = { menu: `${node.menu === "/" ? "" : node.menu}/${name}`, name, operations: [], children: new Map() }),
        );
      node = child;
    }
    node.operations.push(op);
  }
  return root;
}

export function buildView(document: OpenAPIV3.Document): EmitterView {
  const operations: ViewOperation[] = listOperations(document).map((op) => {
    const reply = op.reply.schema as OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined;
    const items = reply && !("$ref" in reply) && reply.type === "array" ? reply.items : undefined;
    const replyComponent = componentName(items ?? reply);
    const bodyComponent = componentName(op.bodySchema);
    return {
      ...op,
      ...(bodyComponent ? { bodyComponent } : {}),
      ...(replyComponent ? { replyComponent } : {}),
      replyMany: items !== undefined,
    };
  });
  const components = new Map(
    Object.entries(document.components?.schemas ?? {}).map(([name, s]) => [name, resolve<OpenAPIV3.SchemaObject>(document, s)]),
  );
  const values = new WeakMap<object, ValueView>();
  const value = (schema: SchemaOrRef): ValueView => {
    const known = values.get(schema);
    if (known) return known;
    const resolved = resolveValue(document, schema);
    const view: ValueView = { ...resolved, facts: valueFacts(resolved.schema) };
    values.set(schema, view);
    return view;
  };
  const valueComponents = new Set(
    [...components.values()].flatMap((c) => Object.values(c.properties ?? {}).flatMap((p) => value(p).component ?? [])),
  );
  return {
    document,
    version: document.info.version,
    operations,
    tree: menuTree(operations),
    components,
    requestComponents: new Set(operations.flatMap((op) => (op.bodyComponent ? [op.bodyComponent] : []))),
    valueComponents,
    value,
    properties: (schema) => Object.entries(schema.properties ?? {}).map(([name, s]) => [name, value(s)]),
  };
}
