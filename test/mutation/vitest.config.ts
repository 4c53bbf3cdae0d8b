/** The vitest config of a mutation run (stryker.config.mjs): one module's test files, over the quick tier's dump. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: (process.env["ROSAPI_MUTATION_TESTS"] ?? "").split(",").filter(Boolean),
    // No build of the CLI: the sandbox has dist/ as it was, and the mutants live in src/ (where the tests import them).
    globalSetup: ["test/helpers/fixtures.ts"],
    env: { ROSAPI_TEST_DUMPS: "quick" },
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
