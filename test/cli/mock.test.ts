import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { call } from "../helpers/rest.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-mock-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Starts `rosapi mock`, waits for its banner, and returns it with a stop function. */
async function mock(args: string[]): Promise<{ banner: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "mock", ...args], { cwd: ROOT });
  let banner = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes("Ctrl-C")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`mock exited with ${code}`)));
  });
  return {
    banner,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
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

  it("rejects bad input with one message", async () => {
    const missing = await runCli(["mock", "--from", join(dir, "none.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    const usage = await runCli(["mock", "--fail-rate", "2"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/fail-rate/);
  });
});
