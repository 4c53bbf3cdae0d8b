/**
 * The real RouterOS dumps in ../shared/routeros. Where one is absent:
 * test/helpers/inputs.ts.
 *
 * Which dumps a run covers is its tier's (vitest.config.ts sets
 * ROSAPI_TEST_DUMPS per project): the quick tier reads 7.22.3 extra only,
 * the full tier adds the other five. A test that loops over `DUMPS`, or skips
 * without `dump(name)`, therefore needs no tier logic of its own.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadModel } from "../../src/model/load.js";
import type { SchemaModel } from "../../src/model/types.js";
import { inputPresent, SHARED_DIR } from "./inputs.js";

export const DUMPS_DIR = join(SHARED_DIR, "routeros/");

export interface Dump {
  /** e.g. "7.22.3-deep", "7.22.3-extra" */
  name: string;
  file: string;
  deep: boolean;
}

const KNOWN: Dump[] = [
  { name: "7.16", file: "7.16/inspect.json", deep: false },
  { name: "7.20.8", file: "7.20.8/inspect.json", deep: false },
  { name: "7.20.8-extra", file: "7.20.8/extra/inspect.json", deep: false },
  { name: "7.22.3-deep", file: "7.22.3/deep-inspect.json", deep: true },
  { name: "7.22.3-extra", file: "7.22.3/extra/inspect.json", deep: false },
  { name: "7.23.3", file: "7.23.3/inspect.json", deep: false },
].map((d) => ({ ...d, file: join(DUMPS_DIR, d.file) }));

/** The one dump of the quick tier. */
export const QUICK_DUMP = "7.22.3-extra";

/** The dumps of a ROSAPI_TEST_DUMPS value: "quick" (7.22.3 extra), "others" (the five the full tier adds), or "all" (the default outside vitest). */
export function dumpsOf(set: string | undefined): Dump[] {
  const present = KNOWN.filter((d) => existsSync(d.file));
  if (set === "quick") return present.filter((d) => d.name === QUICK_DUMP);
  if (set === "others") return present.filter((d) => d.name !== QUICK_DUMP);
  return present;
}

export const dumpsPresent = inputPresent(
  KNOWN.map((d) => d.file),
  "tests over real RouterOS dumps",
);

/** The dumps of this run's tier that exist on this machine. */
export const DUMPS: Dump[] = dumpsOf(process.env["ROSAPI_TEST_DUMPS"]);

/** A dump of this run's tier, by name; undefined where the tier leaves it to another run, or it is absent. */
export function dump(name: string): Dump | undefined {
  return DUMPS.find((d) => d.name === name);
}

const cache = new Map<string, Promise<SchemaModel>>();
/** Loads a dump once per test file (importing one takes about 0.1 s: less than parsing a cached copy would save). */
export function loadDump(d: Dump): Promise<SchemaModel> {
  let p = cache.get(d.file);
  if (!p) cache.set(d.file, (p = loadModel(d.file)));
  return p;
}
