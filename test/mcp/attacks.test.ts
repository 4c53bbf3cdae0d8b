/**
 * `rosapi mcp` as an attacker drives it (a prompt-injected agent), through
 * the SDK's client against the simulator on 7.22.3 extra, every request
 * recorded at the router (the recording proxy resolves `.` and `..` as any
 * HTTP stack does, so it sees what a router behind a proxy sees). One test
 * per class of the issue: ids that are not ids, reads that run code, doors
 * that reach code or the server's own password, bounded work per call; and
 * the usefulness found on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SchemaModel } from "../../src/model/types.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { carryingCode, changing, inMemory, SEED, simulatedRouter, type Protocol, type Router } from "./harness.js";

const extra = dump("7.22.3-extra");

/** Menus whose parent shares an arg with them (7.22.3): an id of `..` would change the parent. */
const CHILDREN = ["tool/romon/port", "ip/dns/forwarders", "ip/proxy/access", "ip/smb/users"];
const NOT_IDS = ["..", ".", "%2e%2e", "%2E", ".%2e", "%2e.", "../..", "*1/..", "/", ""];

describe.skipIf(!extra).each(["rest", "api"] as Protocol[])("rosapi mcp under attack (7.22.3 extra, over %s)", (protocol) => {
  let model: SchemaModel;
  let router: Router;
  beforeAll(async () => {
    model = await loadDump(extra!);
    router = await simulatedRouter(model, { store: SEED, commandTimeoutMs: 1 }, protocol);
  });
  afterAll(() => router?.close());

  /** Runs `work` on a fresh session with these doors; returns what reached the router meanwhile. */
  async function attempt(doors: Parameters<typeof inMemory>[2], work: (s: Awaited<ReturnType<typeof inMemory>>) => Promise<void>) {
    const s = await inMemory(model, router, doors);
    router.recorder.requests.length = 0;
    try {
      await work(s);
    } finally {
      await s.close();
    }
    return router.recorder.requests.slice();
  }

  it("an id that is not an id is refused before anything is sent; a *HEX id and a listed name work", async () => {
    const sent = await attempt({ allowWrite: CHILDREN }, async (s) => {
      for (const menu of CHILDREN)
        for (const id of NOT_IDS) {
          for (const [tool, operation] of [
            ["plan", "set"],
            ["plan", "remove"],
            ["read", "get"],
          ] as const) {
            const r = await s.call(tool, { menu, operation, id, ...(operation === "set" ? { args: { comment: "x" } } : {}) });
            expect(r.isError, `${tool} ${menu} ${operation} ${JSON.stringify(id)}`).toBe(true);
          }
        }
      // Lookalike names are names nobody listed.
      expect((await s.call("plan", { menu: "/ip/dns/forwarders", operation: "remove", id: "ｆｗ1" })).isError).toBe(true);
    });
    expect(sent.filter((r) => r.method !== "GET")).toEqual([]);
    expect(sent.every((r) => CHILDREN.some((menu) => r.path === `/${menu}`))).toBe(true);

    const good = await attempt({ allowWrite: CHILDREN }, async (s) => {
      const port = JSON.parse((await s.call("read", { menu: "/tool/romon/port" })).text) as { ".id": string }[];
      const set = await s.call("plan", { menu: "/tool/romon/port", operation: "set", id: port[0]![".id"], args: { comment: "x" } });
      expect(set.isError, set.text).toBe(false);
      expect((await s.call("apply", { plan: JSON.parse(set.text).plan })).isError).toBe(false);
      const named = await s.call("plan", { menu: "/ip/dns/forwarders", operation: "set", id: "fw1", args: { comment: "y" } });
      expect(named.isError, named.text).toBe(false);
      expect((await s.call("apply", { plan: JSON.parse(named.text).plan })).isError).toBe(false);
      // RouterOS's own refusal comes back as it said it, over either transport.
      const missing = await s.call("read", { menu: "/tool/romon/port", operation: "get", id: "*FFFF" });
      expect([missing.isError, missing.text]).toEqual([true, expect.stringMatching(/^RouterOS refused it: \{.*"no such item"/)]);
    });
    expect(changing(good).map((r) => `${r.method} ${r.path}`)).toEqual([
      expect.stringMatching(/^PATCH \/tool\/romon\/port\/\*[0-9A-F]+$/),
      // The API's set names the item by the .id a print by name found.
      protocol === "rest" ? "PATCH /ip/dns/forwarders/fw1" : expect.stringMatching(/^PATCH \/ip\/dns\/forwarders\/\*[0-9A-F]+$/),
    ]);
  });

  it("a read never carries code: do on a monitor, on-event on print, where on print/export/find are refused by name", async () => {
    const sent = await attempt({}, async (s) => {
      for (const [menu, operation, args] of [
        ["/interface/ethernet", "monitor", { numbers: "ether1", do: "/system reboot" }],
        ["/ip/address", "print", { "on-event": "/system reboot" }],
        ["/ip/address", "print", { where: "[/system reboot]" }],
        ["/ip/address", "export", { where: "[/system reboot]" }],
      ] as const) {
        const r = await s.call("read", { menu, operation, args });
        expect(r.isError, `${menu} ${operation}`).toBe(true);
        expect(r.text).toContain(Object.keys(args).find((a) => a !== "numbers"));
      }
    });
    expect(carryingCode(sent)).toEqual([]);
    expect(changing(sent)).toEqual([]);
  });

  it("doors do not reach code or the server's own password unless named; --allow-disruptive names only disruptive operations", async () => {
    const refused = await attempt({ allowWrite: ["system", "user", "/"] }, async (s) => {
      for (const call of [
        { menu: "/system/script", operation: "run", args: { number: "boot" } },
        { menu: "/system/scheduler", operation: "add", args: { name: "t", "on-event": "/system reboot" } },
        { menu: "/system/script", operation: "add", args: { name: "t", source: "/system reboot" } },
        { menu: "/", operation: "execute", args: { script: "/system reboot" } },
        { menu: "/user", operation: "set", id: "admin", args: { password: "x" } },
      ]) {
        const r = await s.call("plan", call);
        expect(r.isError, JSON.stringify(call)).toBe(true);
        expect(r.text).toMatch(/disruptive/);
      }
      // Another user's password, and a scheduler entry without code, are plain writes.
      expect((await s.call("plan", { menu: "/user", operation: "set", id: "agent", args: { password: "x" } })).isError).toBe(false);
      expect((await s.call("plan", { menu: "/system/scheduler", operation: "add", args: { name: "t" } })).isError).toBe(false);
    });
    expect(changing(refused)).toEqual([]);

    const named = await attempt({ allowDisruptive: ["system/script/run", "system/scheduler/add"] }, async (s) => {
      const run = await s.call("plan", { menu: "/system/script", operation: "run", args: { number: "boot" } });
      expect(run.isError, run.text).toBe(false);
      expect(JSON.parse(run.text)).toMatchObject({ safety: "disruptive" });
      const scheduled = await s.call("plan", {
        menu: "/system/scheduler",
        operation: "add",
        args: { name: "t", "on-event": ":log info x" },
      });
      expect(scheduled.isError, scheduled.text).toBe(false);
    });
    expect(changing(named)).toEqual([]);

    await expect(inMemory(model, router, { allowDisruptive: ["ip/address/add"] })).rejects.toThrow(
      "--allow-disruptive ip/address/add: /ip/address/add is not disruptive (adds); --allow-write ip/address opens it",
    );
  });

  it("work per call is bounded: long inputs are refused in a line, echoed input is clipped", async () => {
    const sent = await attempt({ allowWrite: ["ip/address"] }, async (s) => {
      const huge = "ip address ".repeat(100_000);
      const search = await s.call("search", { query: huge });
      expect(search.isError).toBe(true);
      expect(search.text.length).toBeLessThan(200);
      const nothing = await s.call("search", { query: "zq".repeat(450) });
      expect(nothing.text.length).toBeLessThan(200);
      for (const call of [
        ["describe", { menu: "/x".repeat(100_000) }],
        ["read", { menu: "/ip/address", operation: "get", id: "a".repeat(100_000) }],
        ["plan", { menu: "/ip/address", operation: "add", args: { comment: "c".repeat(100_000) } }],
        ["plan", { menu: "/ip/address", operation: "add", args: { ["x".repeat(10_000)]: "1" } }],
        ["plan", { menu: "/ip/address", operation: "add", args: { address: "z".repeat(5_000), interface: "ether1" } }],
        ["apply", { plan: "p".repeat(100_000) }],
      ] as const) {
        const r = await s.call(call[0], call[1]);
        expect(r.isError).toBe(true);
        // The input clipped; what stays is the server's own words (a pattern, a limit).
        expect(r.text.length, r.text.slice(0, 600)).toBeLessThan(600);
      }
    });
    expect(sent).toEqual([]);
  });

  it("usefulness: read of a settings menu does get, describe says 'unknown' without evidence, --allow-probe aims a bounded probe anywhere", async () => {
    const sent = await attempt({}, async (s) => {
      expect(JSON.parse((await s.call("read", { menu: "/system/identity" })).text)).toMatchObject({ name: "MikroTik" });
      // The audit names the operation over both; over REST the request it was too.
      const entry = s.audit.at(-1)!;
      expect(entry).toMatchObject({ tool: "read", menu: "/system/identity", verb: "get", ok: true });
      expect([entry.method, entry.path]).toEqual(protocol === "rest" ? ["GET", "/system/identity"] : [undefined, undefined]);
      expect((await s.call("describe", { menu: "/ip/address", operation: "add" })).text).toMatch(/^required args: unknown/m);
      expect((await s.call("read", { menu: "/", operation: "ping", args: { address: "8.8.8.8" } })).isError).toBe(true);
    });
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /system/identity"]);
    const probed = await attempt({ allowProbe: true }, async (s) => {
      const r = await s.call("read", { menu: "/", operation: "ping", args: { address: "8.8.8.8", count: "1000" } });
      expect(r.isError).toBe(true);
      expect((await s.call("read", { menu: "/", operation: "ping", args: { address: "8.8.8.8" } })).isError).toBe(false);
    });
    expect(probed.map((r) => [r.path, r.body])).toEqual([["/ping", { address: "8.8.8.8", count: "3" }]]);
  });
});
