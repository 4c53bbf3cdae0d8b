/**
 * The simulator's API side against an implementation of the protocol that is not ours: node-routeros (the most
 * used JavaScript client, last released 2021). Login, print, add, set, remove, a trap and listen, as its users
 * call them; over REST the same state. It predates RouterOS 7.18's `!empty` (it fails on it), so the simulator
 * here serves 7.16.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RouterOSAPI, type RStream } from "node-routeros";
import { sampleModel, sampleStore } from "../../src/sample/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { call } from "../helpers/rest.js";

let sim: RunningSimulator;
let conn: RouterOSAPI;
beforeAll(async () => {
  sim = await startSimulator({
    model: sampleModel(),
    store: sampleStore(),
    version: "7.16",
    apiPort: 0,
    apiTlsPort: 0,
    password: "s3cret",
  });
  conn = new RouterOSAPI({ host: "127.0.0.1", port: sim.apiPort!, user: "admin", password: "s3cret", timeout: 60 });
  await conn.connect();
});
afterAll(async () => {
  await conn?.close();
  await sim?.close();
});

type Row = Record<string, string>;

describe("node-routeros against the simulator", () => {
  it("logs in, and is refused with a wrong password", async () => {
    const wrong = new RouterOSAPI({ host: "127.0.0.1", port: sim.apiPort!, user: "admin", password: "nope", timeout: 60 });
    await expect(wrong.connect()).rejects.toMatchObject({ errno: "CANTLOGIN" });
  });

  it("logs in over TLS", async () => {
    const secure = new RouterOSAPI({
      host: "127.0.0.1",
      port: sim.apiTlsPort!,
      user: "admin",
      password: "s3cret",
      timeout: 60,
      tls: { ca: sim.caPem! },
    });
    await secure.connect();
    expect(await secure.write("/system/identity/print")).toEqual([{ name: "MikroTik" }]);
    await secure.close();
  });

  it("prints, adds, sets and removes, and REST sees the same items", async () => {
    const interfaces = (await conn.write("/interface/print", ["=.proplist=name,type"])) as Row[];
    expect(interfaces).toEqual((await call(sim.url, "GET", "interface?.proplist=name,type", { password: "s3cret" })).body as Row[]);

    const [added] = (await conn.write("/ip/address/add", ["=address=10.3.0.1/24", "=interface=ether1"])) as Row[];
    const id = added!["ret"]!;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    await conn.write("/ip/address/set", [`=.id=${id}`, "=comment=from node-routeros"]);
    const [item] = (await conn.write("/ip/address/print", [`?.id=${id}`])) as Row[];
    expect(item).toEqual((await call(sim.url, "GET", `ip/address/${id}`, { password: "s3cret" })).body);
    expect(item).toMatchObject({ address: "10.3.0.1/24", comment: "from node-routeros" });
    await conn.write("/ip/address/remove", [`=.id=${id}`]);
    expect((await call(sim.url, "GET", `ip/address/${id}`, { password: "s3cret" })).status).toBe(404);
  });

  it("gets a trap with RouterOS's message", async () => {
    const rest = await call(sim.url, "PUT", "ip/address", { password: "s3cret", body: { address: "10.3.0.9/24", bogus: "1" } });
    await expect(conn.write("/ip/address/add", ["=address=10.3.0.9/24", "=bogus=1"])).rejects.toMatchObject({
      message: (rest.body as { detail: string }).detail,
    });
  });

  it("listens to adds and removes made over REST, and stops", async () => {
    const seen: Row[] = [];
    let notify = () => {};
    const stream: RStream = conn.stream(["/ip/address/listen"], (err: Error | null, packet?: Row) => {
      if (err) throw err;
      if (packet) seen.push(packet);
      notify();
    });
    const changes = (n: number) =>
      new Promise<void>((resolve) => {
        notify = () => void (seen.length >= n && resolve());
        notify();
      });
    // The stream's command is on its way once the connection has written it; a print behind it on the same
    // connection is answered after it has started.
    await conn.write("/system/identity/print");
    const added = (await call(sim.url, "PUT", "ip/address", { password: "s3cret", body: { address: "10.4.0.1/24", interface: "ether1" } }))
      .body as Row;
    await call(sim.url, "DELETE", `ip/address/${added[".id"]}`, { password: "s3cret" });
    await changes(2);
    expect(seen[0]).toEqual(added);
    expect(seen[1]).toEqual({ ".id": added[".id"], ".dead": "yes" });
    await stream.stop();
  });
});
