/** Router facts are best effort: a RouterOS that refuses /system/resource or /system/package is still crawled, and the header says what is unknown. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/**
 * The simulator behind a proxy that answers RouterOS's own 403 on the given
 * paths, as a router does for a user whose group lacks the policy.
 */
async function refusing(sim: RunningSimulator, refused: string[]): Promise<string> {
  const upstream = new Pool(new URL(sim.url).origin, { connections: 256 });
  const forbidden = { statusCode: 403, text: JSON.stringify({ error: 403, message: "Forbidden", detail: "not enough permissions (9)" }) };
  // Refused calls still go through the simulator: a stalled router answers nothing, refusals included.
  const server: Server = createServer((req, res) => {
    upstream
      .request({ method: req.method as "GET" | "POST", path: req.url!, headers: req.headers, body: req })
      .then(async (answer) => {
        const text = await answer.body.text();
        const { statusCode, text: body } = refused.includes(req.url!) ? forbidden : { statusCode: answer.statusCode, text };
        res.writeHead(statusCode, { "content-type": "application/json" }).end(body);
      })
      .catch(() => req.socket.destroy());
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  closers.push(() => upstream.close(), () => new Promise((r) => (server.closeAllConnections(), server.close(r))));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest`;
}

async function simulator(hang: { path: string; ms: number }[] = []) {
  const sim = await startSimulator({ model: sampleModel(), hang });
  closers.push(() => sim.close());
  return sim;
}

describe("router facts", () => {
  it("records version, architecture, board and packages where the router gives them", async () => {
    const sim = await simulator();
    const model = await crawl({ url: sim.url, user: "admin", password: "" });
    expect(model.header).toMatchObject({ version: "7.22.3", architecture: "x86_64", board: "CHR", packages: ["routeros"] });
    expect(model.header).not.toHaveProperty("unknown");
  });

  it("crawls a router that refuses /system/resource and /system/package, and says those facts are unknown", async () => {
    const sim = await simulator();
    const url = await refusing(sim, ["/rest/system/resource", "/rest/system/package"]);
    const model = await crawl({ url, user: "admin", password: "" });
    expect(model.header.unknown).toEqual(expect.arrayContaining(["version", "architecture", "board", "packages"]));
    expect(model.header).not.toHaveProperty("version");
    expect(model.header.stats).toMatchObject({ failures: 0, skipped: [] });
    expect(model.root).toEqual(sampleModel().root);
  });

  it("keeps the facts it got when only /system/package is refused", async () => {
    const sim = await simulator();
    const model = await crawl({ url: await refusing(sim, ["/rest/system/package"]), user: "admin", password: "" });
    expect(model.header).toMatchObject({ version: "7.22.3", architecture: "x86_64", unknown: ["packages"] });
  });

  it("takes a refused /system/resource as a sign of life when checking health after a stall", async () => {
    const sim = await simulator([{ path: "ip,address,add", ms: 2000 }]);
    const url = await refusing(sim, ["/rest/system/resource"]);
    const model = await crawl({ url, user: "admin", password: "", timeoutMs: 500, healthDeadlineMs: 5000 });
    expect(model.header.stats!.skipped).toEqual(["syntax /ip/address/add"]);
  });
});
