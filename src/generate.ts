/**
 * The main job as a library: model → validated OpenAPI document → the
 * emitter view, built once → the files of every registered emitter asked
 * for. Returns files; writing them is the caller's business.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "./io/files.js";
import type { SchemaModel } from "./model/types.js";
import { buildOpenApi, splitByTopMenu, toJson, validateOpenApi } from "./openapi/index.js";
import { EMITTER_NAMES, EMITTERS, type EmitterName } from "./emit/registry.js";
import { buildView } from "./emit/view.js";
import { factsForModel, type FactInput } from "./facts/index.js";

export type Target = EmitterName;
export const ALL_TARGETS: readonly Target[] = EMITTER_NAMES;

export interface GenerateOptions {
  model: SchemaModel;
  /** What to emit (names from the emitter registry); the OpenAPI document is always built and validated. Default: all. */
  targets?: readonly Target[];
  /** Evidence files read (`readFactFiles`): required args and defaults, each with its source. */
  facts?: readonly FactInput[];
  /** With the `openapi` target, also one document per top-level menu: `openapi/ip.json`, ... (`root.json`: root commands). */
  split?: boolean;
}

/** The folder of the per-top-level-menu documents. */
export const SPLIT_FOLDER = "openapi";

export interface GenerateResult {
  document: OpenAPIV3.Document;
  files: OutputFile[];
  /**
   * Top-level entries this run owns but writes nothing into: the split folder
   * when the document is emitted without the split, so that the parts of an
   * earlier `split` run go rather than contradict the new document.
   */
  dropped: string[];
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const targets = new Set(options.targets ?? ALL_TARGETS);
  const facts = options.facts?.length ? factsForModel(options.facts, options.model) : undefined;
  const document = buildOpenApi(options.model, facts);
  await validateOpenApi(document);
  const view = buildView(document);
  const outputs = await Promise.all(EMITTERS.filter((e) => targets.has(e.name)).map((e) => e.emit(view, {})));
  const files = outputs.flat();
  if (!targets.has("openapi")) return { document, files, dropped: [] };
  if (!options.split) return { document, files, dropped: [SPLIT_FOLDER] };
  for (const [top, part] of splitByTopMenu(document)) files.push({ path: `${SPLIT_FOLDER}/${top}.json`, content: toJson(part) });
  return { document, files, dropped: [] };
}
