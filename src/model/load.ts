/** Reading and writing schema model files, whatever format they come in. */
import { validateAtDoor } from "../io/door.js";
import { UserError } from "../io/errors.js";
import { parseJson, readTextFile, writeFileAtomic } from "../io/files.js";
import { importRestraml, isRestramlTree } from "./restraml.js";
import { deriveProperties } from "./properties.js";
import type { SchemaModel } from "./types.js";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "./types.js";

/** Turns parsed JSON of any supported format into a model, or says why it cannot. */
export function modelFromJson(data: unknown, file?: string): SchemaModel {
  if (typeof data === "object" && data !== null && (data as { format?: unknown }).format === MODEL_FORMAT) {
    const version = (data as { formatVersion?: unknown }).formatVersion;
    // A newer rosapi's model: say so, rather than list what this one does not know.
    if (version !== MODEL_FORMAT_VERSION) {
      throw new UserError(`${file ?? "model"}: unsupported model format version ${JSON.stringify(version) ?? "(none)"}`);
    }
    const model = validateAtDoor<SchemaModel>("model", data, file ?? "model");
    deriveProperties(model.root);
    return model;
  }
  if (isRestramlTree(data)) return importRestraml(validateAtDoor("restraml", data, file ?? "input"), file);
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
