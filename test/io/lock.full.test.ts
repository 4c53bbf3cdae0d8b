/** Two runs, one folder: writes into one output folder take turns (a lock file beside it), and a dead run's lock is taken over. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles, writeFilesAtomic } from "../../src/io/files.js";
import { lockFileOf } from "../../src/io/lock.js";
import { serializeModel } from "../../src/model/load.js";
import { sampleModel } from "../../src/sample/index.js";
import { exited, runCli, spawnCli, waitForOutput } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-lock-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

const holding = (pid: number, host = hostname()) => JSON.stringify({ pid, host });
/** The pid of a process that has ended. */
const deadPid = (): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", ""]);
    child.once("exit", () => resolve(child.pid!));
  });

/** Node flags that make a run print `lock-busy` on stderr each time it finds an output folder's lock taken. */
const LOCK_BUSY_PROBE =
  "--import=data:text/javascript," +
  encodeURIComponent(
    'import fs from "node:fs/promises"; import { syncBuiltinESMExports } from "node:module"; const open = fs.open;' +
      'fs.open = (path, ...rest) => open(path, ...rest).catch((err) => { if (err.code === "EEXIST" && String(path).endsWith(".rosapi-lock")) process.stderr.write("lock-busy\\n"); throw err; });' +
      "syncBuiltinESMExports();",
  );

describe("one writer per output folder", () => {
  it("a folder another live run is writing: refused with one line (here without waiting), nothing written", async () => {
    const out = join(dir, "busy");
    await writeFile(lockFileOf(out), holding(process.pid));
    await expect(writeFilesAtomic(out, [{ path: "a.json", content: "{}" }], [], 0)).rejects.toThrow(
      `${out} is being written by another rosapi run (pid ${process.pid} on ${hostname()}); if none is running, remove ${lockFileOf(out)}`,
    );
    expect(existsSync(out)).toBe(false);
    await rm(lockFileOf(out));
  });

  it("a lock left by a run that died is taken over, and released after the write", async () => {
    const out = join(dir, "stale");
    await writeFile(lockFileOf(out), holding(await deadPid()));
    await writeFilesAtomic(out, [{ path: "a.json", content: "{}" }], [], 0);
    expect(await readFile(join(out, "a.json"), "utf8")).toBe("{}");
    expect(existsSync(lockFileOf(out))).toBe(false);
  });

  it("`rosapi generate` into a folder another run holds: waits, writes nothing until the lock is released, then writes", async () => {
    const sample = join(dir, "sample-held.json");
    await writeFile(sample, serializeModel(sampleModel()));
    const out = join(dir, "held");
    await writeFile(lockFileOf(out), holding(process.pid));
    // The CLI says when it finds the lock taken (its attempt to create the lock file fails), so the test waits
    // for that event, not for a time.
    const child = spawnCli(["generate", "--from", sample, "--out", out], { nodeArgs: [LOCK_BUSY_PROBE] });
    await waitForOutput(child, "stderr", "lock-busy");
    expect(existsSync(out)).toBe(false);
    await rm(lockFileOf(out));
    expect(await exited(child)).toBe(0);
    expect((await listFiles(out)).length).toBeGreaterThan(0);
    expect(existsSync(lockFileOf(out))).toBe(false);
  });

  it("two `rosapi generate` runs into one --out at once: both succeed, and the folder holds exactly one run's output", async () => {
    const sample = join(dir, "sample.json");
    const tiny = join(dir, "tiny.json");
    await writeFile(sample, serializeModel(sampleModel()));
    await writeFile(tiny, serializeModel(tinyModel()));
    const alone = async (from: string, name: string) => {
      const out = join(dir, name);
      expect((await runCli(["generate", "--from", from, "--out", out])).code).toBe(0);
      return out;
    };
    const [sampleAlone, tinyAlone] = [await alone(sample, "sample-alone"), await alone(tiny, "tiny-alone")];
    const shared = join(dir, "shared");
    await mkdir(shared);
    const results = await Promise.all([
      runCli(["generate", "--from", sample, "--out", shared]),
      runCli(["generate", "--from", tiny, "--out", shared]),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const files = (await listFiles(shared)).sort();
    const contents = async (root: string, names: string[]) => Promise.all(names.map((f) => readFile(join(root, f), "utf8")));
    const match = async (expected: string) =>
      JSON.stringify(files) === JSON.stringify((await listFiles(expected)).sort()) &&
      JSON.stringify(await contents(shared, files)) === JSON.stringify(await contents(expected, files));
    expect((await match(sampleAlone)) || (await match(tinyAlone))).toBe(true);
    expect(existsSync(lockFileOf(shared))).toBe(false);
  });
});
