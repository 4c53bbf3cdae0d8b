/**
 * newman runs the generated collections against the simulator through a
 * recording proxy: by default nothing reaches the router that could change
 * anything but the run's own items, no request names an empty id, and no
 * assertion fails; with allowDisruptive=true the skipped requests are sent;
 * without pm.execution.skipRequest a guarded request still sends nothing.
 *
 * A whole-collection run of a real dump is ~5,000-7,000 requests (minutes
 * each under newman): by default the sample tree runs whole and each real
 * dump runs its root commands and the `system` folder (where reboot, reset,
 * license, package and device-mode live), 7.22.3 extra also with
 * allowDisruptive=true and without skipRequest; ROSAPI_NEWMAN_ALL=1 runs every
 * dump's whole collection, all three ways.
 */
import newman from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { buildOpenApi } from "../../../src/openapi/index.js";
import { sampleModel, sampleStore } from "../../../src/sample/index.js";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../../src/simulator/index.js";
import { DUMPS, dump, loadDump } from "../../helpers/dumps.js";
import { recordingProxy, type Recorded } from "./recorder.js";
import { judge } from "./traffic.js";

interface Item {
  name: string;
  item?: Item[];
  event?: { listen: string; script: { exec: string[] } }[];
}
type Collection = Record<string, unknown> & { item: Item[] };

const FULL = process.env["ROSAPI_NEWMAN_ALL"] === "1";
const SLICE = new Set(["system"]);
/** The dump whose slice also runs with allowDisruptive=true and without skipRequest. */
const THOROUGH = "7.22.3-extra";
const LONG = 30 * 60_000;

interface RunResult {
  summary: newman.NewmanRunSummary;
  /** Assertions as they happened (a skipped request's are missing from the summary's executions). */
  assertions: { item: string; name: string }[];
}

function newmanRun(collection: Collection, baseUrl: string, allowDisruptive: boolean): Promise<RunResult> {
  const values = [{ key: "baseUrl", value: baseUrl }, ...(allowDisruptive ? [{ key: "allowDisruptive", value: "true" }] : [])];
  const assertions: RunResult["assertions"] = [];
  return new Promise((resolve, reject) =>
    newman
      .run({ collection: collection as never, environment: { values } as never, insecure: true, reporters: [] }, (err, summary) =>
        err ? reject(err) : resolve({ summary, assertions }),
      )
      .on("assertion", (_err: unknown, args: { item: { name: string }; assertion: string }) =>
        assertions.push({ item: args.item.name, name: args.assertion }),
      ),
  );
}

