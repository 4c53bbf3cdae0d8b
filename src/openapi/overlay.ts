/**
 * A user's OpenAPI Overlay (1.0 or 1.1) applied to the document, with
 * openapi-format's implementation (JSONPath by jsonpathly): own descriptions,
 * removed paths, added extensions. An overlay of another shape is refused
 * with one message; actions whose target matches nothing are returned, for a
 * warning.
 */
import type { OpenAPIV3 } from "openapi-types";
import openapiFormat from "openapi-format";
import { validateAtDoor } from "../io/door.js";

export interface OverlayResult {
  document: OpenAPIV3.Document;
  /** Targets of actions that matched nothing. */
  unused: string[];
}

/** Applies `overlay` (parsed JSON or YAML) to `document`, which it changes. `source` names the overlay in messages. */
export async function applyOverlay(document: OpenAPIV3.Document, overlay: unknown, source: string): Promise<OverlayResult> {
  validateAtDoor("overlay", overlay, `${source} (an OpenAPI Overlay 1.0/1.1 document)`);
  const { data, resultData } = (await openapiFormat.openapiOverlay(document, { overlaySet: overlay as never })) as unknown as {
    data: OpenAPIV3.Document;
    resultData: { unusedActions?: { target?: string }[] };
  };
  return { document: data, unused: (resultData.unusedActions ?? []).map((a) => String(a.target)) };
}
