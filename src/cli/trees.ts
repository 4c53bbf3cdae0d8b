/** Loading the trees of generate, diff, history and where: `--ros-version` labels those whose file carries no version. */
import { UserError } from "../io/errors.js";
import { loadModel } from "../model/load.js";
import type { SchemaModel } from "../model/types.js";

export const ROS_VERSIONS_HELP =
  "RouterOS versions of trees whose file carries none, one per tree in order, comma-separated; leave a place empty for a tree that says its own (e.g. ',7.23.3')";

export async function loadTrees(files: readonly string[], rosVersions?: string): Promise<SchemaModel[]> {
  const versions = rosVersions === undefined ? [] : rosVersions.split(",").map((v) => v.trim());
  if (versions.length > files.length) throw new UserError(`--ros-version names ${versions.length} versions for ${files.length} trees`);
  return Promise.all(files.map((file, i) => loadModel(file, versions[i] ? { rosVersion: versions[i] } : {})));
}
