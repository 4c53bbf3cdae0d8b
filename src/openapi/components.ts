/**
 * Shared value schemas as components. Tens of thousands of properties share a
 * few hundred value schemas; each distinct one becomes a component, and the
 * property keeps only what is its own (description, readOnly) beside a
 * `$ref`. Generators then name one type per value instead of one per
 * property (whose names collide: `proplist`/`.proplist`, `channel.band`/`channel-band`).
 */
import type { OpenAPIV3 } from "openapi-types";
import { valueFacts, type EvidenceExtensions, type VersionExtensions } from "./extensions.js";
import { pascalCase, typeSafeName, UniqueNames } from "./names.js";

type Schema = OpenAPIV3.SchemaObject;
type Ref = OpenAPIV3.ReferenceObject;
type Schemas = Record<string, Schema | Ref>;

/** Keys that belong to the property, not to its value (see `valuePart`): its text, its default, and in which versions it exists. */
const OWN_KEYS = ["description", "readOnly", "default", "x-routeros-since", "x-routeros-removed-in", "x-routeros-evidence"] as const;

const PLAIN_STRING = JSON.stringify({ type: "string" });

interface Usage {
  value: Schema;
  count: number;
  names: Map<string, number>;
}

function valuePart(property: Schema): Schema {
  // Destructuring rather than `delete`, which turns objects into slow dictionaries. (`default` is `any` in openapi-types; it is dropped.)
  const {
    description: _description,
    readOnly: _readOnly,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
    default: _default,
    "x-routeros-since": _since,
    "x-routeros-removed-in": _removedIn,
    "x-routeros-evidence": _evidence,
    ...value
  } = property as Schema & VersionExtensions & EvidenceExtensions;
  return value;
}

const isRef = (schema: Schema | Ref): schema is Ref => "$ref" in schema;

/** The properties of every object component: the only place value schemas live. */
function* propertySchemas(schemas: Schemas): Generator<[Record<string, Schema | Ref>, string, Schema]> {
  for (const schema of Object.values(schemas)) {
    if (isRef(schema) || !schema.properties) continue;
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isRef(property)) yield [schema.properties, name, property];
    }
  }
}

/** Generators name a type for an inline enum or union: these always become components, so names never collide. */
const namedByGenerators = (value: Schema): boolean => Boolean(value.enum || value.oneOf || value.anyOf || value.allOf);

/**
 * Returns the components with every property's value schema that is shared,
 * or that generators would name, hoisted into a component of its own. Names come from
 * the RouterOS type: the most used schema of a type is `<Type>Value`
 * (`DurationValue`), the others `<Property><Type>` after the property name
 * that uses them most (`MtuInteger`).
 */
export function hoistValueSchemas(schemas: Schemas): Schemas {
  // Copies of the object schemas only (their properties change); the rest is shared with the input.
  const out: Schemas = Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      isRef(schema) || !schema.properties ? schema : { ...schema, properties: { ...schema.properties } },
    ]),
  );
  const usages = new Map<string, Usage>();
  const sites: [Record<string, Schema | Ref>, string, Schema, string][] = [];
  for (const [properties, name, property] of propertySchemas(out)) {
    const value = valuePart(property);
    const key = JSON.stringify(value);
    if (key === PLAIN_STRING) continue;
    const usage = usages.get(key) ?? { value, count: 0, names: new Map() };
    usage.count++;
    usage.names.set(name, (usage.names.get(name) ?? 0) + 1);
    usages.set(key, usage);
    sites.push([properties, name, property, key]);
  }

  const names = new UniqueNames(Object.keys(schemas));
  const refs = new Map<string, string>();
  const typed = new Set<string>();
  const hoisted = [...usages].filter(([, usage]) => usage.count > 1 || namedByGenerators(usage.value));
  const ordered = hoisted.sort(([ka, a], [kb, b]) => b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0));
  for (const [key, usage] of ordered) {
    const type = pascalCase([valueFacts(usage.value)["x-routeros-type"] ?? ""]);
    const base = type && !typed.has(type) ? `${type}Value` : `${pascalCase([mostUsed(usage.names)])}${type || "Value"}`;
    typed.add(type);
    const name = names.claim(typeSafeName(base));
    out[name] = usage.value;
    refs.set(key, `#/components/schemas/${name}`);
  }

  for (const [properties, name, property, key] of sites) {
    const $ref = refs.get(key);
    if (!$ref) continue;
    const facts = property as Schema & VersionExtensions & EvidenceExtensions;
    const own = Object.fromEntries(OWN_KEYS.filter((k) => facts[k] !== undefined).map((k) => [k, facts[k]]));
    // A `$ref` takes no siblings in OpenAPI 3.0: the property's own facts sit beside an `allOf`.
    properties[name] = Object.keys(own).length ? { allOf: [{ $ref }], ...own } : { $ref };
  }
  return out;
}

function mostUsed(counts: Map<string, number>): string {
  let best = "";
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount || (count === bestCount && name < best)) [best, bestCount] = [name, count];
  }
  return best;
}

/**
 * The inverse, for readers that want every property's schema in place: a
 * copy of the document whose properties are `$ref`s no more (the value
 * schema with the property's own description and readOnly merged in), and
 * without the value components, which nothing names any more.
 */
export function inlineValueSchemas(doc: OpenAPIV3.Document): OpenAPIV3.Document {
  const schemas = doc.components?.schemas ?? {};
  const values = new Set<string>();
  const target = (ref: string): Schema => {
    const name = ref.split("/").pop()!;
    values.add(name);
    return schemas[name] as Schema;
  };
  const inlined: Schemas = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (isRef(schema) || !schema.properties) {
      inlined[name] = schema;
      continue;
    }
    const properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, property]) => {
        if (isRef(property)) return [key, target(property.$ref)];
        const only = property.allOf?.length === 1 ? property.allOf[0]! : undefined;
        if (!only || !isRef(only)) return [key, property];
        const { allOf: _allOf, ...own } = property;
        return [key, { ...target(only.$ref), ...own }];
      }),
    );
    inlined[name] = { ...schema, properties };
  }
  for (const name of values) delete inlined[name];
  return { ...doc, components: { ...doc.components, schemas: inlined } };
}
