/** The simulator answers adds as RouterOS does, from the 7.22.1 probe and Ansible, over 7.22.3 base. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { factsForModel, readFactFiles, type Facts } from "../../src/facts/index.js";
import { call } from "../helpers/rest.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { ANSIBLE, evidencePresent, PROBE_7221 } from "./helpers.js";

const base = dump("7.22.3-deep");
const items = (body: unknown) => body as Record<string, string>[];

describe.skipIf(!evidencePresent || !base)("a simulator with evidence", () => {
  let sim: RunningSimulator;
  let plain: RunningSimulator;
  let facts: Facts;
  beforeAll(async () => {
    const model = await loadDump(base!);
    facts = factsForModel(await readFactFiles([PROBE_7221, ANSIBLE]), model);
    sim = await startSimulator({ model, facts });
    plain = await startSimulator({ model });
  });
  afterAll(async () => {
    await sim?.close();
    await plain?.close();
  });

  it("refuses an add without its required args on PUT and POST add, naming what is missing", async () => {
    for (const [method, path] of [
      ["PUT", "ip/address"],
      ["POST", "ip/address/add"],
    ] as const) {
      expect(await call(sim.url, method, path, { body: { comment: "x" } })).toMatchObject({
        status: 400,
        body: { error: 400, message: "Bad Request", detail: "missing value(s) of argument(s) address interface" },
      });
      expect((await call(sim.url, method, path, { body: { address: "10.9.0.1/24" } })).body).toMatchObject({
        detail: "missing value(s) of argument(s) interface",
      });
    }
    expect((await call(sim.url, "GET", "ip/address")).body).toEqual([]);
    const added = await call(sim.url, "PUT", "ip/address", { body: { address: "10.9.0.1/24", interface: "ether1" } });
    expect(added.status).toBe(200);
    await call(sim.url, "DELETE", `ip/address/${(added.body as Record<string, string>)[".id"]}`);
  });

  it("answers a group rule in the menu's own words: at least one, exactly one", async () => {
    expect((await call(sim.url, "PUT", "ip/dns/static", { body: {} })).body).toMatchObject({ detail: "failure: name or regexp required" });
    const both = await call(sim.url, "PUT", "interface/wifi", { body: { "radio-mac": "00:0C:29:AB:CD:EF", "master-interface": "wifi1" } });
    expect(both).toMatchObject({ status: 400 });
    expect(both.body).toMatchObject({
      detail: "failure: must specify exactly one of radio-mac, master-interface or mld-name",
    });
    const named = await call(sim.url, "PUT", "ip/dns/static", { body: { name: "router.lan", address: "10.0.0.1" } });
    expect(named.status).toBe(200);
    await call(sim.url, "DELETE", `ip/dns/static/${(named.body as Record<string, string>)[".id"]}`);
  });

  it("answers the evidence's probe through /execute, and leaves nothing behind", async () => {
    const probe = (menu: string) => ({ script: `:local id [${menu} add]; :put $id; ${menu} remove $id`, "as-string": "" });
    expect((await call(sim.url, "POST", "execute", { body: probe("/certificate/crl") })).body).toEqual({
      ret: "Script Error: missing value(s) of argument(s) url (/certificate/crl/add; line 1)",
    });
    expect((await call(sim.url, "POST", "execute", { body: probe("/ip/dns/static") })).body).toEqual({
      ret: "failure: name or regexp required (/ip/dns/static/add; line 1)",
    });
    const before = items((await call(sim.url, "GET", "interface/6to4")).body);
    const ok = await call(sim.url, "POST", "execute", { body: probe("/interface/6to4") });
    expect((ok.body as { ret: string }).ret).toMatch(/^\*[0-9A-F]+$/);
    expect(items((await call(sim.url, "GET", "interface/6to4")).body)).toEqual(before);
  });

  it("gives new items and settings their defaults", async () => {
    const bridge = facts.menus.get("/interface/bridge")!.defaults;
    const added = (await call(sim.url, "PUT", "interface/bridge", { body: { name: "br-test" } })).body as Record<string, string>;
    expect(added["ageing-time"]).toBe(String(bridge.get("ageing-time")!.value));
    expect(added["disabled"]).toBe("false");
    await call(sim.url, "DELETE", `interface/bridge/${added[".id"]}`);
    expect((await call(sim.url, "GET", "snmp")).body).toMatchObject({ "src-address": "::" });
  });

  it("without evidence, adds are not checked (nothing is known)", async () => {
    const added = await call(plain.url, "PUT", "ip/address", { body: { comment: "x" } });
    expect(added.status).toBe(200);
  });
});
