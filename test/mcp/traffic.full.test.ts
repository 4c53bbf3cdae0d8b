/**
 * What reaches the router, on each of the six shared dumps, recorded by a
 * proxy in front of the simulator and judged by the Postman tests' own
 * reading of requests (independent of the server's rule):
 * - read-only (the default), every operation of every menu tried through
 *   read, plan and apply: 0 changes;
 * - over stdio as a client starts it, with writes open for ip/address:
 *   search finds menus by a person's words; changes only there, only through apply of a plan; a plan the schema
 *   rejects and anything disruptive never reach the router.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsOf } from "../../src/mcp/operations.js";
import type { MenuNode } from "../../src/view/index.js";
import type { SchemaModel } from "../../src/model/types.js";
import { judge } from "../emit/postman/traffic.js";
import { DUMPS, dumpsPresent, loadDump } from "../helpers/dumps.js";
import { inMemory, overStdio, PASSWORD, simulatedRouter, type Router } from "./harness.js";

const menus = (node: MenuNode): MenuNode[] => [node, ...[...node.children.values()].flatMap(menus)];

describe.skipIf(!dumpsPresent)("rosapi mcp traffic", () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), "rosapi-mcp-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(DUMPS)("$name", (d) => {
    let model: SchemaModel;
    let router: Router;
    beforeAll(async () => {
      model = await loadDump(d);
      // A command that would run until stopped answers at once: a hang here is a test's failure, not its wait.
      router = await simulatedRouter(model, { commandTimeoutMs: 1 });
    });
    afterAll(() => router?.close());

    it("read-only by default: every operation tried, 0 changes", async () => {
      const s = await inMemory(model, router);
      router.recorder.requests.length = 0;
      let reads = 0;
      try {
        for (const node of menus(s.engine.view.tree)) {
          for (const [name, op] of operationsOf(node)) {
            const call = { menu: node.menu, operation: name, ...(op.onItem ? { id: "*1" } : {}) };
            if (!(await s.call("read", call)).isError) reads++;
            expect((await s.call("plan", call)).isError).toBe(true);
          }
        }
        expect((await s.call("apply", { plan: "x" })).isError).toBe(true);
      } finally {
        await s.close();
      }
      const verdict = judge(router.recorder.requests);
      expect(verdict.changes).toEqual([]);
      expect(reads).toBeGreaterThan(100);
      console.log(`[mcp] ${d.name}: ${router.recorder.requests.length} requests from ${reads} reads, 0 changes`);
    });

    it("over stdio with --allow-write ip/address: search finds by words; changes only there, only after a plan", async () => {
      const audit = join(dir, `${d.name}.jsonl`);
      const s = await overStdio([
        "--from",
        d.file,
        "--url",
        router.recorder.url,
        "--user",
        "admin",
        "--password-env",
        "ROUTER_PASSWORD",
        "--allow-write",
        "ip/address",
        "--audit",
        audit,
      ]);
      router.recorder.requests.length = 0;
      const results: string[] = [];
      const call = async (name: string, args: Record<string, unknown>) => {
        const r = await s.call(name, args);
        results.push(r.text);
        return r;
      };
      try {
        const first = async (query: string) => (await call("search", { query })).text.split("\n")[0];
        expect(await first("dhcp lease")).toMatch(/^\/ip\/dhcp-server\/lease /);
        expect(await first("ethernet ports")).toMatch(/^\/interface\/ethernet /);
        const rejected = await call("plan", {
          menu: "/ip/address",
          operation: "add",
          args: { address: "300.1.1.1/24", interface: "ether1" },
        });
        expect(rejected.isError).toBe(true);
        expect(router.recorder.requests).toEqual([]);
        for (const refused of [
          { menu: "/system", operation: "reboot" },
          { menu: "/system", operation: "reset-configuration" },
          { menu: "/ip/route", operation: "add", args: { "dst-address": "10.0.0.0/8" } },
          { menu: "/system/identity", operation: "set", args: { name: "x" } },
        ])
          expect((await call("plan", refused)).isError).toBe(true);
        expect((await call("apply", { plan: "not-a-plan" })).isError).toBe(true);
        expect(router.recorder.requests).toEqual([]);

        const add = JSON.parse(
          (await call("plan", { menu: "ip/address", operation: "add", args: { address: "10.66.0.1/24", interface: "ether1" } })).text,
        );
        const id = JSON.parse((await call("apply", { plan: add.plan })).text).reply[".id"] as string;
        const set = JSON.parse((await call("plan", { menu: "ip/address", operation: "set", id, args: { comment: "agent" } })).text);
        await call("apply", { plan: set.plan });
        const remove = JSON.parse((await call("plan", { menu: "ip/address", operation: "remove", id })).text);
        await call("apply", { plan: remove.plan });
      } finally {
        await s.close();
      }
      const writes = router.recorder.requests.filter((r) => r.method !== "GET");
      expect(writes.map((r) => r.method)).toEqual(["PUT", "PATCH", "DELETE"]);
      expect(writes.every((r) => r.path.startsWith("/ip/address"))).toBe(true);
      expect(judge(router.recorder.requests).changes).toEqual([]);
      const lines = readFileSync(audit, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { tool: string; method: string });
      expect(lines.filter((l) => l.method !== "GET").map((l) => l.tool)).toEqual(["apply", "apply", "apply"]);
      expect(lines.length).toBe(router.recorder.requests.length + 1 /* the version check, before the recording was reset */);
      for (const text of [...results, readFileSync(audit, "utf8"), s.stderr()]) expect(text).not.toContain(PASSWORD);
    });
  });
});
