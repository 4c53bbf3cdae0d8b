/**
 * A user's OpenAPI Overlay (1.0 or 1.1) applied to the document, with
 * openapi-format's implementation (JSONPath by jsonpathly): own descriptions,
 * removed paths, added extensions. An overlay of another shape is refused
 * with one message; actions whose target matches nothing are returned, for a
 * warning.
 */
import type { OpenAPIV3 } from "openapi-types";
import { Ajv } from "ajv";
import openapiFormat from "openapi-format";
import { UserError } from "../io/errors.js";

const OVERLAY_SCHEMA = {
  type: "object",
  required: ["overlay", "info", "actions"],
  properties: {
    overlay: { type: "string", pattern: "^1\\.[01]\\.\\d+$" },
    info: { type: "object", required: ["title", "version"] },
    actions: {
      type: "array",
      items: {
        type: "object",
        required: ["target"],
        properties: { target: { type: "string", pattern: "^\\$" }, remove: { type: "boolean" } },
        anyOf: [{ required: ["update"] }, { required: ["remove"] }, { required: ["copy"] }],
      },
    },
  },
};

const validOverlay = new Ajv({ allErrors: false }).compile(OVERLAY_SCHEMA);

export interface OverlayResult {
  document: OpenAPIV3.Document;
  /** Targets of actions that matched nothing. */
  unused: string[];
}

/** Applies `overlay` (parsed JSON or YAML) to `document`, which it changes. `source` names the overlay in messages. */
export async function applyOverlay(document: OpenAPIV3.Document, overlay: unknown, source: string): Promise<OverlayResult> {
  if (!validOverlay(overlay)) {
    const e = validOverlay.errors?.[0];
    throw new UserError(
      `${source} is not an OpenAPI Overlay 1.0/1.1 document: ${e ? `${e.instancePath || "(top)"} ${e.message}` : "invalid"}`,
    );
  }
  const { data, resultData } = (await openapiFormat.openapiOverlay(document as never, { overlaySet: overlay as never })) as unknown as {
    data: OpenAPIV3.Document;
    resultData: { unusedActions?: { target?: string }[] };
  };
  return { document: data, unused: (resultData.unusedActions ?? []).map((a) => String(a.target)) };
}
