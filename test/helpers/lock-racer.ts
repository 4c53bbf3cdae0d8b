/**
 * A child process for the lock race (test/io/lock-race.test.ts): for each folder named on a line of stdin, it
 * takes that folder's lock, and inside it creates `inside` beside the folder (O_EXCL: it fails if the other
 * racer is inside too), stays a moment so that an overlap has time to show, and removes it. It answers
 * `alone` or `overlap` on a line of stdout.
 */
import { open, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import { withLock } from "../../src/io/lock.js";

const HOLD_MS = 50;

for await (const dir of createInterface({ input: process.stdin })) {
  const inside = `${dir}.inside`;
  const verdict = await withLock(dir, async () => {
    const handle = await open(inside, "wx").catch(() => undefined);
    await sleep(HOLD_MS);
    if (!handle) return "overlap";
    await handle.close();
    await rm(inside);
    return "alone";
  });
  process.stdout.write(`${verdict}\n`);
}
