/**
 * The generated client over the API protocol against the simulator (`startSimulator({ apiPort })`, what `rosapi mock
 * --api-port` serves): every kind of operation gives what the same call gives over REST (the expected values are
 * REST's, from a second simulator of the same tree and seed), and so do concurrent calls on one connection, on every
 * dump of the tier; errors, streams, cancel, a stream consumed slowly and TLS on the 7.22.3 extra dump.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SchemaModel } from "../../../src/model/types.js";
import { startSimulator, type RunningSimulator } from "../../../src/simulator/index.js";
import { DUMPS, dump, loadDump, QUICK_DUMP, type Dump } from "../../helpers/dumps.js";
import { removeClient, writeClient } from "../../helpers/generated-client.js";

type Item = Record<string, string>;
interface Client {
  ip: {
    address: {
      list(filter?: object, options?: { proplist?: string[] }): Promise<Item[]>;
      listen(): AsyncIterable<Item>;
      get(id: string): Promise<Item>;
      add(body: object): Promise<Item>;
      set(id: string, patch: object): Promise<Item>;
      remove(id: string): Promise<void>;
      disable(body: object): Promise<unknown>;
      print(args?: { proplist?: string[]; query?: string[] }): Promise<Item[]>;
      printFollow(args?: { proplist?: string[]; query?: string[] }): AsyncIterable<Item>;
    };
  };
  interface: { ethernet: { get(id: string): Promise<Item> } };
  system: { identity: { get(): Promise<Item>; set(body: object): Promise<unknown> } };
  /** At the root, and under /tool (7.23.3 has it only there). */
  ping?(body: object): Promise<Item[]>;
  tool: { ping(body: object): Promise<Item[]> };
  pingStream(body: object): AsyncIterable<Item>;
  close(): Promise<void>;
}
interface Module {
  createClient(options: object): Client;
}

const file = dump(QUICK_DUMP);
const cleanup: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanup.map((f) => f())));

/** The dump's tree and its generated client, loaded. */
async function clientOf(d: Dump): Promise<{ model: SchemaModel; mod: Module }> {
  const model = await loadDump(d);
  const dir = await writeClient(model, `api-client-${d.name}`);
  cleanup.push(() => removeClient(dir));
  return { model, mod: (await import(join(dir, "client/index.js"))) as Module };
}

let model: SchemaModel;
let mod: Module;

async function simulator(): Promise<RunningSimulator> {
  const sim = await startSimulator({ model, apiPort: 0 });
  cleanup.push(() => sim.close());
  return sim;
}
const restClient = (sim: RunningSimulator) => mod.createClient({ baseUrl: sim.url, username: "admin", password: "" });
/** As the checks call it. */
const apiClient = (sim: RunningSimulator, options: object = {}) =>
  mod.createClient({ transport: "api", host: "127.0.0.1", port: sim.apiPort, username: "admin", password: "", ...options });

/** An error as both transports tell it: RouterOS's reason is REST's `detail` and the API trap's `message`. */
const reason = (err: unknown) => {
  const e = err as { name: string; message: string; detail?: string; status: number };
  return { error: e.name, reason: e.status === 0 ? e.message : e.detail };
};

const ping = (ros: Client, body: object) => (ros.ping ? ros.ping(body) : ros.tool.ping(body));

/** Every kind of operation, its results (and refusals) in order. */
async function everyKind(ros: Client): Promise<unknown[]> {
  const out: unknown[] = [];
  const step = async (call: () => Promise<unknown>) => out.push(await call().catch(reason));
  const added = await ros.ip.address.add({ address: "10.0.0.1/24", interface: "ether1", disabled: false });
  const id = added[".id"]!;
  out.push(added);
  await step(() => ros.ip.address.get(id));
  await step(() => ros.ip.address.set(id, { comment: "uplink" }));
  await step(() => ros.ip.address.list({ interface: "ether1" }, { proplist: [".id", "comment"] }));
  await step(() => ros.ip.address.list());
  await step(() => ros.ip.address.print({ proplist: ["address"], query: ["interface=ether1", "interface=lo", "#|"] }));
  await step(() => ros.ip.address.print({ query: ["interface=nothing"] }));
  await step(() => ros.ip.address.disable({ numbers: id }));
  await step(() => ros.ip.address.get(id));
  await step(() => ros.interface.ethernet.get("ether1"));
  await step(() => ros.system.identity.set({ name: "edge" }));
  await step(() => ros.system.identity.get());
  await step(() => ping(ros, { address: "127.0.0.1", count: 2 }));
  await step(() => ros.ip.address.remove(id));
  await step(() => ros.ip.address.get(id));
  await step(() => ros.ip.address.remove(id));
  await step(() => ros.ip.address.add({ nonsense: "1" }));
  await step(() => ros.ip.address.add({ interface: "ether1" }));
  await step(() => ros.ip.address.set("*FFFF", { comment: "x" }));
  return out;
}

describe.each(DUMPS)("the client over the API gives REST's results ($name)", (d) => {
  beforeAll(async () => {
    ({ model, mod } = await clientOf(d));
  });

  it("gives every kind of operation the results REST gives", async () => {
    const [restSim, apiSim] = [await simulator(), await simulator()];
    const [rest, api] = [restClient(restSim), apiClient(apiSim)];
    const overRest = await everyKind(rest);
    const overApi = await everyKind(api);
    // The refusals are there, on both.
    expect(overRest).toContainEqual({ error: "RouterOSError", reason: "no such item" });
    expect(overRest).toContainEqual({ error: "RouterOSError", reason: "unknown parameter nonsense" });
    expect(overApi).toEqual(overRest);
    await Promise.all([rest.close(), api.close()]);
  });

  it("shares one connection among concurrent calls, each answered by its tag", async () => {
    const sim = await simulator();
    const [rest, api] = [restClient(sim), apiClient(sim)];
    const added = await rest.ip.address.add({ address: "10.1.0.1/24", interface: "ether1" });
    const calls = (ros: Client) =>
      Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          i % 4 === 0
            ? ros.ip.address.get(added[".id"]!)
            : i % 4 === 1
              ? ros.system.identity.get()
              : i % 4 === 2
                ? ros.ip.address.list({ interface: "ether1" })
                : ping(ros, { address: "127.0.0.1", count: 1 + (i % 3) }),
        ),
      );
    expect(await calls(api)).toEqual(await calls(rest));
    await Promise.all([rest.close(), api.close()]);
  });
});

