/**
 * One writer per output folder: a lock file beside it, created atomically
 * (O_EXCL), holding the writer's pid and host. A second run waits for the
 * first; a lock whose process is gone (killed, crashed) is taken over.
 */
import { open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { UserError } from "./errors.js";

/** How long a run waits for another one writing the same folder, unless told. */
const LOCK_WAIT_MS = 60_000;
const POLL_MS = 100;

interface Holder {
  pid: number;
  host: string;
}

/**
 * `out/` → `.out.rosapi-lock` beside it, so that it exists before the folder
 * does; inside the folder (`out/.rosapi-lock`, an entry no run writes) only
 * where the parent is read-only, and so the folder already there for every run.
 */
export const lockFileOf = (dir: string): string => join(dirname(dir), `.${basename(dir)}.rosapi-lock`);
const lockFileInside = (dir: string): string => join(dir, ".rosapi-lock");
const READ_ONLY = new Set(["EACCES", "EPERM", "EROFS"]);

/** Runs `fn` holding the lock of `dir`; waits up to `waitMs` for another holder, then refuses with one line. */
export async function withLock<T>(dir: string, fn: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  let file = lockFileOf(dir);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const holder = await tryLock(file).catch((err: NodeJS.ErrnoException) => {
      if (file !== lockFileOf(dir) || !READ_ONLY.has(err.code ?? "")) throw err;
      file = lockFileInside(dir);
      return tryLock(file);
    });
    if (!holder) break;
    if (holder.host === hostname() && !alive(holder.pid)) {
      // Left by a run that died: nobody writes any more.
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        `${dir} is being written by another rosapi run (pid ${holder.pid} on ${holder.host}); if none is running, remove ${file}`,
      );
    }
    await sleep(POLL_MS);
  }
  try {
    return await fn();
  } finally {
    await rm(file, { force: true });
  }
}

/** Creates the lock file; undefined when it was ours to create, else who holds it. */
async function tryLock(file: string): Promise<Holder | undefined> {
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname() } satisfies Holder));
    await handle.close();
    return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  const text = await readFile(file, "utf8").catch(() => "");
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    if (typeof holder.pid === "number" && typeof holder.host === "string") return { pid: holder.pid, host: holder.host };
  } catch {
    // Being written this very moment, or cut short: read again after a pause.
  }
  return { pid: 0, host: "(unknown)" };
}

function alive(pid: number): boolean {
  if (pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, owned by another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
