/**
 * Reading evidence files (the I/O edge of the facts stage): an observed-probe
 * `required-args.v<version>.json` with its `.meta.json` beside it, or
 * Ansible's `_api_data.py`. A missing file, or one whose format changed,
 * gives one clear message.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { validateAtDoor } from "../io/door.js";
import { UserError } from "../io/errors.js";
import { parseJson, readTextFile } from "../io/files.js";
import { PythonSyntaxError } from "./python-literal.js";
import { AnsibleFormatError, ansibleFacts } from "./ansible.js";
import { observedFacts, type ProbeMeta, type ProbeRow } from "./observed.js";
import type { FactSet } from "./types.js";

/** An evidence file as read, before it is applied to a version. */
export type FactInput =
  | { kind: "observed"; file: string; rows: ProbeRow[]; meta: ProbeMeta }
  | { kind: "ansible"; file: string; source: string; collectionVersion?: string }
  /** Facts already read (the package's table). */
  | { kind: "set"; file: string; set: FactSet };

const PROBE_FILE = /^required-args\.v(.+)\.json$/;

async function readObserved(file: string, version: string, metaFile = file.replace(/\.json$/, ".meta.json")): Promise<FactInput> {
  const rows = validateAtDoor<ProbeRow[]>("required-args", parseJson(await readTextFile(file), file), `${file} (an observed-probe file)`);
  if (!existsSync(metaFile))
    throw new UserError(`${file} has no ${basename(metaFile)} beside it: the probe's version and router come from there`);
  const meta = validateAtDoor<ProbeMeta>(
    { name: "required-args", ref: "#/$defs/Meta" },
    parseJson(await readTextFile(metaFile), metaFile),
    `${metaFile} (a probe's meta file)`,
  );
  if (meta.routerosVersion !== version)
    throw new UserError(`${metaFile} says RouterOS ${meta.routerosVersion}, but the file is named for ${version}`);
  return { kind: "observed", file, rows, meta };
}

/** The collection's version, from the MANIFEST.json or galaxy.yml of the collection the file sits in (plugins/module_utils/ below it). */
async function collectionVersion(file: string): Promise<string | undefined> {
  let dir = dirname(file);
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    const manifest = join(dir, "MANIFEST.json");
    if (existsSync(manifest)) {
      const data = parseJson(await readTextFile(manifest), manifest) as { collection_info?: { version?: unknown } };
      if (typeof data.collection_info?.version === "string") return data.collection_info.version;
    }
    const galaxy = join(dir, "galaxy.yml");
    if (existsSync(galaxy)) {
      const version = /^version:\s*['"]?([^'"\s]+)/m.exec(await readTextFile(galaxy))?.[1];
      if (version) return version;
    }
  }
  return undefined;
}

/** Reads one evidence file; which kind it is comes from its name. A probe's meta file is beside it unless named. */
export async function readFactFile(file: string, { metaFile }: { metaFile?: string } = {}): Promise<FactInput> {
  const probe = PROBE_FILE.exec(basename(file));
  if (probe) return readObserved(file, probe[1]!, metaFile);
  if (file.endsWith(".py")) {
    const source = await readTextFile(file);
    if (!/^PATHS\s*=/m.test(source))
      throw new UserError(`${file} has no PATHS = {...}: it is not Ansible's _api_data.py, or its format changed`);
    const version = await collectionVersion(file);
    return { kind: "ansible", file, source, ...(version ? { collectionVersion: version } : {}) };
  }
  throw new UserError(
    `${file}: not an evidence file (expected an observed probe named required-args.v<version>.json, or Ansible's _api_data.py)`,
  );
}

export async function readFactFiles(files: readonly string[]): Promise<FactInput[]> {
  return Promise.all(files.map((file) => readFactFile(file)));
}

/** The facts of one input for the target RouterOS version (Ansible's ranges are applied to it). */
export function factSet(input: FactInput, target: string): FactSet {
  if (input.kind === "set") return input.set;
  if (input.kind === "observed") return observedFacts(input.rows, input.meta, input.file, basename(input.file));
  try {
    return ansibleFacts(input.source, {
      file: input.file,
      target,
      ...(input.collectionVersion ? { collectionVersion: input.collectionVersion } : {}),
    });
  } catch (err) {
    if (err instanceof PythonSyntaxError || err instanceof AnsibleFormatError)
      throw new UserError(`${input.file}: cannot read its PATHS (the file's format may have changed): ${err.message}`);
    throw err;
  }
}
