/** What the crawl gives up on: a path RouterOS refuses costs only that path, and --resume does not fire a skipped request again. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Checkpoint } from "../../src/crawl/checkpoint.js";
import { crawl } from "../../src/crawl/index.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator, type SimulatorOptions } from "../../src/simulator/index.js";
import type { SchemaModel } from "../../src/model/types.js";
import { normalizeRouterUrl } from "../../src/transport/index.js";
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
    const url = await proxied((_path, body) =>
      refused(body) ? routerOsError(400, "Bad Request", "input does not match any value of path") : undefined,
    );
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

  it("does not fire again on --resume what an interrupted crawl gave up on", async () => {
    const asked: string[] = [];
    const url = await proxied((_path, body) => void asked.push(body));
    const checkpointFile = join(dir, "crawl.checkpoint");
    const head = { checkpoint: "rosapi-crawl", identity: { url: normalizeRouterUrl(url), ...identityOf(sampleModel()) } };
    await writeFile(checkpointFile, [JSON.stringify(head), JSON.stringify(["syntax ip,address,add", null]), ""].join("\n"));
    const model = await crawl({ url, user: "admin", password: "", checkpointFile, resume: true });
    expect(asked.filter(asks("syntax", "ip,address,add"))).toEqual([]);
    expect(model.header.stats!.skipped).toEqual(["syntax /ip/address/add"]);
    expect(model.root.menus.ip!.menus.address!.commands.add!.args.address!.description).toBeUndefined();
    await expect(readFile(checkpointFile)).rejects.toThrow(/ENOENT/);
  });

  const router = { url: "http://127.0.0.1:80/rest", version: "7.16", architecture: "x86_64", board: "CHR", packages: ["routeros"] };

  it("logs answers and skips so that a resumed crawl reads both back", async () => {
    const file = join(dir, "log.checkpoint");
    const first = await Checkpoint.open(file, router, { resume: false, force: false });
    first.checkpoint.record("child ip", [{ name: "ip", type: "self", "node-type": "path" }]);
    first.checkpoint.recordSkip("syntax do");
    await first.checkpoint.close();
    const again = await Checkpoint.open(file, router, { resume: true, force: false });
    await again.checkpoint.close();
    expect(again.answers).toEqual(new Map([["child ip", [{ name: "ip", type: "self", "node-type": "path" }]]]));
    expect(again.skipped).toEqual(new Set(["syntax do"]));
  });

  it("refuses to resume on another router or version, saying what differs, unless forced", async () => {
    const file = join(dir, "other.checkpoint");
    const first = await Checkpoint.open(file, router, { resume: false, force: false });
    first.checkpoint.record("child ip", [{ name: "ip", type: "self", "node-type": "path" }]);
    await first.checkpoint.close();
    const upgraded = { ...router, version: "7.22.3", packages: ["routeros", "wifi-qcom"] };
    await expect(Checkpoint.open(file, upgraded, { resume: true, force: false })).rejects.toThrow(
      /another router or version \(version 7\.16 → 7\.22\.3; packages routeros → routeros,wifi-qcom\).*--force-resume/,
    );
    const forced = await Checkpoint.open(file, upgraded, { resume: true, force: true });
    await forced.checkpoint.close();
    expect(forced.answers.size).toBe(1);
  });

  it("takes URL spellings of one router as the same router", () => {
    for (const spelling of ["http://localhost/rest/", "http://127.0.0.1:80/rest", "HTTP://LOCALHOST:80/rest//", "http://[::1]/rest"]) {
      expect(normalizeRouterUrl(spelling), spelling).toBe("http://127.0.0.1:80/rest");
    }
    expect(normalizeRouterUrl("https://Router.lan/rest")).toBe("https://router.lan:443/rest");
    expect(normalizeRouterUrl("http://10.0.0.1:8080")).not.toBe(normalizeRouterUrl("http://10.0.0.2:8080"));
  });
});

/** The identity the simulator of a model gives. */
const identityOf = (model: SchemaModel) => ({
  version: model.header.version,
  architecture: model.header.architecture,
  board: model.header.board,
  packages: model.header.packages,
});
