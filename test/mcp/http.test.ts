/**
 * `rosapi mcp --http` as a browser page or another local client would try it:
 * a foreign Origin or Host is refused even with the token, the scheme of
 * `Authorization` is case-insensitive, and plans belong to the session that
 * made them (another client can neither apply nor evict them).
 */
import { request } from "node:http";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeModel } from "../../src/model/load.js";
import { exited, spawnCli, waitForOutput } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { PASSWORD, simulatedRouter, type Router } from "./harness.js";

const TOKEN = "http-test-token-9";
const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
});

/** A POST with headers of our choosing (fetch will not set Host). */
function post(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      },
    );
    req.on("error", reject);
    req.end(INITIALIZE);
  });
}

const text = (result: unknown) => (result as { content: { text: string }[] }).content[0]!.text;

describe("rosapi mcp --http", () => {
  let dir: string;
  let router: Router;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rosapi-mcp-http-"));
    await writeFile(join(dir, "tree.json"), serializeModel(tinyModel()));
    router = await simulatedRouter(tinyModel());
  });
  afterAll(async () => {
    await router?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("checks Origin and Host against its address, takes the bearer scheme in any case, keeps plans per session", async () => {
    const child = spawnCli(
      [
        "mcp",
        ...["--from", join(dir, "tree.json"), "--url", router.recorder.url, "--user", "admin", "--password-env", "ROUTER_PASSWORD"],
        ...["--audit", join(dir, "audit.jsonl"), "--http", "0", "--token-env", "MCP_TOKEN", "--allow-write", "ip/address"],
        ...["--allow-host", "mcp.example.test"],
      ],
      { env: { ROUTER_PASSWORD: PASSWORD, MCP_TOKEN: TOKEN } },
    );
    const clients: Client[] = [];
    try {
      const banner = await waitForOutput(child, "stderr", /\/mcp\n/);
      const url = /at (http:\/\/127\.0\.0\.1:(\d+)\/mcp)/.exec(banner)![1]!;
      const port = new URL(url).port;
      const auth = { authorization: `Bearer ${TOKEN}` };
      expect(await post(url, { ...auth, origin: "http://evil.example" })).toBe(403);
      expect(await post(url, { ...auth, origin: "null" })).toBe(403);
      expect(await post(url, { ...auth, host: "evil.example" })).toBe(403);
      expect(await post(url, { ...auth, host: `evil.example:${port}` })).toBe(403);
      expect(await post(url, { ...auth, origin: `http://localhost:${port}` })).toBe(200);
      expect(await post(url, { ...auth, host: "mcp.example.test" })).toBe(200);
      expect(await post(url, { authorization: `bearer ${TOKEN}` })).toBe(200);
      expect(await post(url, { authorization: `BEARER ${TOKEN}` })).toBe(200);
      expect(await post(url, { authorization: `Bearer ${TOKEN}x` })).toBe(401);

      const connect = async () => {
        const client = new Client({ name: "rosapi-test", version: "1" });
        await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: auth } }));
        clients.push(client);
        return client;
      };
      const [a, b] = [await connect(), await connect()];
      const plan = async (client: Client, address: string) =>
        (
          JSON.parse(
            text(
              await client.callTool({
                name: "plan",
                arguments: { menu: "/ip/address", operation: "add", args: { address, interface: "ether1" } },
              }),
            ),
          ) as { plan: string }
        ).plan;
      const ofB = await plan(b, "10.9.9.1/24");
      // a cannot apply b's plan, and its own 70 plans do not push b's out.
      const stolen = await a.callTool({ name: "apply", arguments: { plan: ofB } });
      expect([stolen.isError, text(stolen)]).toEqual([true, `no plan ${ofB} in this session: make one with plan (a plan is applied once)`]);
      for (let i = 0; i < 70; i++) await plan(a, `10.8.${i}.1/24`);
      const applied = await b.callTool({ name: "apply", arguments: { plan: ofB } });
      expect(applied.isError, text(applied)).toBeFalsy();
      expect(router.recorder.requests.filter((r) => r.method === "PUT").map((r) => r.body["address"])).toEqual(["10.9.9.1/24"]);
    } finally {
      for (const client of clients) await client.close();
      const ended = exited(child);
      child.kill("SIGTERM");
      expect(await ended).toBe(0);
    }
  });
});
