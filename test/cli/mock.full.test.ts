import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exited, runCli, spawnCli, waitForOutput } from "../helpers/cli.js";
import { call } from "../helpers/rest.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { serializeModel } from "../../src/model/load.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-mock-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts `rosapi mock`, waits for its banner, and returns it with a stop function. */
async function mock(args: string[]): Promise<{ banner: string; warnings: () => string; stop: () => Promise<number | NodeJS.Signals> }> {
  const child = spawnCli(["mock", ...args]);
  let warnings = "";
  child.stderr.on("data", (chunk: Buffer) => (warnings += chunk.toString()));
  const banner = await waitForOutput(child, "stdout", "Ctrl-C");
  return {
    banner,
    warnings: () => warnings,
    stop: () => {
      const ended = exited(child);
      child.kill("SIGTERM");
      return ended;
    },
  };
}

describe("rosapi mock", () => {
  it("serves the sample tree with a seeded store over HTTP and HTTPS, and never prints the password", async () => {
    const seed = join(dir, "seed.json");
    const ca = join(dir, "ca.pem");
    await writeFile(seed, JSON.stringify({ "/ip/address": [{ address: "10.9.9.1/24", interface: "ether1" }] }));
    const { banner, stop } = await mock(["--store", seed, "--https", "--ca-out", ca, "--user", "ops", "--password", "hunter2"]);
    try {
      expect(banner).not.toContain("hunter2");
      expect(banner).toContain("user:     ops");
      const url = /url:\s+(\S+)/.exec(banner)![1]!;
      const httpsUrl = /https:\s+(\S+)/.exec(banner)![1]!;
      const answer = await call(url, "GET", "ip/address", { user: "ops", password: "hunter2" });
      expect(answer.body).toEqual([expect.objectContaining({ address: "10.9.9.1/24", interface: "ether1" })]);
      const secure = await call(httpsUrl, "GET", "system/identity", { user: "ops", password: "hunter2", ca: await readFile(ca, "utf8") });
      expect(secure.status).toBe(200);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("--ros-version labels a tree whose file carries none; without it the simulator says none instead of inventing one", async () => {
    const unversioned = join(dir, "unversioned.json");
    const model = tinyModel();
    delete model.header.version;
    await writeFile(unversioned, serializeModel(model));
    const labelled = await mock(["--from", unversioned, "--ros-version", "7.24"]);
    try {
      expect(labelled.banner).toMatch(/^RouterOS 7\.24 simulator/);
      const url = /url:\s+(\S+)/.exec(labelled.banner)![1]!;
      expect((await call(url, "GET", "system/resource")).body).toMatchObject({ version: "7.24 (stable)" });
    } finally {
      expect(await labelled.stop()).toBe(0);
    }
    const bare = await mock(["--from", unversioned]);
    try {
      expect(bare.banner).toMatch(/^RouterOS \(version unknown\) simulator/);
      expect(bare.warnings()).toMatch(/carries no RouterOS version.*--ros-version/);
      const url = /url:\s+(\S+)/.exec(bare.banner)![1]!;
      expect((await call(url, "GET", "system/resource")).body).not.toHaveProperty("version");
    } finally {
      expect(await bare.stop()).toBe(0);
    }
    // A tree that says its version (the tiny model is 7.99): --ros-version may not relabel it.
    const versioned = join(dir, "versioned.json");
    await writeFile(versioned, serializeModel(tinyModel()));
    // A simulator that starts anyway is stopped, and the test fails on what it printed.
    const child = spawnCli(["mock", "--from", versioned, "--ros-version", "7.24"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.once("close", resolve));
    const served = waitForOutput(child, "stdout", "Ctrl-C").then(
      () => "served",
      () => closed,
    );
    const code = await Promise.race([closed, served]);
    if (code === "served") child.kill();
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: `rosapi: ${versioned} is RouterOS 7.99, not 7.24: --ros-version is only for a tree that carries no version\n`,
    });
  });

  it("keeps --version for the tool's own version", async () => {
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const misplaced = await runCli(["mock", "--version", "7.24"]);
    expect(misplaced.code).not.toBe(0);
  });

  it("rejects bad input with one message", async () => {
    const missing = await runCli(["mock", "--from", join(dir, "none.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    const usage = await runCli(["mock", "--fail-rate", "2"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/fail-rate/);
  });
});
