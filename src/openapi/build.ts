/**
 * The one way to build a document: a model, the evidence chosen for its
 * version and the user's overlays → the OpenAPI document that every command
 * reads (generate, site, mcp, mock, check…). A command that needs a document
 * calls this, never `buildOpenApi` with its own selection of inputs, so that
 * the same inputs give the same document whichever command asked.
 */
import type { OpenAPIV3 } from "openapi-types";
import { factsForModel, type FactInput, type Facts } from "../facts/index.js";
import type { SchemaModel } from "../model/types.js";
import { addOtherArch, markArch, type ArchDiff } from "./arch.js";
import { buildOpenApi } from "./document.js";
import { applyOverlay } from "./overlay.js";

export interface DocumentInputs {
  /** Evidence read (`readFactFiles`, named sources): required args and defaults, each with its source. None: no evidence in the document. */
  facts?: readonly FactInput[];
  /** The user's OpenAPI Overlays (parsed), applied in order after the document is built. */
  overlays?: readonly { overlay: unknown; source: string }[];
  /** A comparison of the tree's architecture with another (`parseArchDiff`): what one side alone has is marked `x-routeros-arch`. */
  arch?: ArchDiff;
}

export interface BuiltDocument {
  document: OpenAPIV3.Document;
  /** The facts resolved for the model's version, when evidence was given. */
  facts?: Facts;
  /** Overlay actions whose target matched nothing, as `source: target`. */
  unusedOverlayActions: string[];
}

export async function buildDocument(model: SchemaModel, inputs: DocumentInputs = {}): Promise<BuiltDocument> {
  const facts = inputs.facts?.length ? factsForModel(inputs.facts, model) : undefined;
  const withArch = inputs.arch ? addOtherArch(model, inputs.arch) : undefined;
  let document = buildOpenApi(withArch?.model ?? model, facts);
  if (inputs.arch) markArch(document, inputs.arch, withArch!.added);
  const unusedOverlayActions: string[] = [];
  for (const { overlay, source } of inputs.overlays ?? []) {
    const applied = await applyOverlay(document, overlay, source);
    document = applied.document;
    unusedOverlayActions.push(...applied.unused.map((target) => `${source}: ${target}`));
  }
  return { document, ...(facts ? { facts } : {}), unusedOverlayActions };
}
