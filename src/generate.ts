/**
 * The main job as a library: model → validated OpenAPI document → the
 * emitter view, built once → the files of every registered emitter asked
 * for. Returns files; writing them is the caller's business.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "./io/files.js";
import type { SchemaModel } from "./model/types.js";
import { buildOpenApi, startValidator } from "./openapi/index.js";
import { EMITTERS, optionsOf, type EmitOptions, type Emitter, type EmitterName, type OptionValue } from "./emit/registry.js";
import { buildView } from "./emit/view.js";
import { factsForModel, type FactInput } from "./facts/index.js";
import { applyOverlay } from "./openapi/overlay.js";

export type Target = EmitterName;
/** What `generate` emits when no targets are given. */
export const DEFAULT_TARGETS: readonly Target[] = EMITTERS.filter((e: Emitter) => e.inDefault !== false).map((e) => e.name);

export interface GenerateOptions {
  model: SchemaModel;
  /** What to emit (names from the emitter registry); the OpenAPI document is always built and validated. Default: `DEFAULT_TARGETS`. */
  targets?: readonly Target[];
  /** Evidence files read (`readFactFiles`): required args and defaults, each with its source. */
  facts?: readonly FactInput[];
  /** Options by emitter (`{ openapi: { split: true } }`); each takes its default where not given. */
  options?: EmitOptions;
  /** The user's OpenAPI Overlays (parsed), applied in order to the document before it is validated and emitted. */
  overlays?: readonly { overlay: unknown; source: string }[];
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
  let document: OpenAPIV3.Document;
  const unusedOverlayActions: string[] = [];
  try {
    const facts = options.facts?.length ? factsForModel(options.facts, options.model) : undefined;
    document = buildOpenApi(options.model, facts);
    for (const { overlay, source } of options.overlays ?? []) {
      const applied = await applyOverlay(document, overlay, source);
      document = applied.document;
      unusedOverlayActions.push(...applied.unused.map((target) => `${source}: ${target}`));
    }
  } catch (err) {
    await validator.stop();
    throw err;
  }
  const valid = validator.validate(document);
  const view = buildView(document);
  const given = (options.options ?? {}) as Record<string, Record<string, OptionValue>>;
  const emitters: Emitter[] = EMITTERS.filter((e) => targets.has(e.name));
  const [outputs] = await Promise.all([Promise.all(emitters.map(async (e) => e.emit(view, optionsOf(e, given[e.name])))), valid]);
  const files = outputs.flat();
  const written = new Set(files.map((f) => f.path.split("/")[0]!));
  const dropped = emitters.flatMap((e) => e.owns.filter((entry) => !written.has(entry)));
  return { document, files, dropped, unusedOverlayActions };
}
