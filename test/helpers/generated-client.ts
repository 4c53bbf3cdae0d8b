/** Writes a generated client under .test-out/ (inside the repository, so that `undici` resolves) and compiles it with tsc. */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { emitTypeScriptClient } from "../../src/emit/typescript/index.js";
import { buildView } from "../../src/view/index.js";
import type { SchemaModel } from "../../src/model/types.js";
import type { Facts } from "../../src/facts/index.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import type { OpenAPIV3 } from "openapi-types";
import { ROOT } from "./cli.js";

export const OUT = join(ROOT, ".test-out");

/** Generates the client of a model (with evidence `facts`, when given) or of a document into a fresh folder; returns the folder (holding client/). */
export async function writeClient(source: SchemaModel | OpenAPIV3.Document, label: string, facts?: Facts): Promise<string> {
  await mkdir(OUT, { recursive: true });
  const dir = await mkdtemp(join(OUT, `${label}-`));
  for (const file of await emitTypeScriptClient(buildView("openapi" in source ? source : buildOpenApi(source, facts)))) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  return dir;
}

export const removeClient = (dir: string) => rm(dir, { recursive: true, force: true });

/** The flags of a strict NodeNext check, as a user of the client compiles it. */
const STRICT = ["--strict", "--noEmit", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--target", "ES2022", "--types", "node"];

/** Runs `tsc` with the strict flags and `extra` arguments; resolves to its output and whether it passed. */
export async function runTsc(extra: string[]): Promise<{ ok: boolean; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)(join(ROOT, "node_modules/.bin/tsc"), [...STRICT, ...extra], {
      cwd: ROOT,
      maxBuffer: 64 << 20,
    });
    return { ok: true, stdout };
  } catch (err) {
    return { ok: false, stdout: (err as { stdout?: string }).stdout ?? String(err) };
  }
}

/**
 * `tsc --strict --noEmit` under NodeNext over the given files; resolves to tsc's output (empty when clean).
 * TypeScript's own lib files go unchecked (about 2 s of CPU a call): nothing of ours is in them.
 */
export async function compile(files: string[]): Promise<string> {
  const { ok, stdout } = await runTsc(["--skipDefaultLibCheck", ...files]);
  return ok ? "" : stdout;
}
