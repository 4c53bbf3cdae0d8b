/**
 * The main job as a library: model → validated OpenAPI document → the
 * emitter view, built once → the files of every registered emitter asked
 * for. Returns files; writing them is the caller's business.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "./io/files.js";
import type { SchemaModel } from "./model/types.js";
import { buildDocument, startValidator, type DocumentInputs } from "./openapi/index.js";
import { EMITTERS, optionsOf, type EmitOptions, type Emitter, type EmitterName, type OptionValue } from "./emit/registry.js";
import { buildView } from "./view/index.js";

export type Target = EmitterName;
/** What `generate` emits when no targets are given. */
export const DEFAULT_TARGETS: readonly Target[] = EMITTERS.filter((e: Emitter) => e.inDefault !== false).map((e) => e.name);

export interface GenerateOptions extends DocumentInputs {
  model: SchemaModel;
  /** What to emit (names from the emitter registry); the OpenAPI document is always built and validated. Default: `DEFAULT_TARGETS`. */
  targets?: readonly Target[];
  /** Options by emitter (`{ openapi: { split: true } }`); each takes its default where not given. */
  options?: EmitOptions;
}

export interface GenerateResult {
  document: OpenAPIV3.Document;
  files: OutputFile[];
  /**
   * Top-level entries this run owns but writes nothing into (an emitter's
   * `owns`): the split folder when the document is emitted without the split,
   * so that the parts of an earlier `split` run go rather than contradict the new document.
   */
  dropped: string[];
  /** Overlay actions whose target matched nothing, as `source: target`. */
  unusedOverlayActions: string[];
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const targets = new Set(options.targets ?? DEFAULT_TARGETS);
  // Validated on another thread, started first so that it loads while the document is built; no file is returned before it passes.
  const validator = startValidator();
  let built: Awaited<ReturnType<typeof buildDocument>>;
  try {
    built = await buildDocument(options.model, options);
  } catch (err) {
    await validator.stop();
    throw err;
  }
  const { document, unusedOverlayActions } = built;
  const view = buildView(document);
  // Serialized once: the worker validates the very text the openapi emitter writes.
  const valid = validator.validate(view.json());
  const given = (options.options ?? {}) as Record<string, Record<string, OptionValue>>;
  const emitters: Emitter[] = EMITTERS.filter((e) => targets.has(e.name));
  const [outputs] = await Promise.all([Promise.all(emitters.map(async (e) => e.emit(view, optionsOf(e, given[e.name])))), valid]);
  const files = outputs.flat();
  const written = new Set(files.map((f) => f.path.split("/")[0]!));
  const dropped = emitters.flatMap((e) => e.owns.filter((entry) => !written.has(entry)));
  return { document, files, dropped, unusedOverlayActions };
}
