/**
 * Example values a network engineer can send as they are: one per RouterOS
 * type (`10.0.0.1/24` for a prefix, `30s` for a duration, the first word of
 * an enum), within the schema's bounds.
 */
import type { OpenAPIV3 } from "openapi-types";
import { resolve } from "../operations.js";

type Schema = OpenAPIV3.SchemaObject & Record<`x-${string}`, unknown>;

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

const BY_REFERENCE: Record<string, string> = {
  interface: "ether1",
  "interface-list": "LAN",
  vrf: "main",
  "routing-table": "main",
  file: "flash/example.txt",
};

function stringOfLength(schema: OpenAPIV3.SchemaObject, text: string): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const padded = text.length < min ? text.padEnd(min, "x") : text;
  return padded.slice(0, max);
}

/** An example of one value; `idVariable` stands for item references (`numbers`). */
export function exampleValue(doc: OpenAPIV3.Document, schemaOrRef: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject, idVariable?: string): unknown {
  const schema = resolve<Schema>(doc, schemaOrRef);
  if (schema.example !== undefined) return schema.example;
  const type = String(schema["x-routeros-type"] ?? "");
  const words = (schema.enum ?? schema["x-routeros-enum"]) as unknown[] | undefined;
  if (words?.length) return String(words[0]);
  if (type === "reference") {
    const ref = String(schema["x-routeros-ref"] ?? "");
    if (ref === "item") return idVariable ? `{{${idVariable}}}` : "*1";
    return BY_REFERENCE[ref] ?? "example";
  }
  if (type === "integer") {
    const range = schema["x-routeros-range"] as { min?: number; max?: number } | undefined;
    return String(Math.max(range?.min ?? 0, Math.min(1, range?.max ?? 1)));
  }
  if (type === "duration") return durationExample(schema["x-routeros-range"] as { min?: unknown; max?: unknown } | undefined);
  if (BY_TYPE[type]) return BY_TYPE[type];
  if (schema.oneOf) return exampleValue(doc, schema.oneOf[schema.oneOf.length - 1]!, idVariable);
  if (schema.type === "array") return schema.items ? [exampleValue(doc, schema.items, idVariable)] : [];
  if (schema.type === "object") return exampleObject(doc, schema, () => false, idVariable);
  // A string the router described gets a word; an arg it did not describe (often a flag) stays empty.
  return stringOfLength(schema, type === "string" && schema["x-routeros-syntax"] !== undefined ? "example" : "");
}

/** An example object with a value for every property, minus `omit`. */
export function exampleObject(doc: OpenAPIV3.Document, schema: OpenAPIV3.SchemaObject, omit: (name: string) => boolean = () => false, idVariable?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!omit(name)) out[name] = exampleValue(doc, property, idVariable);
  }
  return out;
}

const PREFERRED_DURATION_S = 30;

/** 30s where the range allows it; else the nearer bound, as RouterOS wrote it (`10ms..5s` gives `5s`). */
function durationExample(range: { min?: unknown; max?: unknown } | undefined): string {
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
