import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // At least two files at a time, even on two cores: the longest tests mostly wait out simulated stalls.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
