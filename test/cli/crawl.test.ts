/** `rosapi crawl` end to end: output formats, resume after a kill, clear failures, and no password anywhere. */
import { createServer } from "node:http";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { parseModel } from "../../src/model/load.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { exited, runCli, spawnCli } from "../helpers/cli.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { dumpView, restramlView } from "../helpers/restraml-view.js";

const PASSWORD = "s3cret-Pa55";
const dir = await mkdtemp(join(tmpdir(), "rosapi-crawl-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const env = { ROUTER_PASSWORD: PASSWORD };

/** Every file the crawl left, and what it printed, must not hold the password. */
async function expectNoPassword(...texts: string[]) {
  for (const name of await readdir(dir)) texts.push(await readFile(join(dir, name), "utf8"));
  for (const text of texts) expect(text).not.toContain(PASSWORD);
}

describe("rosapi crawl", () => {
  it("writes a model, or restraml's shape with --format restraml, and a JSON summary", async () => {
    const sim = await startSimulator({ model: sampleModel(), user: "ops", password: PASSWORD, apiPort: 0 });
    try {
      const out = join(dir, "sample.json");
      const base = ["crawl", "--url", sim.url, "--user", "ops", "--password-env", "ROUTER_PASSWORD"];
      const result = await runCli([...base, "--out", out, "--json"], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /^crawled RouterOS 7\.22\.3 \(x86_64\): [\d,]+ requests in [\d.]+ s, nothing skipped -> .*sample\.json\n$/,
      );
      expect(JSON.parse(result.stdout)).toMatchObject({ out, version: "7.22.3", failures: 0 });
      const model = parseModel(await readFile(out, "utf8"));
      expect(model.root.menus.ip!.menus.address!.properties).toHaveProperty("actual-interface");
      expect(model.root.menus.ip!.menus.address!.commands.add!.args.address!.description).toBe("Local IP address");

      const restraml = join(dir, "sample-restraml.json");
      expect((await runCli([...base, "--out", restraml, "--format", "restraml"], { env })).code).toBe(0);
      expect(JSON.parse(await readFile(restraml, "utf8"))).toMatchObject({ _meta: { version: "7.22.3" }, ip: { _type: "path" } });
      // Over the API protocol (`rosapi mock --api-port`): the same tree.
      const overApi = join(dir, "sample-api.json");
      const api = ["crawl", "--url", `api://127.0.0.1:${sim.apiPort}`, ...base.slice(3), "--out", overApi];
      const apiResult = await runCli(api, { env });
      expect(apiResult.code, apiResult.stderr).toBe(0);
      expect(parseModel(await readFile(overApi, "utf8")).root).toEqual(model.root);
      await expectNoPassword(result.stdout, result.stderr, apiResult.stderr);
      expect((await readdir(dir)).filter((f) => f.endsWith(".checkpoint"))).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  const d = dump("7.16");
  it.skipIf(!d)("resumes after a kill without asking again what was answered, and yields the identical tree", async () => {
    const sim = await startSimulator({ model: await loadDump(d!), serviceMs: 0.25 });
    try {
      const out = join(dir, "resumed.json");
      const child = spawnCli(["crawl", "--url", sim.url, "--user", "admin", "--password-env", "ROUTER_PASSWORD", "--out", out], {
        env: { ROUTER_PASSWORD: "" },
      });
      const ended = exited(child);
      while (sim.requests() < 6000) await new Promise((r) => setTimeout(r, 20));
      child.kill("SIGKILL");
      await ended;
      const beforeKill = sim.requests();
      const resumed = await runCli(
        ["crawl", "--url", sim.url, "--user", "admin", "--password-env", "ROUTER_PASSWORD", "--out", out, "--resume", "--json"],
        {
          env: { ROUTER_PASSWORD: "" },
        },
      );
      expect(resumed.code, resumed.stderr).toBe(0);
      const afterResume = JSON.parse(resumed.stdout).requests as number;

      // A full crawl (of a router without the delay), for the request count and the tree to compare with.
      const fast = await startSimulator({ model: await loadDump(d!) });
      const full = await runCli(
        ["crawl", "--url", fast.url, "--user", "admin", "--password-env", "ROUTER_PASSWORD", "--out", join(dir, "full.json"), "--json"],
        {
          env: { ROUTER_PASSWORD: "" },
        },
      );
      await fast.close();
      const fullRequests = JSON.parse(full.stdout).requests as number;
      const wasted = beforeKill + afterResume - fullRequests;
      expect(wasted / beforeKill).toBeLessThanOrEqual(0.1);
      const [a, b] = [parseModel(await readFile(out, "utf8")), parseModel(await readFile(join(dir, "full.json"), "utf8"))];
      expect(a.root).toEqual(b.root);
      expect(a.header.stats!.skipped).toEqual([]);
      expect(restramlView(a)).toBe(await dumpView(d!.file));
    } finally {
      await sim.close();
    }
  });

  it("fails at once, with one message and exit 1, on a wrong password", async () => {
    const sim = await startSimulator({ model: sampleModel(), password: "right" });
    try {
      const result = await runCli(
        ["crawl", "--url", sim.url, "--user", "admin", "--password-env", "ROUTER_PASSWORD", "--out", join(dir, "x.json")],
        { env },
      );
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/401/);
      // At once: the one identifying request, no retries.
      expect(sim.requests()).toBe(1);
      await expectNoPassword(result.stdout, result.stderr);
    } finally {
      await sim.close();
    }
  });

  it("fails at once on an unreachable host", async () => {
    const server = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    const result = await runCli(["crawl", "--url", `http://127.0.0.1:${port}/rest`, "--user", "admin", "--out", join(dir, "x.json")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot reach .*ECONNREFUSED/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("fails at once on a server that is not RouterOS", async () => {
    const page = "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome</title>\n</head>\n<body>hello</body>\n</html>\n";
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page)).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest`;
      const result = await runCli(["crawl", "--url", url, "--user", "admin", "--out", join(dir, "x.json")]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/does not answer like RouterOS.*<!DOCTYPE html> <html>/);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(await readdir(dir)).not.toContain("x.json.checkpoint");
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