describe.skipIf(!file)(`the client over the API, against the simulator (${QUICK_DUMP})`, () => {
  beforeAll(async () => {
    ({ model, mod } = await clientOf(file!));
  });

  it("streams listen on /ip/address while another connection adds and removes: every change in order, then /cancel on break", async () => {
    const sim = await simulator();
    const [rest, api] = [restClient(sim), apiClient(sim)];
    const seen: Item[] = [];
    let listening!: () => void;
    const started = new Promise<void>((resolve) => (listening = resolve));
    const stream = (async () => {
      const changes = api.ip.address.listen()[Symbol.asyncIterator]();
      const first = changes.next(); // sends the listen
      await api.system.identity.get(); // answered after the listen was taken: it is listening now
      listening();
      for (let next = await first; !next.done; next = await changes.next()) {
        seen.push(next.value);
        if (seen.length === 6) return changes.return!();
      }
    })();
    await started;
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await rest.ip.address.add({ address: `10.2.0.${n}/24`, interface: "ether1" }))[".id"]!);
    await rest.ip.address.set(ids[1]!, { comment: "second" });
    await rest.ip.address.remove(ids[0]!);
    await rest.ip.address.remove(ids[2]!);
    await stream;
    expect(seen.map((c) => [c[".id"], c["address"], c["comment"], c[".dead"]])).toEqual([
      [ids[0], "10.2.0.1/24", undefined, undefined],
      [ids[1], "10.2.0.2/24", undefined, undefined],
      [ids[2], "10.2.0.3/24", undefined, undefined],
      [ids[1], "10.2.0.2/24", "second", undefined],
      [ids[0], undefined, undefined, "yes"],
      [ids[2], undefined, undefined, "yes"],
    ]);
    // return() resolved once the simulator had answered the /cancel; the connection answers the next call.
    expect(await api.system.identity.get()).toEqual(await rest.system.identity.get());
    await Promise.all([rest.close(), api.close()]);
  });

  it("keeps every change for a consumer slower than the router, holding at most the high-water mark", async () => {
    const sim = await simulator();
    const [rest, api] = [restClient(sim), apiClient(sim, { streamHighWater: 8 })];
    const changes = api.ip.address.printFollow({ proplist: ["address"], query: ["comment=slow"] })[Symbol.asyncIterator]();
    const first = changes.next();
    await api.system.identity.get();
    const COUNT = 200;
    for (let n = 0; n < COUNT; n++)
      await rest.ip.address.add({ address: `10.3.${n >> 8}.${n & 255}/32`, interface: "ether1", comment: "slow" });
    const got: string[] = [];
    let next = await first;
    while (!next.done) {
      got.push(next.value.address!);
      if (got.length === COUNT) break;
      await new Promise((resolve) => setImmediate(resolve)); // slower than the router
      next = await changes.next();
    }
    await changes.return!();
    expect(got).toEqual(Array.from({ length: COUNT }, (_, n) => `10.3.${n >> 8}.${n & 255}/32`));
    await Promise.all([rest.close(), api.close()]);
  });

  it("streams ping until break; over REST the stream says it needs the API transport", async () => {
    const sim = await simulator();
    const [rest, api] = [restClient(sim), apiClient(sim)];
    const echoes: Item[] = [];
    for await (const echo of api.pingStream({ address: "127.0.0.1" })) if (echoes.push(echo) === 3) break;
    expect(echoes.map((e) => e["host"])).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    expect(() => rest.pingStream({ address: "127.0.0.1" })).toThrow("/ping runs until stopped: it needs the API transport");
    expect(() => rest.ip.address.listen()).toThrow("/ip/address/listen runs until stopped: it needs the API transport");
    await Promise.all([rest.close(), api.close()]);
  });

  it("speaks TLS with the REST client's checks: a CA, or insecure; an unknown certificate is refused", async () => {
    const sim = await startSimulator({ model, apiTlsPort: 0 });
    cleanup.push(() => sim.close());
    const over = (tls: object) =>
      mod.createClient({ transport: "api", host: "127.0.0.1", port: sim.apiTlsPort, username: "admin", password: "", tls });
    for (const tls of [{ ca: sim.caPem }, { insecure: true }]) {
      const ros = over(tls);
      expect(await ros.system.identity.get()).toEqual({ name: "MikroTik" });
      await ros.close();
    }
    const strict = over({});
    await expect(strict.system.identity.get()).rejects.toMatchObject({ name: "RouterOSError", status: 0 });
    await strict.close();
  });

  it("logs in with the right password only", async () => {
    const sim = await simulator();
    const intruder = mod.createClient({ transport: "api", host: "127.0.0.1", port: sim.apiPort, username: "admin", password: "wrong" });
    await expect(intruder.system.identity.get()).rejects.toMatchObject({
      name: "RouterOSError",
      message: `login to tcp://127.0.0.1:${sim.apiPort} failed`,
    });
    await intruder.close();
  });
});
