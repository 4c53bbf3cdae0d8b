/** newman runs the generated collections against the simulator with zero failed assertions. */
import newman from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { buildOpenApi } from "../../../src/openapi/index.js";
import { sampleModel, sampleStore } from "../../../src/sample/index.js";
import { startSimulator, type RunningSimulator } from "../../../src/simulator/index.js";
import { dump, loadDump } from "../../helpers/dumps.js";

interface Item {
  name: string;
  item?: Item[];
}
type Collection = Record<string, unknown> & { item: Item[] };

function run(collection: Collection, baseUrl: string, allowDisruptive = false): Promise<newman.NewmanRunSummary> {
  const values = [{ key: "baseUrl", value: baseUrl }, ...(allowDisruptive ? [{ key: "allowDisruptive", value: "true" }] : [])];
  return new Promise((resolve, reject) =>
    newman.run(
      { collection: collection as never, environment: { values } as never, insecure: true, reporters: [] },
      (err, summary) => (err ? reject(err) : resolve(summary)),
    ),
  );
}

function expectClean(summary: newman.NewmanRunSummary, requests: number) {
  const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`);
  expect(failures).toEqual([]);
  expect(summary.run.stats.requests.total).toBe(requests);
  expect(summary.run.stats.assertions.failed).toBe(0);
  expect(summary.run.stats.assertions.total).toBeGreaterThanOrEqual(requests);
}

const countRequests = (items: Item[]): number => items.reduce((n, i) => n + (i.item ? countRequests(i.item) : 1), 0);

describe("newman against the simulator", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ model: sampleModel(), store: sampleStore(), https: true });
  });
  afterAll(() => sim.close());

  it("runs every request of the sample tree's collection when allowDisruptive is true", async () => {
    const collection = buildCollection(buildOpenApi(sampleModel())) as Collection;
    expectClean(await run(collection, sim.url, true), countRequests(collection.item));
  });

  it("by default, skips what would change an item it did not add, or restart or reconfigure the router", async () => {
    const collection = buildCollection(buildOpenApi(sampleModel())) as Collection;
    const all = (items: Item[]): string[] => items.flatMap((i) => (i.item ? all(i.item) : [i.name]));
    const summary = await run(collection, sim.url);
    const ran = new Set(summary.run.executions.map((e) => e.item.name));
    // /interface and /interface/ethernet have no add: their items are the router's own ports.
    expect(all(collection.item).filter((name) => !ran.has(name))).toEqual([
      "POST /interface/disable",
      "POST /interface/enable",
      "POST /interface/reset-counters",
      "POST /interface/ethernet/disable",
      "POST /interface/ethernet/enable",
      "POST /system/reboot",
      "POST /system/shutdown",
      "POST /system/identity/set",
    ]);
    // Removing and disabling still run where the collection added the item first.
    expect([...ran]).toEqual(expect.arrayContaining(["DELETE /ip/address/:id", "POST /ip/firewall/filter/disable", "POST /ip/route/remove"]));
    expectClean(summary, ran.size);
  });

  it("moves an id variable left on a removed item to one that a list shows", async () => {
    const collection = buildCollection(buildOpenApi(sampleModel())) as Collection & { variable: { key: string; value: string }[] };
    const address = collection.item.find((i) => i.name === "ip")!.item!.find((i) => i.name === "address")!;
    const flow = ["GET /ip/address", "GET /ip/address/:id"].map((name) => address.item!.find((i) => i.name === name)!);
    const variable = collection.variable.map((v) => (v.key === "ip_address_id" ? { ...v, value: "*FFFF" } : v));
    const summary = await run({ ...collection, variable, item: [{ name: "stale id", item: flow }] }, sim.url);
    expectClean(summary, 2);
    expect(summary.run.executions.map((e) => (e.response as unknown as { code: number }).code)).toEqual([200, 200]);
  });

  const deep = dump("7.22.3-deep");
  it.skipIf(!deep)("runs add, list, get, set, remove on 7.22.3's ip/address, passing the new .id along, over HTTP and HTTPS", async () => {
    const model = await loadDump(deep!);
    const collection = buildCollection(buildOpenApi(model)) as Collection;
    const ip = collection.item.find((i) => i.name === "ip")!;
    const address = ip.item!.find((i) => i.name === "address")!;
    const pick = (name: string) => address.item!.find((i) => i.name === name)!;
    const flow = ["PUT /ip/address", "GET /ip/address", "GET /ip/address/:id", "PATCH /ip/address/:id", "DELETE /ip/address/:id"].map(pick);
    const crud = { ...collection, item: [{ name: "ip/address CRUD", item: flow }] };
    const server = await startSimulator({ model, https: true });
    try {
      for (const base of [server.url, server.httpsUrl!]) {
        const summary = await run(crud, base);
        expectClean(summary, 5);
        const codes = summary.run.executions.map((e) => (e.response as unknown as { code: number }).code);
        expect(codes).toEqual([200, 200, 200, 200, 204]);
      }
    } finally {
      await server.close();
    }
  });
});
