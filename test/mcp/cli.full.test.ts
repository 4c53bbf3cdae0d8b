/** `rosapi mcp` as a user starts it: the version check, the password kept out of every output, HTTP behind its token, usage errors. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeModel } from "../../src/model/load.js";
import { exited, runCli, spawnCli, waitForOutput } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { overStdio, PASSWORD, simulatedRouter, type Router } from "./harness.js";

let dir: string;
let tree: string;
let router: Router;
let older: Router;
const connect = (url: string) => [
  ...["--from", tree, "--url", url, "--user", "admin", "--password-env", "ROUTER_PASSWORD"],
  ...["--audit", join(dir, "audit.jsonl")],
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rosapi-mcp-cli-"));
  tree = join(dir, "tree.json");
  await writeFile(tree, serializeModel(tinyModel()));
  router = await simulatedRouter(tinyModel());
  older = await simulatedRouter(tinyModel(), { version: "7.98" });
});
afterAll(async () => {
  await router?.close();
  await older?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("rosapi mcp", () => {
  it("refuses a router of another version with one line, and serves it with a warning on --allow-version-mismatch", async () => {
    const refused = await runCli(["mcp", ...connect(older.sim.url)], { env: { ROUTER_PASSWORD: PASSWORD } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "rosapi: the router runs RouterOS 7.98, the document describes 7.99: crawl this router, or pass --allow-version-mismatch\n",
    );
    const s = await overStdio([...connect(older.sim.url), "--allow-version-mismatch"]);
    try {
      expect(JSON.parse((await s.call("read", { menu: "/system/identity", operation: "get" })).text)).toHaveProperty("name");
      expect(s.stderr()).toContain("rosapi: warning: the router runs RouterOS 7.98, the document describes 7.99; serving it anyway");
    } finally {
      await s.close();
    }
  });

  it("never shows the password: a refused login is one line without it", async () => {
    const wrong = "Wrong-Secret-42";
    const result = await runCli(["mcp", ...connect(router.sim.url)], { env: { ROUTER_PASSWORD: wrong } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^rosapi: the router at .* refused user admin: wrong name or password \(HTTP 401\)\n$/);
    expect(result.stderr + result.stdout + (await readFile(join(dir, "audit.jsonl"), "utf8"))).not.toContain(wrong);
  });

  it("serves streamable HTTP on 127.0.0.1 behind a bearer token, plans kept from one request to the next", async () => {
    const child = spawnCli(["mcp", ...connect(router.sim.url), "--http", "0", "--token-env", "MCP_TOKEN", "--allow-write", "ip/address"], {
      env: { ROUTER_PASSWORD: PASSWORD, MCP_TOKEN: "test-token-1" },
    });
    try {
      const banner = await waitForOutput(child, "stderr", /\/mcp\n/);
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(banner)![1]!;
      expect(banner).not.toContain("test-token-1");
      const anonymous = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(anonymous.status).toBe(401);
      const client = new Client({ name: "rosapi-test", version: "1" });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: "Bearer test-token-1" } } }),
      );
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["search", "describe", "read", "plan", "apply"]);
      const read = await client.callTool({ name: "read", arguments: { menu: "/system/identity", operation: "get" } });
      expect(JSON.stringify(read.content)).toContain("name");
      // Each call is its own HTTP request: a plan made in one is applied in the next.
      const text = (result: unknown) => (result as { content: { text: string }[] }).content[0]!.text;
      const plan = JSON.parse(
        text(
          await client.callTool({
            name: "plan",
            arguments: { menu: "/ip/address", operation: "add", args: { address: "10.5.5.1/24", interface: "ether1" } },
          }),
        ),
      );
      const applied = JSON.parse(text(await client.callTool({ name: "apply", arguments: { plan: plan.plan } })));
      expect(applied.reply).toMatchObject({ address: "10.5.5.1/24" });
      await client.close();
    } finally {
      const ended = exited(child);
      child.kill("SIGTERM");
      expect(await ended).toBe(0);
    }
  });

  it("usage errors exit 2 with one line; a door naming nothing exits 1", async () => {
    const result = await runCli(["mcp", ...connect(router.sim.url), "--token-env", "X"], { env: { ROUTER_PASSWORD: PASSWORD } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("rosapi: --token-env needs --http\n");
    const typo = await runCli(["mcp", ...connect(router.sim.url), "--allow-write", "ip/adress"], { env: { ROUTER_PASSWORD: PASSWORD } });
    expect([typo.code, typo.stderr]).toEqual([1, "rosapi: --allow-write ip/adress: RouterOS 7.99 has no menu /ip/adress\n"]);
  });

  it("lists its tools before it builds the document; a door naming nothing found by the build still ends it with one line, exit 1", async () => {
    const child = spawnCli(["mcp", ...connect(router.sim.url), "--allow-write", "ip/adress"], { env: { ROUTER_PASSWORD: PASSWORD } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = exited(child);
    const listed = waitForOutput(child, "stdout", /"id":2.*\n/);
    child.stdin.write(
      [
        {
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
        },
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { jsonrpc: "2.0", id: 2, method: "tools/list" },
      ]
        .map((m) => JSON.stringify(m) + "\n")
        .join(""),
    );
    const reply = (await listed).split("\n").find((line) => line.includes('"id":2'))!;
    const names = (JSON.parse(reply) as { result: { tools: { name: string }[] } }).result.tools.map((t) => t.name);
    expect(names).toEqual(["search", "describe", "read", "plan", "apply"]);
    expect(await ended).toBe(1);
    expect(stderr).toBe("rosapi: --allow-write ip/adress: RouterOS 7.99 has no menu /ip/adress\n");
  });
});
