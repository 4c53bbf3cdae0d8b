/**
 * The emitters, as plugins: each turns the emitter view into files. A new
 * output is one folder and one line here; the CLI derives `generate`'s
 * `--only` choices, its option flags and their help from this list. Each
 * declares what it reads (the parts of the view, the document facts) and
 * the files a reader opens first, so that a site ships only outputs that
 * have something to say, each linked.
 */
import type { OutputFile } from "../io/files.js";
import { emitOpenApi, OPENAPI_OPTIONS, OPENAPI_OWNS } from "./openapi/index.js";
import { emitPostman } from "./postman/index.js";
import { emitSite } from "./site/index.js";
import { emitOverlay } from "./overlay/index.js";
import { emitTypeScriptClient } from "./typescript/index.js";
import type { EmitterView } from "../view/index.js";

/**
 * What an emitter reads. The view's parts: the document itself; the operations with their facts and
 * request policy (`view.request`); the menu tree; the component schemas with their values and examples.
 * Document facts beyond them: `evidence` (the top-level `x-routeros.evidence`: required args and defaults).
 */
type Reads = "document" | "operations" | "requests" | "tree" | "components" | "evidence";

/** Whether the view has what a part names: every view has its parts; evidence is there only when some was given. */
const present: Record<Reads, (view: EmitterView) => boolean> = {
  document: () => true,
  operations: () => true,
  requests: () => true,
  tree: () => true,
  components: () => true,
  evidence: (view) => (view.routeros.evidence ?? []).length > 0,
};

/** Whether everything an emitter reads is in the view: else its output would say nothing. */
export const hasInput = (e: Emitter, view: EmitterView): boolean => e.reads.every((part) => present[part](view));

/** A file a reader opens first (the client's declarations, not its runtime), with its link text. */
interface Entry {
  file: string;
  text: string;
}

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
  /** What it reads: without any of it in the view, a site leaves it out. */
  reads: readonly Reads[];
  /** The files a reader opens first: a site links each one written. */
  entries: readonly Entry[];
  emit(view: EmitterView, options: Options): OutputFile[] | Promise<OutputFile[]>;
}

const emitter = <Name extends string, Options extends Record<string, OptionValue>>(e: Emitter<Name, Options>): Emitter<Name, Options> => e;

export const EMITTERS = [
  emitter({
    name: "openapi",
    description: "openapi.json and openapi.yaml",
    options: OPENAPI_OPTIONS,
    owns: OPENAPI_OWNS,
    reads: ["document"],
    entries: [
      { file: "openapi.json", text: "OpenAPI document (JSON)" },
      { file: "openapi.yaml", text: "OpenAPI document (YAML)" },
    ],
    emit: emitOpenApi,
  }),
  emitter({
    name: "client",
    description: "client/: a typed TypeScript client",
    options: {},
    owns: ["client"],
    reads: ["operations", "tree", "components"],
    entries: [{ file: "client/index.d.ts", text: "TypeScript client (declarations; the folder holds the code)" }],
    emit: emitTypeScriptClient,
  }),
  emitter({
    name: "postman",
    description: "postman.json: a Postman collection",
    options: {},
    owns: ["postman.json"],
    reads: ["operations", "requests", "tree", "components"],
    entries: [{ file: "postman.json", text: "Postman collection" }],
    emit: emitPostman,
  }),
  emitter({
    name: "site",
    description: "site/: a static reference site of the document (rosapi site builds one over several versions)",
    options: {},
    owns: ["site"],
    inDefault: false,
    reads: ["operations", "requests", "tree", "components"],
    entries: [{ file: "site/index.html", text: "Reference site" }],
    emit: emitSite,
  }),
  emitter({
    name: "overlay",
    description: "overlay.json: the evidence (--facts) as an OpenAPI Overlay 1.0 document, for other descriptions of the API",
    options: {},
    owns: ["overlay.json"],
    inDefault: false,
    reads: ["operations", "components", "evidence"],
    entries: [{ file: "overlay.json", text: "Required args and defaults from evidence (OpenAPI Overlay)" }],
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
