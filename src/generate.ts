/**
 * The main job as a library: model → validated OpenAPI document → every
 * output file. Returns files; writing them is the caller's business.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "./io/files.js";
import type { SchemaModel } from "./model/types.js";
import { buildOpenApi, toJson, toYaml, validateOpenApi } from "./openapi/index.js";
import { emitTypeScriptClient } from "./emit/typescript/index.js";
import { emitPostman } from "./emit/postman/index.js";

export type Target = "openapi" | "client" | "postman";
export const ALL_TARGETS: readonly Target[] = ["openapi", "client", "postman"];

export interface GenerateOptions {
  model: SchemaModel;
  /** What to emit; the OpenAPI document is always built and validated. Default: all. */
  targets?: readonly Target[];
}

export interface GenerateResult {
  document: OpenAPIV3.Document;
  files: OutputFile[];
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const targets = new Set(options.targets ?? ALL_TARGETS);
  const document = buildOpenApi(options.model);
  await validateOpenApi(document);
  const files: OutputFile[] = [];
  if (targets.has("openapi")) {
    files.push({ path: "openapi.json", content: toJson(document) }, { path: "openapi.yaml", content: toYaml(document) });
  }
  const [client, postman] = await Promise.all([
    targets.has("client") ? emitTypeScriptClient(document) : [],
    targets.has("postman") ? emitPostman(document) : [],
  ]);
  files.push(...client, ...postman);
  return { document, files };
}
