/**
 * A value form: what the syntax grammar and the completions say about one
 * value, before it becomes schemas. Pure data, easy to combine and to test.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { ValueExtensions } from "../extensions.js";

export interface Form {
  /** `x-routeros-type`: string, integer, duration, ipv4, ip-prefix, ip-range, mac, hex, enum, script, reference, ... */
  type: string;
  /** Unanchored pattern body of one value. */
  pattern?: string;
  /** A standard JSON Schema format only (`ipv4`); RouterOS forms travel in `pattern`. */
  format?: string;
  minLength?: number;
  maxLength?: number;
  /** Integer bounds. */
  minimum?: number;
  maximum?: number;
  /** A closed vocabulary: only a syntax text that spells the words, or keywords of style `arg`. */
  enum?: string[];
  /** Words accepted besides the form itself, e.g. `none`, `disabled`, `auto`. */
  special?: string[];
  /** Words the console suggests (completions of style `none`); the value stays open. */
  suggestions?: string[];
  /** A comma-separated list of values (syntax `[,Name*]`, completion meta `,`, or known list semantics). */
  list?: boolean;
  /** `""` is accepted: it clears the value (an empty list). */
  empty?: boolean;
  /** Values may carry a leading `!` (completion meta `!`). */
  negatable?: boolean;
  /** What a reference names, e.g. `interface`. */
  ref?: string;
  /** A typed form that may also name a router object (`A.B.C.D` or a `/routing/id` name): what that names. */
  orRef?: string;
  /** Range of a duration as the router wrote it, e.g. `{min: "0s", max: "1d"}`. */
  range?: { min?: string; max?: string };
  /** The arg's name, for examples of references (`bridge1` for a bridge). */
  argName?: string;
}

export interface ValueType {
  /** Recorded as `x-routeros-type`. */
  routerosType: string;
  /** The value as RouterOS replies it: always `type: string`, with format/pattern/enum/lengths. */
  reply: OpenAPIV3.SchemaObject;
  /** What a request may send: the reply schema, or integer-or-string for numbers. */
  request: OpenAPIV3.SchemaObject;
  /** The typed `x-routeros-*` facts of the value (besides type and syntax). */
  extensions?: ValueExtensions;
}
