/**
 * The emitters, as plugins: each turns the emitter view into files. A new
 * output (JSON Schema, MCP tools, ...) is one folder and one line here; the
 * CLI's `--only` takes its choices from this list.
 */
import type { OutputFile } from "../io/files.js";
import { emitOpenApi } from "./openapi/index.js";
import { emitPostman } from "./postman/index.js";
import { emitSite } from "./site/index.js";
import { emitTypeScriptClient } from "./typescript/index.js";
import type { EmitterView } from "./view.js";

/** Options every emitter receives; none needs one yet, the slot keeps the signature stable. */
export type EmitOptions = Record<string, never>;

export interface Emitter<Name extends string = string> {
  name: Name;
  /** What it writes, for help texts. */
  description: string;
  /** Whether `generate` writes it without `--only` naming it (default: true). */
  inDefault?: boolean;
  emit(view: EmitterView, options: EmitOptions): OutputFile[] | Promise<OutputFile[]>;
}

const emitter = <Name extends string>(e: Emitter<Name>): Emitter<Name> => e;

export const EMITTERS = [
  emitter({ name: "openapi", description: "openapi.json and openapi.yaml", emit: emitOpenApi }),
  emitter({ name: "client", description: "client/: a typed TypeScript client", emit: emitTypeScriptClient }),
  emitter({ name: "postman", description: "postman.json: a Postman collection", emit: emitPostman }),
  emitter({
    name: "site",
    description: "site/: a static reference site (rosapi site builds one over several versions)",
    inDefault: false,
    emit: emitSite,
  }),
] as const;

export type EmitterName = (typeof EMITTERS)[number]["name"];
export const EMITTER_NAMES: readonly EmitterName[] = EMITTERS.map((e) => e.name);
/** What `generate` writes when `--only` names nothing. */
export const DEFAULT_EMITTERS: readonly EmitterName[] = EMITTERS.filter((e: Emitter) => e.inDefault !== false).map((e) => e.name);
