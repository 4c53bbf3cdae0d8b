import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { UserError } from "./errors.js";

export interface OutputFile {
  /** Path relative to the output directory, with forward slashes. */
  path: string;
  content: string;
}

export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
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

/**
 * Writes a set of files into `dir` all or nothing: everything goes to a
 * sibling staging directory first; only when all of it is written does each
 * file move into place.
 */
export async function writeFilesAtomic(dir: string, files: OutputFile[]): Promise<void> {
  const staging = join(dirname(dir), `.rosapi-staging-${randomBytes(4).toString("hex")}`);
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    for (const file of files) {
      const target = join(dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, file.path), target);
    }
  } catch (err) {
    throw new UserError(`cannot write into ${dir}: ${describeFsError(err)}`);
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
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
