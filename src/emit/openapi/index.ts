/** The OpenAPI document itself as an output: `openapi.json` and `openapi.yaml`. */
import type { OutputFile } from "../../io/files.js";
import { toJson, toYaml } from "../../openapi/serialize.js";
import type { EmitterView } from "../view.js";

export function emitOpenApi(view: EmitterView): OutputFile[] {
  return [
    { path: "openapi.json", content: toJson(view.document) },
    { path: "openapi.yaml", content: toYaml(view.document) },
  ];
}
