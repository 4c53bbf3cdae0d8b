/**
 * Each realism knob of the simulator, over real HTTP. These check behaviour, not speed: a delay is checked
 * from below (it cannot be shorter than asked), and from above only against a bound the test sets (the
 * serial sum, the length of a hang), far from what a busy machine adds.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index.js";
import { call } from "../helpers/rest.js";

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});
const start = async (options: Omit<SimulatorOptions, "model">) => (sim = await startSimulator({ model: sampleModel(), ...options }));
const identity = () => call(sim!.url, "GET", "system/identity");
const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
const parallel = (n: number, fn: () => Promise<unknown>) => Promise.all(Array.from({ length: n }, fn));

describe("simulator knobs", () => {
  it("rtt-ms delays every request, overlapping between requests", async () => {
    await start({ rttMs: 500 });
    const ms = await timed(() => parallel(8, identity));
    expect(ms).toBeGreaterThanOrEqual(495);
    // Not one after the other.
    expect(ms).toBeLessThan(8 * 500);
  });

  it("service-ms serves one request at a time", async () => {
    await start({ serviceMs: 40 });
    expect(await timed(() => parallel(8, identity))).toBeGreaterThanOrEqual(8 * 40 - 5);
  });

  it("hang stalls the whole server while a hanging path is inspected", async () => {
    await start({ hang: [{ path: "ping", ms: 3000 }] });
    const hung = call(sim!.url, "POST", "console/inspect", { body: { request: "syntax", path: "ping" } });
    // Once the simulator has the hanging request, the stall is on.
    while (sim!.requests() === 0) await new Promise((r) => setTimeout(r, 5));
    expect(await timed(identity)).toBeGreaterThanOrEqual(300);
    expect((await hung).status).toBe(200);
    // `child` on the same path does not start another hang.
    expect(await timed(() => call(sim!.url, "POST", "console/inspect", { body: { request: "child", path: "ping" } }))).toBeLessThan(3000);
  });

  it("command-timeout-ms: ping without count and print with follow run into the REST timeout, then 400 Session closed", async () => {
    await start({ commandTimeoutMs: 3000 });
    const ping = (body: object) => call(sim!.url, "POST", "ping", { body: { address: "192.168.88.1", ...body } });
    let reply: Awaited<ReturnType<typeof ping>> | undefined;
    expect(await timed(async () => (reply = await ping({})))).toBeGreaterThanOrEqual(2990);
    expect(reply).toMatchObject({ status: 400, body: { error: 400, message: "Bad Request", detail: "Session closed" } });
    expect(await timed(async () => (reply = await ping({ count: "1" })))).toBeLessThan(3000);
    expect(reply).toMatchObject({ status: 200, body: [{ seq: "0" }] });
    expect((await call(sim!.url, "POST", "ip/address/print", { body: { follow: "" } })).body).toMatchObject({ detail: "Session closed" });
  });

  it("fail-rate answers 500 with RouterOS's error body, the same way for the same seed", async () => {
    const statuses = async () => {
      await start({ failRate: 0.5, seed: 7 });
      const out = [];
      for (let i = 0; i < 20; i++) out.push((await identity()).status);
      await sim!.close();
      sim = undefined;
      return out;
    };
    const first = await statuses();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
    await start({ failRate: 1 });
    expect((await identity()).body).toEqual({ error: 500, message: "Internal Server Error", detail: "simulated failure" });
  });

  it("reset-rate drops connections", async () => {
    await start({ resetRate: 1 });
    await expect(identity()).rejects.toThrow();
    expect(sim!.requests()).toBe(1);
  });

  it("restart-at stops answering for a while after request n", async () => {
    await start({ restartAt: { request: 2, ms: 300 } });
    expect((await identity()).status).toBe(200);
    expect((await identity()).status).toBe(200);
    await expect(identity()).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 350));
    expect((await identity()).status).toBe(200);
    expect(sim!.requests()).toBe(4);
  });
});
