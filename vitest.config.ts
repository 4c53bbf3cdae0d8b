import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { LongestFirst } from "./test/helpers/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI tests run the built command line: built here once, when a source is newer than dist/.
    globalSetup: ["test/helpers/cli.ts"],
    // No test waits on the clock for its verdict (they wait for events); these limits only catch a hang,
    // and are far above what any test needs on a machine whose cores are all busy.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
    // At least two files at a time, even on two cores: the longest tests mostly wait out simulated stalls.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
  },
});
