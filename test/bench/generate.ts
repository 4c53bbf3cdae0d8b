/**
 * Benchmark: OpenAPI generation for the biggest tree (7.22.3 extra), stage by
 * stage, with the process's peak memory. Targets: under 3 s and 500 MB.
 * As `generate` does, the document is validated in a worker while it is
 * written as JSON and YAML: that stage takes the longer of the two.
 *
 *   npm run bench:generate [-- <tree.json>]
 */
import { performance } from "node:perf_hooks";
import type { OpenAPIV3 } from "openapi-types";
import type { EvidenceExtensions } from "../../src/openapi/extensions.js";
import { loadModel } from "../../src/model/index.js";
import { buildOpenApi, splitByTopMenu, toJson, toYaml, validateInWorker } from "../../src/openapi/index.js";
import { countTree } from "../../src/model/walk.js";
import { typingCoverage } from "../../src/openapi/types/index.js";
import { DUMPS_DIR } from "../helpers/dumps.js";
import { factsForModel, readFactFiles } from "../../src/facts/index.js";

const args = process.argv.slice(2);
const factsAt = args.indexOf("--facts");
const factFiles = factsAt < 0 ? [] : args.slice(factsAt + 1);
const file = (factsAt < 0 ? args : args.slice(0, factsAt))[0] ?? `${DUMPS_DIR}7.22.3/extra/inspect.json`;

async function timed<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await fn();
  stages.push([label, performance.now() - start]);
  return value;
}
const stages: [string, number][] = [];

const started = performance.now();
const model = await timed("load tree", () => loadModel(file));
const facts = factFiles.length
  ? await timed("read and resolve evidence", async () => factsForModel(await readFactFiles(factFiles), model))
  : undefined;
const doc = await timed("build document", () => buildOpenApi(model, facts));
// As generate does: the JSON text is made once, sent to the validating worker and written.
const json = await timed("serialize JSON", () => toJson(doc));
const validated = timed("validate (swagger-parser, worker)", () => validateInWorker(json));
const yaml = await timed("serialize YAML", () => toYaml(doc));
await validated;
const wall = performance.now() - started;

const counts = countTree(model.root);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`generate: ${file}`);
console.log(
  `  tree: ${JSON.stringify(counts)}; paths ${Object.keys(doc.paths).length}, schemas ${Object.keys(doc.components?.schemas ?? {}).length}`,
);
for (const [label, ms] of stages) console.log(`  ${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(`  ${"total (wall)".padEnd(28)} ${wall.toFixed(0).padStart(6)} ms   (target < 3000 ms)`);
const mb = (text: string): string => `${(text.length / 1e6).toFixed(1)} MB`;
const parts = [...splitByTopMenu(doc)].map(([top, part]) => [top, toJson(part)] as const).sort(([, a], [, b]) => b.length - a.length);
console.log(`  output: JSON ${mb(json)} (compact; indented it would be ${mb(JSON.stringify(doc, null, 2))}), YAML ${mb(yaml)}`);
console.log(
  `  split by top-level menu: ${parts.length} documents, largest ${parts
    .slice(0, 3)
    .map(([top, text]) => `/${top} ${mb(text)}`)
    .join(", ")}`,
);
const coverage = typingCoverage(model);
console.log(
  `  typed beyond a bare string: ${(coverage.share * 100).toFixed(1)}% of ${coverage.described - coverage.plainStrings} described args (${coverage.plainStrings} more say just "string value")`,
);
if (facts) {
  const bodies = Object.values(doc.components?.schemas ?? {}) as OpenAPIV3.SchemaObject[];
  const evidence = (s: OpenAPIV3.SchemaObject) => (s as EvidenceExtensions)["x-routeros-evidence"];
  const known = bodies.filter((s) => evidence(s)?.required?.status === "known");
  const withRule = known.filter((s) => s.required?.length || s.oneOf || s.anyOf || s.allOf);
  const defaults = bodies.flatMap((s) => Object.values(s.properties ?? {})).filter((p) => "default" in p).length;
  console.log(
    `  evidence (${factFiles.length} files): ${known.length} add bodies with a known rule (${withRule.length} requiring args), ` +
      `${bodies.filter((s) => evidence(s)?.required?.status === "unknown").length} unknown; ${defaults} properties with a default`,
  );
}
console.log(`  peak RSS ${peakMb.toFixed(0)} MB   (target < 500 MB)`);
