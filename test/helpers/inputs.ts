/**
 * What tests read from outside the repository: ../shared (dumps, exports, evidence, docs, schemas) and the
 * browser. Where one is absent, the tests that need it skip, with one line saying so; under CI=true the run
 * fails instead, so that CI never stays green over tests it did not run.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared, beside the repository. */
export const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));

const told = new Set<string>();

/**
 * Whether every one of `paths` exists. Where one does not: under CI=true an error (the importing test file
 * fails); elsewhere one line, once per input, naming `skipped`, and false.
 */
export function inputPresent(paths: string[], skipped: string): boolean {
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length === 0) return true;
  const what = missing.join(", ");
  if (process.env["CI"] === "true") throw new Error(`[rosapi tests] ${what} is absent: CI must run ${skipped}, never skip them.`);
  if (!told.has(what)) console.warn(`[rosapi tests] ${what} is absent: ${skipped} are skipped.`);
  told.add(what);
  return false;
}
