/** crawl(simulator(dump)) gives back the dump, on what restraml keeps: for every dump over REST and over the API protocol, then with faults on. */
import { afterEach, describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index.js";
import { DUMPS, dump, loadDump } from "../helpers/dumps.js";
import { dumpView, restramlView } from "../helpers/restraml-view.js";

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function crawlDump(name: string, knobs: Omit<SimulatorOptions, "model"> = {}, timeoutMs = 10_000, api = false) {
  const d = dump(name)!;
  sim = await startSimulator({ model: await loadDump(d), ...knobs, ...(api ? { apiPort: 0 } : {}) });
  const url = api ? `api://127.0.0.1:${sim.apiPort}` : sim.url;
  const model = await crawl({ url, user: "admin", password: "", timeoutMs });
  return { model, d };
}

describe.each(DUMPS)("crawl of $name", ({ name }) => {
  it("equals the dump", async () => {
    const { model, d } = await crawlDump(name);
    expect(restramlView(model)).toBe(await dumpView(d.file));
    expect(model.header).toMatchObject({
      architecture: "x86_64",
      board: "CHR",
      packages: ["routeros"],
      source: { kind: "crawl", url: sim!.url },
    });
    expect(model.header.stats).toMatchObject({ retries: 0, failures: 0, skipped: [] });
  });

  it("over the API protocol equals the dump", async () => {
    const { model, d } = await crawlDump(name, {}, 10_000, true);
    expect(restramlView(model)).toBe(await dumpView(d.file));
    expect(model.header).toMatchObject({ source: { kind: "crawl", url: `api://127.0.0.1:${sim!.apiPort}` } });
    expect(model.header.stats).toMatchObject({ retries: 0, failures: 0, skipped: [] });
  });
});

describe.skipIf(!dump("7.16"))("crawl with faults (7.16)", () => {
  it("equals the dump with 2% 500s, 1% resets and a 10 s restart mid-crawl", async () => {
    const { model, d } = await crawlDump("7.16", { failRate: 0.02, resetRate: 0.01, restartAt: { request: 8000, ms: 10_000 }, seed: 42 });
    expect(restramlView(model)).toBe(await dumpView(d.file));
    expect(model.header.stats!.retries).toBeGreaterThan(100);
    expect(model.header.stats!.skipped).toEqual([]);
  });
});

describe.skipIf(!dump("7.20.8"))("crawl with a hanging path (7.20.8)", () => {
  // The crawl waits the stall out twice: as it happens, and once more asking `do` alone (the evidence that it is the culprit).
  it("skips and records `do`, waits the 30 s stall out, and still equals the dump", async () => {
    const { model, d } = await crawlDump("7.20.8", { hang: [{ path: "do", ms: 30_000 }] }, 2000);
    expect(restramlView(model)).toBe(await dumpView(d.file));
    expect(model.header.stats!.skipped).toEqual(["syntax /do"]);
  });
});
