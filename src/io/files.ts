import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { UserError } from "./errors.js";
import { withLock } from "./lock.js";

export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  path: string;
  content: string;
}

/** The largest file read: the model of restraml's RouterOS 7.22.3 deep dump is 12 MB, a crawl's a few times that. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export async function readTextFile(path: string, maxBytes = MAX_FILE_BYTES): Promise<string> {
  try {
    // A regular file is measured first; a pipe or a device has no size to measure and is read as it comes.
    const { size } = await stat(path);
    if (size > maxBytes) throw new UserError(`${path} is larger than ${maxBytes / (1024 * 1024)} MiB: not a tree rosapi reads`);
    return await readFile(path, "utf8");
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot read ${path}: ${describeFsError(err)}`);
  }
}

/** JSON text → a value, or one clear message naming where the text came from. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserError(`${source} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Checks, before any long work, that `path` can later be written as a file:
 * not empty, not a directory, in a place where a file can be created (a
 * probe file is written beside it and removed). One message otherwise.
 */
export async function checkFileTarget(path: string, what: string): Promise<void> {
  if (path.trim() === "") throw new UserError(`${what} is empty: name a file`);
  if (/[\\/]$/.test(path)) throw new UserError(`${what} ${path} names a directory: name a file`);
  const found = await stat(path).catch(() => undefined);
  if (found?.isDirectory()) throw new UserError(`${what} ${path} is a directory: name a file`);
  const probe = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(probe, "");
  } catch (err) {
    throw new UserError(`cannot write ${path}: ${describeFsError(err)}`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/** Writes through a temporary file and a rename, so that a reader never sees half a file. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new UserError(`cannot write ${path}: ${describeFsError(err)}`);
  }
}

/** The first segment of an output path: `client` of `client/menus/ip.ts`. */
const topOf = (path: string): string => path.split("/")[0]!;

/**
 * Writes a set of files into `dir`, all or nothing. Everything is written to
 * a staging folder first: inside `dir` when it exists (so a writable folder
 * under a read-only parent works, and every rename stays on one file
 * system), else beside it, renamed into place whole. Then each top-level
 * entry the files occupy (`openapi.json`, the whole `client/` folder)
 * replaces the old one, so a file an earlier run wrote and this one does not
 * is gone; entries this run does not produce (another target's, the user's
 * own) are left alone. `dropped` names entries the run owns but no longer
 * produces: they go too.
 */
export async function writeFilesAtomic(
  dir: string,
  files: OutputFile[],
  dropped: readonly string[] = [],
  lockWaitMs?: number,
): Promise<void> {
  if (dir.trim() === "") throw new UserError("the output folder name is empty");
  try {
    await mkdir(dirname(dir), { recursive: true });
    // Two runs swapping entries at once would leave a mixture: one at a time.
    await withLock(dir, () => replaceEntries(dir, files, dropped), lockWaitMs);
  } catch (err) {
    throw err instanceof UserError ? err : new UserError(`cannot write into ${dir}: ${describeFsError(err)}`);
  }
}

async function replaceEntries(dir: string, files: OutputFile[], dropped: readonly string[]): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (found && !found.isDirectory()) throw new UserError(`cannot write into ${dir}: it is a file, not a folder`);
  const name = `.rosapi-staging-${randomBytes(4).toString("hex")}`;
  const staging = found ? join(dir, name) : join(dirname(dir), `.${basename(dir)}${name}`);
  try {
    await mkdir(staging);
    for (const file of files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    if (found) await swapEntries(dir, staging, [...new Set([...files.map((f) => topOf(f.path)), ...dropped])]);
    else await rename(staging, dir);
  } catch (err) {
    throw new UserError(`cannot write into ${dir}: ${describeFsError(err)}`);
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Moves each entry of `staging` into `dir`, the old one (if any) into `staging/.replaced`; on a failure, puts back what was moved. */
async function swapEntries(dir: string, staging: string, entries: string[]): Promise<void> {
  const replaced = join(staging, ".replaced");
  await mkdir(replaced);
  const done: { entry: string; hadOld: boolean }[] = [];
  try {
    for (const entry of entries) {
      const hadOld = await exists(join(dir, entry));
      if (hadOld) await rename(join(dir, entry), join(replaced, entry));
      done.push({ entry, hadOld });
      // A dropped entry has nothing in staging: moving the old one aside is all.
      if (await exists(join(staging, entry))) await rename(join(staging, entry), join(dir, entry));
    }
  } catch (err) {
    for (const { entry, hadOld } of done.reverse()) {
      await rm(join(dir, entry), { recursive: true, force: true }).catch(() => undefined);
      if (hadOld) await rename(join(replaced, entry), join(dir, entry)).catch(() => undefined);
    }
    throw err;
  }
}

/** Files under `dir` (relative, forward slashes), for --check: what an earlier run left that this one would not write. */
export async function listFiles(dir: string, sub = ""): Promise<string[]> {
  const entries = await readdir(join(dir, sub), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const path = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, path)));
    else out.push(path);
  }
  return out;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a parent is not a directory";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
