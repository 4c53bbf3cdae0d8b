/**
 * Value types: what an arg accepts and a property holds, from the arg's
 * syntax rows and completions. PLACEHOLDER until the grammar lands: every
 * value is a bare string.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Arg, SchemaModel } from "../../model/types.js";

export interface ValueType {
  /** Recorded as `x-routeros-type`, e.g. "string", "integer", "duration", "ipv4", "enum", "reference". */
  routerosType: string;
  /** The value as RouterOS replies it: always `type: string`, with format/pattern/enum/lengths. */
  reply: OpenAPIV3.SchemaObject;
  /** What a request may send: the reply schema, or e.g. integer-or-string for numbers. */
  request: OpenAPIV3.SchemaObject;
  /** Extra `x-routeros-*` keys for the property schema, e.g. `x-routeros-ref`. */
  extensions?: Record<string, unknown>;
}

/** Facts about the whole tree that typing one arg needs (e.g. which words are router objects). */
export interface TypeContext {
  objectWords: ReadonlySet<string>;
}

export function typeContext(_model: SchemaModel): TypeContext {
  return { objectWords: new Set() };
}

export function argValueType(_name: string, _arg: Arg, _ctx: TypeContext): ValueType {
  return { routerosType: "string", reply: { type: "string" }, request: { type: "string" } };
}
