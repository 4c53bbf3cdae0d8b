/**
 * The emitters, as plugins: each turns the emitter view into files. A new
 * output is one folder and one line here; the CLI derives `generate`'s
 * `--only` choices, its option flags and their help from this list.
 */
import type { OutputFile } from "../io/files.js";
import { emitOpenApi, OPENAPI_OPTIONS, OPENAPI_OWNS } from "./openapi/index.js";
import { emitPostman } from "./postman/index.js";
import { emitSite } from "./site/index.js";
import { emitOverlay } from "./overlay/index.js";
import { emitTypeScriptClient } from "./typescript/index.js";
import type { EmitterView } from "../view/index.js";

/** The values an emitter option takes: a switch, or a text. */
export type OptionValue = boolean | string;

/** One option of an emitter: `generate` takes it as `--<name>` (kebab-case), the library as `options[emitter][name]`. */
export interface EmitterOption<T extends OptionValue = OptionValue> {
  description: string;
  default: T;
}

export type OptionSpecs<Options> = { [K in keyof Options]: EmitterOption<Options[K] & OptionValue> };

export interface Emitter<Name extends string = string, Options extends Record<string, OptionValue> = Record<string, OptionValue>> {
  name: Name;
  /** What it writes, for help texts. */
  description: string;
  options: OptionSpecs<Options>;
  /** Top-level entries of the output folder that are this emitter's: those it does not write in a run go (a stale split folder). */
  owns: readonly string[];
  /** Whether `generate` runs it when no `--only` is given (default: yes). */
  inDefault?: boolean;
  emit(view: EmitterView, options: Options): OutputFile[] | Promise<OutputFile[]>;
}

const emitter = <Name extends string, Options extends Record<string, OptionValue>>(e: Emitter<Name, Options>): Emitter<Name, Options> => e;

export const EMITTERS = [
  emitter({
    name: "openapi",
    description: "openapi.json and openapi.yaml",
    options: OPENAPI_OPTIONS,
    owns: OPENAPI_OWNS,
    emit: emitOpenApi,
  }),
  emitter({ name: "client", description: "client/: a typed TypeScript client", options: {}, owns: ["client"], emit: emitTypeScriptClient }),
  emitter({ name: "postman", description: "postman.json: a Postman collection", options: {}, owns: ["postman.json"], emit: emitPostman }),
  emitter({
    name: "site",
    description: "site/: a static reference site of the document (rosapi site builds one over several versions)",
    options: {},
    owns: ["site"],
    inDefault: false,
    emit: emitSite,
  }),
  emitter({
    name: "overlay",
    description: "overlay.json: the evidence (--facts) as an OpenAPI Overlay 1.0 document, for other descriptions of the API",
    options: {},
    owns: ["overlay.json"],
    inDefault: false,
    emit: emitOverlay,
  }),
] as const;

export type EmitterName = (typeof EMITTERS)[number]["name"];
export const EMITTER_NAMES: readonly EmitterName[] = EMITTERS.map((e) => e.name);

/** Options by emitter, each partial: what is not given takes its default. */
export type EmitOptions = { [E in (typeof EMITTERS)[number] as E["name"]]?: Partial<Parameters<E["emit"]>[1]> };

/** An emitter's options: the defaults, overridden by what is given. */
export function optionsOf(e: Emitter, given: Record<string, OptionValue> = {}): Record<string, OptionValue> {
  return Object.fromEntries(Object.entries(e.options).map(([key, spec]) => [key, given[key] ?? spec.default]));
}
