/** Loading the trees of generate, diff, history, where and site: files, URLs or `restraml:<version>`; `--ros-version` labels those whose file carries no version. */
import type { Command } from "commander";
import { UserError } from "../io/errors.js";
import { loadModel } from "../model/load.js";
import type { SchemaModel } from "../model/types.js";
import { resolveSource, type SourceOptions } from "../sources/index.js";

const ROS_VERSIONS_HELP =
  "RouterOS versions of trees whose file carries none, one per tree in order, comma-separated; leave a place empty for a tree that says its own (e.g. ',7.23.3')";

/** What a tree may be, for help texts. */
export const TREE_HELP =
  "a file (rosapi model, restraml inspect.json / deep-inspect.json), an https:// URL, or restraml:<version>[/extra] / restraml:latest";

export interface TreeFlags {
  rosVersion?: string;
  restramlBase?: string;
  cacheDir?: string;
}

/** The options every command that loads trees takes. */
export const treeOptions = (command: Command): Command =>
  command
    .option("--ros-version <versions>", ROS_VERSIONS_HELP)
    .option(
      "--restraml-base <url>",
      "where restraml:<version> is fetched from (env ROSAPI_RESTRAML_BASE; default https://tikoci.github.io/restraml)",
    )
    .option("--cache-dir <dir>", "where fetched trees are kept and revalidated (env ROSAPI_CACHE; default ~/.cache/rosapi)");

export async function loadTrees(files: readonly string[], flags: TreeFlags = {}): Promise<SchemaModel[]> {
  const versions = flags.rosVersion === undefined ? [] : flags.rosVersion.split(",").map((v) => v.trim());
  if (versions.length > files.length) throw new UserError(`--ros-version names ${versions.length} versions for ${files.length} trees`);
  const sources: SourceOptions = {
    ...(flags.restramlBase ? { restramlBase: flags.restramlBase } : {}),
    ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
  };
  const paths = await Promise.all(files.map((file) => resolveSource(file, sources)));
  return Promise.all(paths.map((path, i) => loadModel(path, versions[i] ? { rosVersion: versions[i] } : {})));
}
