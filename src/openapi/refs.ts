/**
 * Local `$ref` resolution within one OpenAPI document: the one resolver that
 * the emitter view, the safety classification and the tests use.
 */
import type { OpenAPIV3 } from "openapi-types";

type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

/** The component a schema names with `$ref` (`IpAddress`), if it names one. */
export const componentName = (schema: unknown): string | undefined => (schema as { $ref?: string } | undefined)?.$ref?.split("/").pop();

/** Follows a local `$ref` (`#/components/...`) to what it names, within `root` (a document, or any object shaped like one). */
export function resolve<T>(root: object, value: T | OpenAPIV3.ReferenceObject | object | undefined): T {
  let current: unknown = value;
  for (let hops = 0; current && typeof current === "object" && "$ref" in current; hops++) {
    if (hops > 16) throw new Error(`$ref loop at ${(current as OpenAPIV3.ReferenceObject).$ref}`);
    const parts = (current as OpenAPIV3.ReferenceObject).$ref.replace(/^#\//, "").split("/");
    current = parts.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], root);
  }
  return current as T;
}

/**
 * A property's value schema, resolved: a `$ref` to a shared value component,
 * or `allOf: [{$ref}]` with the property's own description and readOnly
 * beside it (OpenAPI 3.0 allows no siblings beside a `$ref`).
 */
export function resolveValue(root: object, schema: SchemaOrRef): { schema: OpenAPIV3.SchemaObject; component?: string } {
  if ("$ref" in schema) return { schema: resolve<OpenAPIV3.SchemaObject>(root, schema), component: componentName(schema)! };
  const only = schema.allOf?.length === 1 ? schema.allOf[0]! : undefined;
  if (!only || !("$ref" in only)) return { schema };
  const { allOf: _allOf, ...beside } = schema;
  return { schema: { ...resolve<OpenAPIV3.SchemaObject>(root, only), ...beside }, component: componentName(only)! };
}
