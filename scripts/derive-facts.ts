/**
 * Derives the packaged table of observed required args (src/facts/observed-required.json) from the MIT-licensed
 * probes that tikoci/lsp-routeros-ts publishes (test-data/required-args.v<version>.json with its .meta.json): each
 * probe read as `--facts` reads it, kept as rules, not rows (a menu's own words are kept: they are the rule's source), with the attribution and the licence beside them, so
 * that required args work offline. Run: npx tsx scripts/derive-facts.ts [folder] (default ../shared/evidence/required-args).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { factSet, readFactFile } from "../src/facts/index.js";
import { MISSING_VALUES } from "../src/facts/observed.js";
import type { PackagedTable } from "../src/facts/packaged.js";

const folder = process.argv[2] ?? "../shared/evidence/required-args";
const out = new URL("../src/facts/observed-required.json", import.meta.url);

const files = (await readdir(folder)).filter((f) => /^required-args\.v[^/]+(?<!\.meta)\.json$/.test(f)).sort();
if (files.length === 0) throw new Error(`${folder} holds no required-args.v<version>.json`);
const table: PackagedTable = {
  about:
    "Required args of add, observed on a RouterOS CHR by tikoci/lsp-routeros-ts (test-data/required-args.v<version>.json), derived by scripts/derive-facts.ts.",
  license: `MIT. ${(await readFile(join(folder, "LICENSE"), "utf8")).trim()}`,
  probes: [],
};
for (const file of files) {
  const input = await readFactFile(join(folder, file));
  if (input.kind !== "observed") continue;
  const set = factSet(input, input.meta.routerosVersion);
  table.probes.push({
    version: input.meta.routerosVersion,
    ...(input.meta.architecture ? { architecture: input.meta.architecture } : {}),
    origin: file,
    required: Object.fromEntries(
      set.required.map((f) => [
        f.menu,
        { ...f.rule, ...(f.evidence.raw && !MISSING_VALUES.test(f.evidence.raw) ? { raw: f.evidence.raw } : {}) },
      ]),
    ),
    probeErrors: Object.fromEntries(set.probeErrors.map((f) => [f.menu, f.evidence.raw ?? ""])),
  });
}
await writeFile(out, JSON.stringify(table, null, 1) + "\n");
process.stdout.write(
  `wrote ${out.pathname}: ${table.probes.map((p) => `${p.version} (${Object.keys(p.required).length} rules)`).join(", ")}\n`,
);
