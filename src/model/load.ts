/** Reading and writing schema model files, whatever format they come in. */
import { UserError } from "../io/errors.js";
import { parseJson, readTextFile, writeFileAtomic } from "../io/files.js";
import { importRestraml, isRestramlTree } from "./restraml.js";
import { deriveProperties } from "./properties.js";
import type { SchemaModel } from "./types.js";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "./types.js";

/** Turns parsed JSON of any supported format into a model, or says why it cannot. */
export function modelFromJson(data: unknown, file?: string): SchemaModel {
  if (typeof data === "object" && data !== null && (data as { format?: unknown }).format === MODEL_FORMAT) {
    const model = data as SchemaModel;
    if (model.formatVersion !== MODEL_FORMAT_VERSION) {
      throw new UserError(`${file ?? "model"}: unsupported model format version ${String(model.formatVersion)}`);
    }
    if (typeof model.root !== "object" || model.root?.kind !== "menu") {
      throw new UserError(`${file ?? "model"}: model has no root menu`);
    }
    deriveProperties(model.root);
    return model;
  }
  if (isRestramlTree(data)) return importRestraml(data, file);
  throw new UserError(
    `${file ?? "input"} is not a RouterOS schema tree (expected a rosapi model, or restraml inspect.json / deep-inspect.json)`,
  );
}

export function parseModel(text: string, file?: string): SchemaModel {
  return modelFromJson(parseJson(text, file ?? "input"), file);
}

export interface LoadOptions {
  /**
   * The RouterOS version of a tree whose file does not say (`--ros-version`).
   * A file that names another version is refused: one tree, one version.
   */
  rosVersion?: string;
}

export async function loadModel(file: string, options: LoadOptions = {}): Promise<SchemaModel> {
  return withVersion(parseModel(await readTextFile(file), file), options.rosVersion, file);
}

/** Labels an unversioned model with `version`; refuses a model that says another one. */
export function withVersion(model: SchemaModel, version: string | undefined, file?: string): SchemaModel {
  if (version === undefined) return model;
  const said = model.header.version;
  if (said !== undefined && said !== version) {
    throw new UserError(`${file ?? "model"} is RouterOS ${said}, not ${version}: --ros-version is only for a tree that carries no version`);
  }
  const unknown = model.header.unknown?.filter((fact) => fact !== "version");
  const header = { ...model.header, version, ...(unknown ? { unknown } : {}) };
  return { ...model, header };
}

export function serializeModel(model: SchemaModel): string {
  return JSON.stringify(model, null, 1) + "\n";
}

export async function saveModel(file: string, model: SchemaModel): Promise<void> {
  await writeFileAtomic(file, serializeModel(model));
}