/** One run through a fresh recorder in front of a fresh simulator (so that every run starts from the same store). */
async function run(options: SimulatorOptions, collection: Collection, allowDisruptive = false) {
  const sim = await startSimulator(options);
  const recorder = await recordingProxy(sim.url);
  try {
    const { summary, assertions } = await newmanRun(collection, recorder.url, allowDisruptive);
    const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`);
    const skipped = assertions.filter((a) => a.name.startsWith("skipped: ")).map((a) => a.item);
    return { summary, assertions, failures, skipped, received: [...recorder.requests] as Recorded[] };
  } finally {
    await recorder.close();
    await sim.close();
  }
}

const requests = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? requests(i.item) : [i]));

/** The collection as a runtime without pm.execution.skipRequest sees it. */
function withoutSkipRequest(collection: Collection): Collection {
  const strip = (items: Item[]): Item[] =>
    items.map((i) =>
      i.item
        ? { ...i, item: strip(i.item) }
        : {
            ...i,
            event: i.event?.map((e) =>
              e.listen === "prerequest"
                ? { ...e, script: { ...e.script, exec: ["pm.execution.skipRequest = undefined;", ...e.script.exec] } }
                : e,
            ),
          },
    );
  return { ...collection, item: strip(collection.item) };
}

/**
 * Failures the simulator causes, not the collection: it lists /system/package
 * (a synthesized item) but answers 404 for that item by id.
 */
const EXPLAINED = [/^(GET \/system\/package\/:id|POST \/system\/package\/get): expected 404 to be within 200\.\.299$/];

/** Checks a default run: nothing changed outside the run's own items, no empty id, no failed assertion. */
function expectSafe(result: Awaited<ReturnType<typeof run>>) {
  const verdict = judge(result.received);
  expect(verdict.changes, "state-changing requests outside the run's own items").toEqual([]);
  expect(verdict.emptyIds, "requests with an empty item id").toEqual([]);
  expect(result.failures.filter((f) => !EXPLAINED.some((e) => e.test(f)))).toEqual([]);
  return verdict;
}

describe("newman against the simulator: the sample tree", () => {
  const options = () => ({ model: sampleModel(), store: sampleStore() });
  const collection = buildCollection(buildOpenApi(sampleModel())) as Collection;

  it(
    "by default sends only reads and the chain on its own items, and skips the rest with a reason",
    async () => {
      const result = await run(options(), collection);
      expectSafe(result);
      // Settings, reboot, and anything on items the run did not add (the router's own ports) or beyond set/remove.
      expect(result.skipped).toEqual(
        expect.arrayContaining([
          "POST /system/reboot",
          "POST /system/identity/set",
          "PATCH /interface/ethernet/:id",
          "POST /interface/disable",
          "POST /ip/firewall/filter/move",
        ]),
      );
      expect(result.skipped).not.toEqual(expect.arrayContaining(["PUT /ip/address"]));
      // The CRUD chain on what the run added.
      const sent = new Set(result.summary.run.executions.map((e) => e.item.name));
      expect([...sent]).toEqual(
        expect.arrayContaining(["PUT /ip/address", "PATCH /ip/address/:id", "DELETE /ip/address/:id", "POST /ip/route/remove"]),
      );
    },
    LONG,
  );

  it(
    "with allowDisruptive=true sends every request, the previously skipped ones included",
    async () => {
      const skipped = (await run(options(), collection)).skipped;
      const result = await run(options(), collection, true);
      expect(result.failures).toEqual([]);
      expect(result.received).toHaveLength(requests(collection.item).length);
      const sent = result.received.map((r) => `${r.method} ${r.path}`);
      expect(skipped.length).toBeGreaterThan(0);
      for (const name of skipped) expect(sent.some((s) => s.startsWith(name.replace(/:id$/, "")))).toBe(true);
    },
    LONG,
  );

  it(
    "without pm.execution.skipRequest, a guarded request reaches nothing and its test says why",
    async () => {
      const result = await run(options(), withoutSkipRequest(collection));
      const verdict = judge(result.received);
      expect(verdict.changes).toEqual([]);
      expect(verdict.emptyIds).toEqual([]);
      const notSent = result.assertions.filter((a) => a.name.startsWith("not sent: this runtime has no pm.execution.skipRequest"));
      expect(notSent.map((a) => a.item)).toEqual(result.skipped);
      expect(result.failures.filter((f) => f.endsWith(": skip unsupported: request not sent"))).toHaveLength(result.skipped.length);
      // Each such request fails at the placeholder's scheme, before any lookup or connection; the rest pass.
      const unexplained = result.failures.filter((f) => !result.skipped.some((name) => f.startsWith(`${name}: `)));
      expect(unexplained).toEqual([]);
    },
    LONG,
  );

  it(
    "moves an id variable left on a removed item to one that a list shows",
    async () => {
      const address = collection.item.find((i) => i.name === "ip")!.item!.find((i) => i.name === "address")!;
      const flow = ["GET /ip/address", "GET /ip/address/:id"].map((name) => address.item!.find((i) => i.name === name)!);
      const variable = [...(collection["variable"] as { key: string; value: string }[]), { key: "ip_address_id", value: "*FFFF" }];
      const result = await run(options(), { ...collection, variable, item: [{ name: "stale id", item: flow }] });
      expectSafe(result);
      expect(result.received.map((r) => r.status)).toEqual([200, 200]);
    },
    LONG,
  );
});

describe.each(DUMPS)("newman against the simulator serving $name", (d) => {
  let collection: Collection;
  let options: SimulatorOptions;
  beforeAll(async () => {
    const model = await loadDump(d);
    options = { model };
    const whole = buildCollection(buildOpenApi(model)) as Collection;
    collection = FULL ? whole : { ...whole, item: whole.item.filter((i) => !i.item || SLICE.has(i.name)) };
  }, LONG);

  it(
    `${FULL ? "the whole collection" : "root commands and system"}: by default changes nothing it did not add, sends no empty id, fails no assertion`,
    async () => {
      const result = await run(options, collection);
      expectSafe(result);
      expect(result.skipped.length).toBeGreaterThan(0);
      console.log(
        `[postman] ${d.name}: ${result.received.length} requests reached the router by default, ${result.skipped.length} skipped`,
      );
      if (!FULL && d.name !== THOROUGH) return;
      const disruptive = await run(options, collection, true);
      const unlocked = result.skipped.filter((name) => !disruptive.skipped.includes(name));
      console.log(
        `[postman] ${d.name}: allowDisruptive=true sends ${unlocked.length} of the ${result.skipped.length} skipped (${disruptive.received.length} requests in all)`,
      );
      // Only the ones that need an item id still wait for one.
      expect(unlocked.length).toBeGreaterThan(0);
      expect(disruptive.skipped.every((name) => result.skipped.includes(name))).toBe(true);
    },
    LONG,
  );

  it.skipIf(!FULL && d.name !== THOROUGH)(
    "without pm.execution.skipRequest still sends nothing that changes the router",
    async () => {
      const result = await run(options, withoutSkipRequest(collection));
      expect(judge(result.received).changes).toEqual([]);
      expect(judge(result.received).emptyIds).toEqual([]);
    },
    LONG,
  );
});

describe.skipIf(!dump("7.22.3-deep"))("newman CRUD over HTTP and HTTPS", () => {
  let server: RunningSimulator;
  afterAll(() => server?.close());
  it(
    "runs add, list, get, set, remove on 7.22.3's ip/address, passing the new .id along",
    async () => {
      const model = await loadDump(dump("7.22.3-deep")!);
      const collection = buildCollection(buildOpenApi(model)) as Collection;
      const address = collection.item.find((i) => i.name === "ip")!.item!.find((i) => i.name === "address")!;
      const flow = ["PUT /ip/address", "GET /ip/address", "GET /ip/address/:id", "PATCH /ip/address/:id", "DELETE /ip/address/:id"].map(
        (name) => address.item!.find((i) => i.name === name)!,
      );
      const crud = { ...collection, item: [{ name: "ip/address CRUD", item: flow }] };
      server = await startSimulator({ model, https: true });
      for (const base of [server.url, server.httpsUrl!]) {
        const { summary } = await newmanRun(crud, base, false);
        expect(summary.run.failures.map((f) => f.error.message)).toEqual([]);
        expect(summary.run.executions.map((e) => (e.response as unknown as { code: number }).code)).toEqual([200, 200, 200, 200, 204]);
      }
    },
    LONG,
  );
});
