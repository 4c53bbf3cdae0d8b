/**
 * Example values that are true: each one validates against its own schema
 * (pattern, enum, length, range), or the property is left out. The schema's
 * own `example` comes first; otherwise one value per RouterOS type
 * (`10.0.0.1/24` for a prefix, `30s` for a duration, the first word of an
 * enum). Args the router did not describe (mostly flags such as
 * `hide-sensitive`) get no value: sending them could combine flags that
 * exclude each other.
 */
import type { OpenAPIV3 } from "openapi-types";
import { resolveValue } from "../operations.js";
import { valueFacts, type Range } from "../../openapi/extensions.js";

type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

const BY_TYPE: Record<string, string> = {
  ipv4: "192.168.88.1",
  "ipv4-prefix": "10.0.0.1/24",
  ipv6: "2001:db8::1",
  "ipv6-prefix": "2001:db8::/64",
  "ip-range": "10.0.0.10-10.0.0.20",
  "ip-address": "10.0.0.1",
  "ip-prefix": "10.0.0.0/24",
  mac: "00:0C:29:AB:CD:EF",
  duration: "30s",
  hex: "0a1b",
  script: ':log info "hello"',
  gateway: "192.168.88.254",
  host: "example.com",
  "route-distinguisher": "65000:1",
};

/** Objects every RouterOS has (`main` table, the `all` interface list); an interface by its role. */
function referenceExample(ref: string, name: string): string | undefined {
  if (ref === "interface") return /bridge/.test(name) ? "bridge" : "ether1";
  if (ref === "interface-list") return "all";
  if (ref === "vrf" || ref === "routing-table") return "main";
  // A certificate, a user, a pool...: no name is true on every router.
  return undefined;
}

const patterns = new Map<string, RegExp>();
const pattern = (text: string): RegExp => patterns.get(text) ?? patterns.set(text, new RegExp(text, "u")).get(text)!;

/** Whether a value satisfies the schema's own constraints (the checks ajv makes on our values). */
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

/**
 * An example of one value, or undefined where none is true; `idVariable`
 * stands for item references (`numbers`), `name` is the property's.
 */
export function exampleValue(doc: OpenAPIV3.Document, schemaOrRef: SchemaOrRef, idVariable?: string, name = ""): unknown {
  const { schema } = resolveValue(doc, schemaOrRef);
  if (schema.example !== undefined) return schema.example;
  const value = derived(doc, schema, idVariable, name);
  // An item id variable is filled at run time (by a list or an add), with an id that fits.
  if (typeof value === "string" && value.startsWith("{{")) return value;
  return value !== undefined && fits(schema, value) ? value : undefined;
}

function derived(doc: OpenAPIV3.Document, schema: OpenAPIV3.SchemaObject, idVariable: string | undefined, name: string): unknown {
  const facts = valueFacts(schema);
  const type = facts["x-routeros-type"] ?? "";
  const words = schema.enum ?? facts["x-routeros-enum"];
  if (words?.length) return words[0];
  if (type === "reference") {
    const ref = facts["x-routeros-ref"] ?? "";
    if (ref === "item") return idVariable ? `{{${idVariable}}}` : "*1";
    return referenceExample(ref, name);
  }
  if (type === "integer" || schema.type === "integer") return integerExample(schema, facts["x-routeros-range"]);
  if (type === "duration") return durationExample(facts["x-routeros-range"]);
  // An IPv4 value named a mask holds a mask, not an address.
  if (type === "ipv4" && /mask/.test(name)) return "255.255.255.0";
  if (BY_TYPE[type]) return BY_TYPE[type];
  for (const option of [...(schema.oneOf ?? [])].reverse()) {
    const value = exampleValue(doc, option, idVariable, name);
    if (value !== undefined) return value;
  }
  if (schema.type === "array") {
    const item = schema.items ? exampleValue(doc, schema.items, idVariable, name) : undefined;
    return item === undefined ? undefined : [item];
  }
  if (schema.type === "object") {
    // An object missing a required value is no true example.
    const object = exampleObject(doc, schema, () => false, idVariable);
    return (schema.required ?? []).every((key) => key in object) ? object : undefined;
  }
  // A string the router described gets a word; an arg it did not describe (often a flag) none.
  return type === "string" && facts["x-routeros-syntax"] !== undefined ? "example" : undefined;
}

/** An example object with a value for every property that has a true one, minus `omit`. */
export function exampleObject(
  doc: OpenAPIV3.Document,
  schema: OpenAPIV3.SchemaObject,
  omit: (name: string) => boolean = () => false,
  idVariable?: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (omit(name)) continue;
    const value = exampleValue(doc, property, idVariable, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** 1 where the range allows it, else the nearer bound; a JSON integer where the schema is one, else its text. */
function integerExample(schema: OpenAPIV3.SchemaObject, range: Range | undefined): number | string {
  const min = Number(range?.min ?? schema.minimum ?? -Infinity);
  const max = Number(range?.max ?? schema.maximum ?? Infinity);
  const value = Math.max(min, Math.min(1, max));
  return schema.type === "integer" ? value : String(value);
}

const PREFERRED_DURATION_S = 30;

/** 30s where the range allows it; else the nearer bound, as RouterOS wrote it (`10ms..5s` gives `5s`). */
function durationExample(range: Range | undefined): string {
  const [min, max] = [range?.min, range?.max].map((v) => (v === undefined ? undefined : String(v)));
  if (min !== undefined && durationSeconds(min) > PREFERRED_DURATION_S) return min;
  if (max !== undefined && durationSeconds(max) < PREFERRED_DURATION_S) return max;
  return BY_TYPE.duration!;
}

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };

/** Seconds in a RouterOS duration (`1d2h`, `10ms`, `00:00:00.200`, `1d 00:10:00`); NaN when unreadable. */
export function durationSeconds(text: string): number {
  const clock = /^(?:(\d+)d\s?)?(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text);
  if (clock) {
    const [, days = "0", hours, minutes, seconds = "0"] = clock;
    return Number(days) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  }
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(w|d|h|ms|m|s|us|ns)?/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) return NaN;
  return parts.reduce((sum, [, n, unit = "s"]) => sum + Number(n) * UNIT_SECONDS[unit]!, 0);
}
