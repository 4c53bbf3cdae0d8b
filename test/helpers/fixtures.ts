/**
 * The fixture cache: each dump's OpenAPI document, built once per run (vitest
 * globalSetup: `setup` below) instead of once in every file that reads it.
 * A cached document is a JSON file named by the dump and a key over the dump
 * file and every source file (path, size, mtime): a change to either builds it
 * again. Each read parses a fresh copy, so a test may change what it gets.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { TestProject } from "vitest/node";
import type { OpenAPIV3 } from "openapi-types";
import { buildOpenApi, toJson } from "../../src/openapi/index.js";
import { ROOT } from "./cli.js";
import { dumpsOf, loadDump, type Dump } from "./dumps.js";

const CACHE = join(ROOT, "node_modules/.cache/rosapi-tests");

function stamps(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stamps(path);
    const { size, mtimeMs } = statSync(path);
    return [`${path} ${size} ${mtimeMs}`];
  });
}

let sources: string | undefined;
/** The cache file of a dump's document for today's sources. */
function cacheFile(d: Dump): string {
  sources ??= stamps(join(ROOT, "src")).sort().join("\n");
  const { size, mtimeMs } = statSync(d.file);
  const key = createHash("sha256").update(`${sources}\n${d.file} ${size} ${mtimeMs}`).digest("hex").slice(0, 16);
  return join(CACHE, `${d.name}.${key}.document.json`);
}

/** Builds the document of `d` into the cache, removing that dump's stale entries. */
async function build(d: Dump, file: string): Promise<string> {
  const text = toJson(buildOpenApi(await loadDump(d)));
  await mkdir(CACHE, { recursive: true });
  // Another run building beside this one (npm test in a second terminal, say) may be writing its partial file, or
  // have written this very file: neither is stale.
  const mine = basename(file);
  for (const stale of await readdir(CACHE))
    if (stale.startsWith(`${d.name}.`) && stale !== mine && !stale.endsWith(".tmp")) await rm(join(CACHE, stale), { force: true });
  // Written whole, then renamed: a file running beside never reads half a document.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, text);
  await rename(partial, file);
  return text;
}

/** The cached text of a dump's document, built when the cache lacks it. */
function cached(d: Dump): Promise<string> {
  const file = cacheFile(d);
  return readFile(file, "utf8").catch(() => build(d, file));
}

/** The OpenAPI document of a dump: a fresh copy of the cached one. */
export async function documentOf(d: Dump): Promise<OpenAPIV3.Document> {
  return JSON.parse(await cached(d)) as OpenAPIV3.Document;
}

/** vitest globalSetup: fills the cache for the dumps of the project's tier, before its files start. */
export async function setup(project: TestProject): Promise<void> {
  // vitest also sets up the root project, which runs no file and names no dumps.
  const set = project.config.env?.["ROSAPI_TEST_DUMPS"];
  if (set) for (const d of dumpsOf(set)) await cached(d);
}
