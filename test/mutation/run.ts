/**
 * `npm run test:mutation`: Stryker over each module of test/mutation/modules.json in turn (stryker.config.mjs),
 * each against its own test files; then one report of them all, reports/mutation/mutation.json (the
 * mutation-testing-elements schema) and reports/mutation/index.html, and per module its score,
 * killed ÷ (killed + survived + no coverage), and its run time. `npm run test:mutation -- lock door` runs some.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

interface Report {
  schemaVersion: string;
  thresholds: { high: number; low: number };
  files: Record<string, { language: string; source: string; mutants: { status: string }[] }>;
}

const TARGET = 85;
const { modules } = JSON.parse(readFileSync("test/mutation/modules.json", "utf8")) as { modules: Record<string, unknown> };
const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(modules);
const reports: Report[] = [];
const rows: string[] = [];
let below = 0;
for (const name of names) {
  const started = Date.now();
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs"], {
    stdio: "inherit",
    env: { ...process.env, ROSAPI_MUTATION_MODULE: name },
  });
  if (run.status !== 0) throw new Error(`stryker failed on ${name} (exit ${run.status})`);
  const report = JSON.parse(readFileSync(`reports/mutation/${name}/mutation.json`, "utf8")) as Report;
  reports.push(report);
  const count = (status: string) => Object.values(report.files).flatMap((f) => f.mutants.filter((m) => m.status === status)).length;
  const [killed, survived, noCoverage, timeout] = ["Killed", "Survived", "NoCoverage", "Timeout"].map(count) as [
    number,
    number,
    number,
    number,
  ];
  // A mutant that makes the tests hang is caught, as Stryker counts it.
  const score = (100 * (killed + timeout)) / (killed + timeout + survived + noCoverage);
  if (score < TARGET) below++;
  rows.push(
    `${name.padEnd(18)} ${score.toFixed(1).padStart(5)}%  killed ${killed + timeout}, survived ${survived}, no coverage ${noCoverage}  (${Math.round((Date.now() - started) / 1000)} s)`,
  );
}

const merged: Report = { ...reports[0]!, files: Object.assign({}, ...reports.map((r) => r.files)) as Report["files"] };
writeFileSync("reports/mutation/mutation.json", JSON.stringify(merged));
const elements = readFileSync(createRequire(import.meta.url).resolve("mutation-testing-elements/dist/mutation-test-elements.js"), "utf8");
writeFileSync(
  "reports/mutation/index.html",
  `<!doctype html><html><head><meta charset="utf-8"><title>rosapi mutation report</title><script>${elements.replace(/<\/script/gi, "<\\/script")}</script></head>` +
    `<body><mutation-test-report-app title-postfix="rosapi"></mutation-test-report-app><script>document.querySelector("mutation-test-report-app").report = ${JSON.stringify(merged).replace(/</g, "\\u003c")};</script></body></html>`,
);
console.log(`\nmutation score per module (target ${TARGET}%):\n${rows.join("\n")}`);
if (below > 0) process.exitCode = 1;
