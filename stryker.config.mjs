/**
 * Mutation testing of one module of test/mutation/modules.json (ROSAPI_MUTATION_MODULE), against only the test
 * files listed for it. `npm run test:mutation` (test/mutation/run.ts) runs every module and merges the reports.
 */
import { readFileSync } from "node:fs";

/** @type {Record<string, { mutate: string[], tests: string[] }>} */
const modules = JSON.parse(readFileSync("test/mutation/modules.json", "utf8")).modules;
// Unset: every module at once, against all their tests.
const name = process.env["ROSAPI_MUTATION_MODULE"] ?? "all";
const module = modules[name] ?? {
  mutate: Object.values(modules).flatMap((m) => m.mutate),
  tests: [...new Set(Object.values(modules).flatMap((m) => m.tests))],
};
process.env["ROSAPI_MUTATION_TESTS"] = module.tests.join(",");

export default {
  testRunner: "vitest",
  vitest: { configFile: "test/mutation/vitest.config.ts", related: false },
  mutate: module.mutate,
  coverageAnalysis: "perTest",
  concurrency: 2,
  ignoreStatic: true,
  reporters: ["html", "json", "clear-text"],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  timeoutMS: 60_000,
};
