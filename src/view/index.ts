/**
 * The emitter view: what every emitter needs from an OpenAPI document, built
 * once. Operations with their menu kind, body and reply; the menu tree; the
 * component schemas; and value schemas resolved (a property may be a `$ref`
 * to a shared value component, or `allOf: [{$ref}]` with its own description
 * and readOnly beside it) with their RouterOS facts as typed fields.
 * Emitters read this, never the document's strings, patterns or paths.
 */
import type { OpenAPIV3 } from "openapi-types";
import { documentFacts, valueFacts, type DocumentExtensions, type ValueExtensions } from "../openapi/extensions.js";
import { componentName, resolve, resolveValue } from "../openapi/refs.js";
import { listOperations, type Operation } from "./operations.js";
import { requestPolicy, type RequestPolicy } from "./requests.js";

type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

export interface ViewOperation extends Operation {
  /** The component the body names (`IpAddressAddArgs`). */
  bodyComponent?: string;
  /** The component the reply names, or the component of its items for a list reply. */
  replyComponent?: string;
  /** The reply is a list of `replyComponent`. */
  replyMany: boolean;
  /** The successful reply's schema, resolved (none for an empty reply). */
  replySchema?: OpenAPIV3.SchemaObject;
  /** The query parameters of a list (filters, `.proplist`), resolved. */
  query: OpenAPIV3.ParameterObject[];
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
  /** The document itself, for the emitter that writes it; every other emitter reads the fields below. */
  document: OpenAPIV3.Document;
  info: OpenAPIV3.InfoObject;
  /** The document's top-level `x-routeros`: version, architecture, packages, source. */
  routeros: DocumentExtensions;
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
  /**
   * The document's example of a value: its `default` (from evidence), its own `example`, or for an object,
   * an array or a choice, one composed of its parts' examples; undefined
   * where the document has none (the one source of examples: emitters derive none).
   */
  example(schema: SchemaOrRef): unknown;
  /** The request policy of an operation: the values its request carries, each with why, and why a run skips it. */
  request(op: ViewOperation): RequestPolicy;
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
    const reply = op.reply.schema;
    const items = reply && !("$ref" in reply) && reply.type === "array" ? reply.items : undefined;
    const replyComponent = componentName(items ?? reply);
    const bodyComponent = componentName(op.bodySchema);
    return {
      ...op,
      ...(bodyComponent ? { bodyComponent } : {}),
      ...(replyComponent ? { replyComponent } : {}),
      replyMany: items !== undefined,
      ...(reply ? { replySchema: resolve<OpenAPIV3.SchemaObject>(document, reply) } : {}),
      query: (op.operation.parameters ?? []).map((p) => resolve<OpenAPIV3.ParameterObject>(document, p)).filter((p) => p.in === "query"),
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
  const example = (schema: SchemaOrRef): unknown => {
    const { schema: s } = value(schema);
    // A default (from evidence) is the natural example: the value the router itself would take.
    if (s.default !== undefined) return s.default;
    if (s.example !== undefined) return s.example;
    for (const option of [...(s.oneOf ?? [])].reverse()) {
      const chosen = example(option);
      if (chosen !== undefined) return chosen;
    }
    if (s.type === "array") {
      const item = s.items ? example(s.items) : undefined;
      return item === undefined ? undefined : [item];
    }
    if (s.type !== "object") return undefined;
    const object = Object.fromEntries(
      Object.entries(s.properties ?? {}).flatMap(([name, p]) => {
        const e = example(p);
        return e === undefined ? [] : [[name, e]];
      }),
    );
    // An object missing a required value is no true example.
    return (s.required ?? []).every((key) => key in object) ? object : undefined;
  };
  const policies = new WeakMap<ViewOperation, RequestPolicy>();
  const view: EmitterView = {
    document,
    info: document.info,
    routeros: documentFacts(document),
    version: document.info.version,
    operations,
    tree: menuTree(operations),
    components,
    requestComponents: new Set(operations.flatMap((op) => (op.bodyComponent ? [op.bodyComponent] : []))),
    valueComponents,
    value,
    properties: (schema) => Object.entries(schema.properties ?? {}).map(([name, s]) => [name, value(s)]),
    example,
    request: (op) => {
      const known = policies.get(op);
      if (known) return known;
      const policy = requestPolicy(view, op);
      policies.set(op, policy);
      return policy;
    },
  };
  return view;
}
