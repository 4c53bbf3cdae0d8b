/** What the crawl gives up on: a path RouterOS refuses costs only that path, and --resume does not fire a skipped request again. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Checkpoint } from "../../src/crawl/checkpoint.js";
import { crawl } from "../../src/crawl/index.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator, type SimulatorOptions } from "../../src/simulator/index.js";
import { routerOsError, tamperingProxy, type Tamper } from "./proxy.js";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
const dir = await mkdtemp(join(tmpdir(), "rosapi-skips-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function simulator(knobs: Omit<SimulatorOptions, "model"> = {}) {
  const sim = await startSimulator({ model: sampleModel(), ...knobs });
  closers.push(() => sim.close());
  return sim;
}

async function proxied(tamper: Tamper): Promise<string> {
  const proxy = await tamperingProxy(await simulator(), tamper);
  closers.push(() => proxy.close());
  return proxy.url;
}

const asks = (request: string, path: string) => (body: string) => body === JSON.stringify({ request, path });

describe("skipped requests", () => {
  it("skips and records a path that RouterOS answers with 400, and keeps the rest of the tree", async () => {
    const refused = asks("completion", "ip,address,add,interface");
    const url = await proxied((_path, body) => (refused(body) ? routerOsError(400, "Bad Request", "input does not match any value of path") : undefined));
    const model = await crawl({ url, user: "admin", password: "" });
    expect(model.header.stats).toMatchObject({ failures: 1, skipped: ["completion /ip/address/add/interface"] });
    const expected = sampleModel().root;
    delete expected.menus.ip!.menus.address!.commands.add!.args.interface!.completions;
    expect(model.root).toEqual(expected);
  });

  it("stops on a refusal of the root: a tree without it would be empty", async () => {
    const url = await proxied((_path, body) => (asks("child", "")(body) ? routerOsError(400, "Bad Request") : undefined));
    await expect(crawl({ url, user: "admin", password: "" })).rejects.toThrow(/does not answer like RouterOS.*400/);
  });

  it("does not fire again on --resume what an interrupted crawl gave up on (a 30 s stall here)", async () => {
    const sim = await simulator({ hang: [{ path: "ip,address,add", ms: 30_000 }] });
    const checkpointFile = join(dir, "crawl.checkpoint");
    await writeFile(checkpointFile, [JSON.stringify({ checkpoint: "rosapi-crawl", url: sim.url }), JSON.stringify(["syntax ip,address,add", null]), ""].join("\n"));
    const t0 = Date.now();
    const model = await crawl({ url: sim.url, user: "admin", password: "", timeoutMs: 1000, checkpointFile, resume: true });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(model.header.stats!.skipped).toEqual(["syntax /ip/address/add"]);
    expect(model.root.menus.ip!.menus.address!.commands.add!.args.address!.description).toBeUndefined();
    await expect(readFile(checkpointFile)).rejects.toThrow(/ENOENT/);
  });

  it("logs answers and skips so that a resumed crawl reads both back", async () => {
    const file = join(dir, "log.checkpoint");
    const first = await Checkpoint.open(file, "http://r/rest", false);
    first.checkpoint.record("child ip", [{ name: "ip", type: "self", "node-type": "path" }]);
    first.checkpoint.recordSkip("syntax do");
    await first.checkpoint.close();
    const again = await Checkpoint.open(file, "http://r/rest", true);
    await again.checkpoint.close();
    expect(again.answers).toEqual(new Map([["child ip", [{ name: "ip", type: "self", "node-type": "path" }]]]));
    expect(again.skipped).toEqual(new Set(["syntax do"]));
    await expect(Checkpoint.open(file, "http://other/rest", true)).rejects.toThrow(/belongs to a crawl of http:\/\/r\/rest/);
  });
});
