/**
 * newman against the simulator through a recording proxy, on the sample tree
 * (whole, all three ways), the system folder of 7.22.3 extra, and a CRUD chain
 * over HTTP and HTTPS; the whole collection of every real dump runs in
 * newman-whole-1..3.full.test.ts (newman-run.ts says what runs where and why).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { buildView } from "../../../src/view/index.js";
import { buildOpenApi } from "../../../src/openapi/index.js";
import { sampleModel, sampleStore } from "../../../src/sample/index.js";
import type { SchemaModel } from "../../../src/model/types.js";
import { startSimulator, type RunningSimulator } from "../../../src/simulator/index.js";
import { DUMPS, dump, loadDump } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";
import {
  expectNothingSent,
  expectSafe,
  LONG,
  newmanRun,
  requests,
  run,
  SHARES,
  SLICE,
  THOROUGH,
  withoutSkipRequest,
  type Collection,
} from "./newman-run.js";

it("runs the whole collection of every dump in one of the newman-whole files", () => {
  expect(DUMPS.map((d) => d.name).filter((name) => !SHARES.some((share) => share.includes(name)))).toEqual([]);
});

describe("newman against the simulator: the sample tree", () => {
  const options = () => ({ model: sampleModel(), store: sampleStore() });
  const collection = buildCollection(buildView(buildOpenApi(sampleModel()))) as Collection;

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
      // It removed all it added, and with each item the variables naming it: a whole run does not pile them up.
      expect(Object.keys(result.variables).filter((key) => key.endsWith("_id_added"))).toEqual([]);
      expect(Object.keys(result.variables)).toEqual(expect.arrayContaining(["interface_id"]));
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
      expectNothingSent(result);
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

  it(
    "forgets the id of its own item once removed, and a list then gives get-by-id an item that exists",
    async () => {
      const address = collection.item.find((i) => i.name === "ip")!.item!.find((i) => i.name === "address")!;
      const named = (name: string) => address.item!.find((i) => i.name === name)!;
      const flow = [
        named("PUT /ip/address"),
        named("DELETE /ip/address/:id"),
        named("GET /ip/address/:id"),
        named("GET /ip/address"),
        { ...named("GET /ip/address/:id"), id: "get-after-list" },
      ];
      const result = await run(options(), { ...collection, item: [{ name: "remove, then list", item: flow }] });
      expectSafe(result);
      expect(result.received.map((r) => `${r.method} ${r.status}`)).toEqual(["PUT 200", "DELETE 204", "GET 200", "GET 200"]);
      expect(result.assertions).toContainEqual({
        item: "GET /ip/address/:id",
        name: "skipped: no item id (ip_address_id is empty; run the menu's list or add first)",
      });
      const listed = JSON.parse(result.received[2]!.reply) as { ".id": string }[];
      expect(result.received[3]!.path).toBe(`/ip/address/${listed[0]![".id"]}`);
      expect(result.variables).not.toHaveProperty("ip_address_id_added");
      expect(result.variables).toMatchObject({ ip_address_id: listed[0]![".id"] });
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
      const collection = buildCollection(buildView(await documentOf(dump("7.22.3-deep")!))) as Collection;
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

describe.skipIf(!dump(THOROUGH))(`newman: the ${SLICE} folder of ${THOROUGH}`, () => {
  let options: { model: SchemaModel };
  let part: Collection;
  beforeAll(async () => {
    const d = dump(THOROUGH)!;
    options = { model: await loadDump(d) };
    const collection = buildCollection(buildView(await documentOf(d))) as Collection;
    part = { ...collection, item: collection.item.filter((i) => i.name === SLICE) };
  }, LONG);

  it(
    "by default changes nothing it did not add, sends no empty id, fails no assertion",
    async () => {
      const result = await run(options, part);
      expectSafe(result);
      expect(result.skipped).toEqual(expect.arrayContaining(["POST /system/reboot"]));
    },
    LONG,
  );

  it(
    "without pm.execution.skipRequest still sends nothing that changes the router",
    async () => {
      expectNothingSent(await run(options, withoutSkipRequest(part)));
    },
    LONG,
  );
});
