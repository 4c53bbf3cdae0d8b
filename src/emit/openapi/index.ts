/** The OpenAPI document itself as an output: `openapi.json` and `openapi.yaml`, and with `split`, one document per top-level menu. */
import type { OutputFile } from "../../io/files.js";
import { splitByTopMenu } from "../../openapi/split.js";
import { toJson, toYaml } from "../../openapi/serialize.js";
import type { OptionSpecs } from "../registry.js";
import type { EmitterView } from "../../view/index.js";

/** The folder of the per-top-level-menu documents. */
const SPLIT_FOLDER = "openapi";

export type OpenApiOptions = { split: boolean };

export const OPENAPI_OPTIONS: OptionSpecs<OpenApiOptions> = {
  split: {
    description:
      "also write one document per top-level menu, openapi/<menu>.json (root commands: openapi/root.json); without it, openapi/ goes",
    default: false,
  },
};

export const OPENAPI_OWNS = ["openapi.json", "openapi.yaml", SPLIT_FOLDER];

export function emitOpenApi(view: EmitterView, options: OpenApiOptions): OutputFile[] {
  const files = [
    { path: "openapi.json", content: view.json() },
    { path: "openapi.yaml", content: toYaml(view.document) },
  ];
  if (!options.split) return files;
  return [
    ...files,
    ...[...splitByTopMenu(view.document)].map(([top, part]) => ({ path: `${SPLIT_FOLDER}/${top}.json`, content: toJson(part) })),
  ];
}
