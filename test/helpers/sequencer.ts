/**
 * Test files in vitest's order, but the newman-whole files first: without
 * timings from an earlier run (a fresh clone, as in CI) vitest starts the
 * largest files first, and these are tiny files that run the longest.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const LONGEST = /\/newman-whole-\d+\.full\.test\.ts$/;

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => LONGEST.test(f.moduleId)), ...sorted.filter((f) => !LONGEST.test(f.moduleId))];
  }
}
