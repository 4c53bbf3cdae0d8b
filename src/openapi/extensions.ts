/**
 * The `x-routeros-*` keys: the one typed contract between the OpenAPI builder
 * that writes them and every emitter that reads them (documented for users
 * in EXTENSIONS.md). Facts travel here as fields; nobody recovers them from
 * patterns, paths or type strings.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Evidence, FactValue, RequiredGroup } from "../facts/types.js";
import type { MenuKind } from "../model/menu-kind.js";
import type { SourceKind } from "../model/types.js";

export type { MenuKind };

/** What an operation does, RouterOS-wise. */
export type Verb = "list" | "get" | "add" | "set" | "remove" | "command";

/**
 * What sending an operation may do to the router, by allowlist (see safety.ts):
 * - `reads`: shows and never writes (sent with `readsWith`, without `readsWithout`);
 * - `adds`: creates an item, which is then the sender's own;
 * - `own-item`: changes or removes one item named in the request (safe on an item the sender added);
 * - `changes-router`: anything else, including every command nobody classified;
 * - `disruptive`: ends the session, loses configuration or licence, or changes what runs (reboot,
 *   reset-configuration, package install, device-mode, `/password`...).
 */
export type SafetyClass = "reads" | "adds" | "own-item" | "changes-router" | "disruptive";

export interface SafetyFact {
  class: SafetyClass;
  /** A read only when bounded: the args, with their values, that keep it one (`{once: ""}`, `{count: "3", address: "127.0.0.1"}`). */
  readsWith?: Record<string, string>;
  /** Body args that would make a read write a file or stream until stopped (`file`, `follow`...). */
  readsWithout?: string[];
}

/** In which RouterOS versions a node exists (merged multi-version documents only). */
export interface VersionExtensions {
  /** The first version, of those merged, that has it. */
  "x-routeros-since"?: string;
  /** The first version, of those merged, that no longer has it. */
  "x-routeros-removed-in"?: string;
}

export interface OperationExtensions extends VersionExtensions {
  /** The menu, RouterOS style: `/ip/address` (root: `/`). */
  "x-routeros-menu": string;
  "x-routeros-menu-kind": MenuKind;
  "x-routeros-verb": Verb;
  "x-routeros-safety": SafetyFact;
  /** The body arg that names the items the command acts on (`numbers`; `number` for `get`), where the body has one. */
  "x-routeros-selector"?: string;
  /** The console command: add, set, remove, or the POST command's name. */
  "x-routeros-command"?: string;
  /** Commands that stream until stopped; `bounds` lists the args that end them. */
  "x-routeros-runs-until-stopped"?: { bounds: string[] };
}

/** Bounds as RouterOS wrote them: numbers for integers, texts (`0s`, `1d`) for durations. */
export interface Range {
  min?: number | string;
  max?: number | string;
}

export interface ValueExtensions extends VersionExtensions, EvidenceExtensions {
  /** The RouterOS value type: string, integer, duration, ipv4, enum, reference, ... */
  "x-routeros-type"?: string;
  /** The raw syntax text the router gave. */
  "x-routeros-syntax"?: string;
  /**
   * What a reference names (`interface`, `routing-table`, `item`, ...). On a typed value (`x-routeros-type`
   * other than `reference`, e.g. `ipv4` of `router-id`) the value is either that type or such a name (`anyOf`).
   */
  "x-routeros-ref"?: string;
  /** A comma-separated list of values (one string); a single value is a one-element list. */
  "x-routeros-list"?: true;
  /** Each value (each element of a list) may carry a leading `!`. */
  "x-routeros-negatable"?: true;
  /** `""` is accepted and clears the value (an empty list). */
  "x-routeros-empty"?: true;
  /** A closed vocabulary the grammar proves (the value is one of these, or a list of them): a spelled-out word list, or keywords of style `arg`. */
  "x-routeros-enum"?: string[];
  /** Words the console suggests (completions of style `none`); the value stays open (any string of its type). */
  "x-routeros-suggestions"?: string[];
  /** Words accepted beside the typed form (`none`, `disabled`, `auto`). */
  "x-routeros-special"?: string[];
  "x-routeros-range"?: Range;
}

/** What the evidence says (src/facts/): each fact with its source, and the sources it won over. */
export interface RequiredEvidence extends Partial<Evidence> {
  /** `unknown`: no source says, which is not "nothing required" (known, with `all` and `groups` empty). */
  status: "known" | "unknown";
  /** Args every add must give (also in the body's `required`). */
  all?: string[];
  /** Exactly one (`oneOf`) or at least one (`anyOf`) of these (also as the body's `oneOf`/`anyOf`). */
  groups?: RequiredGroup[];
  /** The rule that chose this source over one that disagrees. */
  decidedBy?: string;
  /** The other sources' rules. */
  others?: ({ all: string[]; groups: RequiredGroup[]; agrees: boolean } & Evidence)[];
  /** Failed probes: why the rule stays unknown. */
  probeErrors?: Evidence[];
  /** Args the evidence names that this tree's add does not take (left out of `required`). */
  notInTree?: string[];
}

export interface DefaultEvidence extends Evidence {
  /** The default as the source wrote it (a curated Python literal keeps its type: `true`, `1500`). */
  value: FactValue;
  decidedBy?: string;
  others?: ({ value: FactValue; agrees: boolean } & Evidence)[];
  /** The value's type refused the default, and was widened to accept it: the source saw RouterOS write it. */
  widened?: true;
  /** The value's type refuses every form of the default, even widened: no `default` is written. */
  refused?: true;
}

export interface EvidenceExtensions {
  "x-routeros-evidence"?: {
    /** On an add body. */
    required?: RequiredEvidence;
    /** On a property: of an add body, or of a settings object (once per fact). */
    default?: DefaultEvidence;
  };
}

export interface ObjectExtensions extends VersionExtensions, EvidenceExtensions {
  /** Where an item schema's properties came from. */
  "x-routeros-properties-from"?: "completions" | "args";
}

/** The document's top-level `x-routeros`: what the document describes and where it came from. */
export interface DocumentExtensions {
  version: string;
  architecture?: string;
  board?: string;
  packages?: string[];
  /** How the tree was obtained: a crawl, a restraml dump, a merge of versions... */
  source: SourceKind;
  /** The evidence files of required args and defaults (`generate --facts`), by name, with what each is. */
  evidence?: { file: string; description: string }[];
  generator: string;
}

export type OperationObject = OpenAPIV3.OperationObject & OperationExtensions;
export type ValueSchema = OpenAPIV3.SchemaObject & ValueExtensions;
export type ObjectSchema = OpenAPIV3.SchemaObject & ObjectExtensions;
export type RouterOSDocument = OpenAPIV3.Document & { "x-routeros": DocumentExtensions };

/*
 * The typed readers: the only places that view OpenAPI objects as carrying
 * the extensions above (the builder writes them; nobody else casts).
 */

export const operationFacts = (op: OpenAPIV3.OperationObject): OperationExtensions => op as OperationObject;

export const valueFacts = (schema: OpenAPIV3.SchemaObject): ValueExtensions => schema as ValueSchema;

export const objectFacts = (schema: OpenAPIV3.SchemaObject): ObjectExtensions => schema as ObjectSchema;

export const documentFacts = (doc: OpenAPIV3.Document): DocumentExtensions => (doc as RouterOSDocument)["x-routeros"];
