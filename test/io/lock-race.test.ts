/**
 * Two real processes find the same lock left by a run that died, at once, many times over: each time, exactly
 * one of them may be inside the lock at a time (test/helpers/lock-racer.ts reports an overlap).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, expect, it } from "vitest";
import { lockFileOf } from "../../src/io/lock.js";
import { ROOT } from "../helpers/cli.js";

const TRIALS = 50;

const dir = await mkdtemp(join(tmpdir(), "rosapi-lock-race-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A racer: sends it a folder, resolves with its verdict. */
function racer() {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test/helpers/lock-racer.ts")], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    race: async (folder: string): Promise<string> => {
      child.stdin.write(`${folder}\n`);
      const line = await lines.next();
      if (line.done) throw new Error("a racer ended before answering");
      return line.value;
    },
  };
}

/** The pid of a process that has ended. */
const deadPid = (): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", ""]);
    child.once("exit", () => resolve(child.pid!));
  });

it(`a dead run's lock found by two runs at once, ${TRIALS} times: never both inside, and nothing left behind`, async () => {
  const racers = [racer(), racer()];
  try {
    const stale = JSON.stringify({ pid: await deadPid(), host: hostname() });
    const trials: string[][] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const out = join(dir, `out-${trial}`);
      await writeFile(lockFileOf(out), stale);
      trials.push(await Promise.all(racers.map((r) => r.race(out))));
    }
    const overlapping = trials.filter((verdicts) => verdicts.includes("overlap")).length;
    expect({ overlapping, trials: trials.length }).toEqual({ overlapping: 0, trials: TRIALS });
    expect(trials.flat()).toEqual(Array(2 * TRIALS).fill("alone"));
    // No lock, takeover file or marker stays: the folders themselves were never written.
    expect(await readdir(dir)).toEqual([]);
  } finally {
    for (const { child } of racers) child.kill();
  }
});
