/**
 * Two tiers of tests, four vitest projects:
 *
 * - `npm test` (projects "quick" and "quick-isolated"): every `*.test.ts` file but `*.full.test.ts`, over one
 *   real dump, 7.22.3 extra.
 * - `npm run test:full` (all four projects): the quick tier, plus
 *   - "dumps": the files that import test/helpers/dumps.ts again, over the other five dumps;
 *   - "full": the `*.full.test.ts` files, over every dump.
 * - `.ci/run` runs `npm test`, then `npm run test:more` (the last two projects): nothing twice but the
 *   few tests of the "dumps" files that read no dump.
 *
 * `npm test` runs the project "quick" with `--no-isolate`: its files share their worker processes, since importing
 * the library again for every file was a third of its CPU. The few files that replace a module or a process-wide
 * function, or weigh their worker's heap (ISOLATED), are the project "quick-isolated", run beside it in a vitest of
 * their own, each file in a process of its own, as every other run does (vitest isolates or shares the files of a
 * whole run).
 *
 * The rule for a new file: name it `*.full.test.ts` when it takes more than a few seconds on its own (a whole
 * collection, a real-time wait, a compile of every dump, a build of the package); loop over `DUMPS` and skip
 * on `dump(name)` (test/helpers/dumps.ts), and the tier picks the dumps. Read a dump's document through
 * `documentOf` (test/helpers/fixtures.ts): it is built once per run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { LongestFirst } from "./test/helpers/sequencer.js";

const FULL_ONLY = "test/**/*.full.test.ts";
/**
 * Files that mock a module or a process-wide function (Date.now, process.kill), which a shared worker would carry into
 * the next file, or that measure their worker's heap, which the files before them would have filled.
 */
const ISOLATED = [
  "test/fuzz/loaders.test.ts",
  "test/io/door.test.ts",
  "test/io/lock-takeover.test.ts",
  "test/simulator/api-limits.test.ts",
  "test/emit/typescript/api-hostile.test.ts",
];
/** The quick tier's files that read real dumps: the "dumps" project runs them again over the other five. */
const readingDumps = readdirSync("test", { recursive: true, encoding: "utf8" })
  .map((file) => `test/${file.replace(/\\/g, "/")}`)
  .filter((file) => file.endsWith(".test.ts") && !file.endsWith(".full.test.ts"))
  .filter((file) => readFileSync(file, "utf8").includes("helpers/dumps.js"));

/** Tests never reach the internet: the default evidence's sources point at a closed local port (tests that fetch serve their own). */
const OFFLINE = {
  ROSAPI_ANSIBLE_TAGS: "http://127.0.0.1:9/tags",
  ROSAPI_ANSIBLE_BASE: "http://127.0.0.1:9",
  ROSAPI_PROBE_BASE: "http://127.0.0.1:9",
};

/**
 * Before a project's files: the CLI tests run the built command line (built once, when a source is newer than dist/;
 * no test builds into dist/, and the run fails if it changed, since other files' processes import from it meanwhile);
 * the fixture cache holds each dump's document. "quick-isolated" reads neither, and runs beside "quick": it sets up
 * nothing.
 */
const SETUP = ["test/helpers/cli.ts", "test/helpers/fixtures.ts"];

export default defineConfig({
  test: {
    // ROSAPI_TEST_CPU=<file>: its worker's CPU seconds after each test file, one JSON line each (test/helpers/cpu.ts).
    setupFiles: ["test/helpers/cpu.ts"],
    // No test waits on the clock for its verdict (they wait for events); these limits only catch a hang,
    // and are far above what any test needs on a machine whose cores are all busy.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
    // One file more than the cores: some files wait out simulated stalls, and beside other busy processes each worker
    // is one more share of the machine. minWorkers = maxWorkers: with fewer kept, runs of vitest 3.2.4 here failed with
    // "Terminating worker thread" from its pool and left workers running.
    maxWorkers: Math.max(3, availableParallelism()),
    minWorkers: Math.max(3, availableParallelism()),
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: "quick",
          include: ["test/**/*.test.ts"],
          exclude: [FULL_ONLY, ...ISOLATED],
          globalSetup: SETUP,
          env: { ...OFFLINE, ROSAPI_TEST_DUMPS: "quick" },
        },
      },
      {
        extends: true,
        test: {
          name: "quick-isolated",
          include: ISOLATED,
          globalSetup: [],
          env: { ...OFFLINE, ROSAPI_TEST_DUMPS: "quick" },
        },
      },
      {
        extends: true,
        test: { name: "dumps", include: readingDumps, globalSetup: SETUP, env: { ...OFFLINE, ROSAPI_TEST_DUMPS: "others" } },
      },
      // ROSAPI_NEWMAN_ALL=1 (every dump's whole collection all three ways, newman-run.ts) is not set here: on two cores
      // it adds about half an hour to the full tier, past what CI can hold beside the rest. Run it by hand before a release.
      {
        extends: true,
        test: { name: "full", include: [FULL_ONLY], globalSetup: SETUP, env: { ...OFFLINE, ROSAPI_TEST_DUMPS: "all" } },
      },
    ],
  },
});
