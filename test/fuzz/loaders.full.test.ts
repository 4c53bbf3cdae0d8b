/** The full tier's fuzz run: loaders.test.ts at 10,000 cases per loader (1,000 per pipeline property) unless ROSAPI_FUZZ_RUNS says otherwise. */
process.env["ROSAPI_FUZZ_RUNS"] ??= "10000";
await import("./loaders.test.js");
