/**
 * One writer per output folder: a lock file beside it, created atomically
 * (O_EXCL), holding the writer's pid, host and a token of its own. A second
 * run waits for the first; a lock whose process is gone (killed, crashed) is
 * taken over.
 *
 * Taking over is where two runs can race: both find the same dead lock, one
 * removes it and makes its own, and the other, still acting on what it read,
 * removes the new one. So a dead lock is removed only by the run that creates
 * its takeover file (`<lock>.<hash of what the dead lock holds>`, O_EXCL: one
 * winner per dead lock), and only after reading the lock again under it and
 * finding the same dead holder. A run that read the dead lock late finds the
 * lock changed and removes nothing. A takeover file left by a run that died
 * is taken over the same way.
 */
import { createHash, randomUUID } from "node:crypto";
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
  /** What the lock file holds, as read: a takeover removes the lock only while it still holds exactly this. */
  text: string;
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
      // Stryker disable next-line StringLiteral: an error without a code is no read-only folder, whatever it stands in for
      if (file !== lockFileOf(dir) || !READ_ONLY.has(err.code ?? "")) throw err;
      file = lockFileInside(dir);
      return tryLock(file);
    });
    if (!holder) break;
    // Left by a run that died: nobody writes any more.
    if (dead(holder) && (await takeOver(file, holder))) continue;
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
  const text = JSON.stringify({ pid: process.pid, host: hostname(), token: randomUUID() });
  return (await create(file, text)) ? undefined : await holderOf(file);
}

/** Creates `file` holding `text`, unless it exists. */
async function create(file: string, text: string): Promise<boolean> {
  try {
    const handle = await open(file, "wx");
    await handle.writeFile(text);
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return false;
  }
}

// Stryker disable next-line StringLiteral,ArrowFunction: what a gone file reads as is neither a holder (JSON.parse refuses it) nor a dead lock's text
const nothing = (): string => "";
/** What `file` holds; a file gone (released meanwhile) holds nothing. */
const readNow = (file: string): Promise<string> => readFile(file, "utf8").catch(nothing);

async function holderOf(file: string): Promise<Holder> {
  const text = await readNow(file);
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    if (typeof holder.pid === "number" && typeof holder.host === "string") return { pid: holder.pid, host: holder.host, text };
  } catch {
    // Being written this very moment, or cut short: read again after a pause.
  }
  return { pid: 0, host: "(unknown)", text };
}

/**
 * Removes `file` if it still holds what `holder` read, under a takeover file
 * only one run can create for that holder. True when the lock may have
 * changed since (removed here or by another run): try again at once.
 */
async function takeOver(file: string, holder: Holder): Promise<boolean> {
  const guard = `${file}.${createHash("sha256").update(holder.text).digest("hex").slice(0, 16)}`;
  const text = JSON.stringify({ pid: process.pid, host: hostname(), token: randomUUID() });
  if (!(await create(guard, text))) {
    const other = await holderOf(guard);
    // Another run is taking this lock over; if it died doing so, its takeover file is taken over in turn.
    return dead(other) && (await takeOver(guard, other));
  }
  try {
    if ((await readNow(file)) === holder.text) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
  return true;
}

/** A holder on this host whose process has ended. */
function dead(holder: Holder): boolean {
  if (holder.host !== hostname() || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    // EPERM: alive, owned by another user.
    return (err as NodeJS.ErrnoException).code !== "EPERM";
  }
}
