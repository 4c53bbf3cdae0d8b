/** The generated clients (sample tree, 7.22.3) against the simulator, over HTTP and HTTPS (insecure and with the certificate as ca). */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SchemaModel } from "../../../src/model/types.js";
import { sampleModel, sampleStore } from "../../../src/sample/index.js";
import { startSimulator, type RunningSimulator, type StoreSeed } from "../../../src/simulator/index.js";
import { dump, loadDump } from "../../helpers/dumps.js";
import { removeClient, writeClient } from "../../helpers/generated-client.js";

/** The parts of a generated client these tests call; the compile test checks the real types. */
interface Item {
  ".id": string;
  [property: string]: string;
}
interface Client {
  ip: {
    address: {
      list(filter?: object, options?: { proplist?: string[] }): Promise<Item[]>;
      get(id: string): Promise<Item>;
      add(body: object): Promise<Item>;
      set(id: string, patch: object): Promise<Item>;
      remove(id: string): Promise<void>;
      print(args?: { proplist?: string[]; query?: string[] }): Promise<Item[]>;
    };
  };
  ping(body: object): Promise<unknown>;
  close(): Promise<void>;
}
interface Module {
  createClient(options: object): Client;
  RouterOSError: new (...args: never[]) => Error & { status: number; detail?: string };
  asBoolean(v: string | undefined): boolean | undefined;
  asNumber(v: string | undefined): number | undefined;
  asDuration(v: string | undefined): number | undefined;
}

const cleanup: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanup.map((f) => f())));

async function setUp(model: SchemaModel, label: string, store?: StoreSeed) {
  const dir = await writeClient(model, label);
  const sim = await startSimulator({ model, https: true, ...(store ? { store } : {}) });
  cleanup.push(
    () => removeClient(dir),
    () => sim.close(),
  );
  const mod = (await import(join(dir, "client/index.js"))) as Module;
  return { mod, sim };
}

async function exercise(mod: Module, sim: RunningSimulator, options: object) {
  const ros = mod.createClient({ username: "admin", password: "", ...options });
  try {
    const added = await ros.ip.address.add({ address: "10.0.0.1/24", interface: "ether1", disabled: "no" });
    expect(added).toMatchObject({ address: "10.0.0.1/24", disabled: "false" });
    const id = added[".id"];
    expect(await ros.ip.address.get(id)).toEqual(added);
    expect(await ros.ip.address.set(id, { comment: "uplink" })).toMatchObject({ ".id": id, comment: "uplink" });
    expect(await ros.ip.address.list({ interface: "ether1" }, { proplist: [".id", "comment"] })).toEqual([
      { ".id": id, comment: "uplink" },
    ]);
    expect(await ros.ip.address.print({ proplist: ["address"], query: ["interface=ether1", "interface=lo", "#|"] })).toEqual([
      { address: "10.0.0.1/24" },
    ]);
    expect(await ros.ping({ address: "10.0.0.1", count: 3 })).toHaveLength(3);
    await ros.ip.address.remove(id);

    const missing = await ros.ip.address.get(id).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(mod.RouterOSError);
    expect(missing).toMatchObject({ status: 404, message: "Not Found", detail: "no such item" });
    const bad = await ros.ip.address.add({ nonsense: "1" }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 400, message: "Bad Request", detail: "unknown parameter nonsense" });
  } finally {
    await ros.close();
  }
  const intruder = mod.createClient({ ...options, username: "admin", password: "wrong" });
  await expect(intruder.ip.address.list()).rejects.toMatchObject({ status: 401, message: "Unauthorized" });
  await intruder.close();
  expect(sim.requests()).toBeGreaterThan(0);
}

describe("generated client of the sample tree", () => {
  it("does CRUD, print, a command, and maps 404/400/401 to RouterOSError, over HTTP and HTTPS", async () => {
    const { mod, sim } = await setUp(sampleModel(), "run-sample", sampleStore());
    await exercise(mod, sim, { baseUrl: sim.url });
    await exercise(mod, sim, { baseUrl: sim.httpsUrl, tls: { insecure: true } });
    await exercise(mod, sim, { baseUrl: sim.httpsUrl, tls: { ca: sim.caPem } });
    const strict = mod.createClient({ baseUrl: sim.httpsUrl, username: "admin", password: "" });
    await expect(strict.ip.address.list()).rejects.toMatchObject({ status: 0 });
    await strict.close();
  });

  it("gives up after timeoutMs with a RouterOSError of status 0", async () => {
    const model = sampleModel();
    const { mod } = await setUp(model, "timeout");
    const slow = await startSimulator({ model, serviceMs: 2000 });
    cleanup.push(() => slow.close());
    const ros = mod.createClient({ baseUrl: slow.url, username: "admin", password: "", timeoutMs: 100 });
    await expect(ros.ip.address.list()).rejects.toMatchObject({ name: "RouterOSError", status: 0, detail: "no reply within 100 ms" });
    await ros.close();
  });

  it("reads RouterOS strings", async () => {
    const { mod } = await setUp(sampleModel(), "helpers");
    expect([mod.asBoolean("true"), mod.asBoolean("no"), mod.asBoolean("x")]).toEqual([true, false, undefined]);
    expect([mod.asNumber("1500"), mod.asNumber("auto")]).toEqual([1500, undefined]);
    expect([
      mod.asDuration("2d20h12m20s"),
      mod.asDuration("500ms"),
      mod.asDuration("00:00:30"),
      mod.asDuration("1w"),
      mod.asDuration("soon"),
    ]).toEqual([245_540_000, 500, 30_000, 604_800_000, undefined]);
  });
});

const deep = dump("7.22.3-deep");
describe.skipIf(!deep)("generated client of 7.22.3", () => {
  it("does the same against a simulated 7.22.3 router", async () => {
    const { mod, sim } = await setUp(await loadDump(deep!), "run-7.22.3");
    await exercise(mod, sim, { baseUrl: sim.url });
    await exercise(mod, sim, { baseUrl: sim.httpsUrl, tls: { insecure: true } });
    await exercise(mod, sim, { baseUrl: sim.httpsUrl, tls: { ca: sim.caPem } });
  });
});
