/**
 * The tools as an agent sees them, in memory against the simulator on
 * 7.22.3 extra: the list and its cost, search, describe, read, plan and
 * apply, and every failure a tool error with RouterOS's own words.
 */
import { encode } from "gpt-tokenizer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SchemaModel } from "../../src/model/types.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { inMemory, PASSWORD, simulatedRouter, type Router } from "./harness.js";
import { QUESTIONS } from "./questions.js";

const extra = dump("7.22.3-extra");

describe.skipIf(!extra)("rosapi mcp tools (7.22.3 extra)", () => {
  let model: SchemaModel;
  let router: Router;
  beforeAll(async () => {
    model = await loadDump(extra!);
    router = await simulatedRouter(model);
  });
  afterAll(() => router?.close());

  it("lists search, describe and read when closed, plan and apply when a door is open, with their hints, under 1,000 tokens", async () => {
    const closed = await inMemory(model, router);
    const open = await inMemory(model, router, { allowWrite: ["ip/address"] });
    try {
      const closedTools = (await closed.client.listTools()).tools;
      const openTools = (await open.client.listTools()).tools;
      expect(closedTools.map((t) => t.name)).toEqual(["search", "describe", "read"]);
      expect(openTools.map((t) => t.name)).toEqual(["search", "describe", "read", "plan", "apply"]);
      for (const tool of openTools) {
        expect(tool.annotations?.readOnlyHint, tool.name).toBe(tool.name !== "apply");
      }
      expect(openTools.find((t) => t.name === "apply")!.annotations).toMatchObject({ destructiveHint: true, idempotentHint: false });
      const tokens = encode(JSON.stringify(openTools)).length;
      console.log(
        `[mcp] tool list: ${tokens} tokens (o200k_base) with plan and apply, ${encode(JSON.stringify(closedTools)).length} without`,
      );
      expect(tokens).toBeLessThan(1000);
    } finally {
      await closed.close();
      await open.close();
    }
  });

  it("search finds menus by a person's words", async () => {
    const s = await inMemory(model, router);
    try {
      const first = async (query: string) => (await s.call("search", { query })).text.split("\n")[0];
      expect(await first("dhcp lease")).toMatch(/^\/ip\/dhcp-server\/lease /);
      expect(await first("ethernet ports")).toMatch(/^\/interface\/ethernet /);
      expect(await first("reboot")).toMatch(/^\/system reboot /);
      expect((await s.call("search", { query: "zzzz" })).text).toMatch(/nothing .* matches/);
      // Everyday questions of our own (questions.ts): the right menu in the top 3 for at least 36 of 40.
      const top3 = async (query: string) =>
        (await s.call("search", { query, limit: 3 })).text.split("\n").map((line) => line.split(" ")[0]);
      const found = [];
      for (const [question, menu] of QUESTIONS) if ((await top3(question)).includes(menu)) found.push(question);
      console.log(`[mcp] search: the right menu in the top 3 for ${found.length} of ${QUESTIONS.length} everyday questions`);
      expect(found.length).toBeGreaterThanOrEqual(36);
      for (const question of ["ip addresses", "routeros version", "uptime", "cpu load", "ipsec policies"])
        expect(found).toContain(question);
    } finally {
      await s.close();
    }
  });

  it("describe gives a menu's operations with their class and door, and an operation's args", async () => {
    const s = await inMemory(model, router, { allowWrite: ["ip/address"] });
    try {
      const menu = (await s.call("describe", { menu: "ip/address" })).text;
      expect(menu).toContain("list: GET /rest/ip/address; reads; read");
      expect(menu).toContain("add: PUT /rest/ip/address; adds; open: plan, then apply");
      const add = (await s.call("describe", { menu: "/ip/address", operation: "add" })).text;
      expect(add).toMatch(/^ {2}address: ipv4-prefix/m);
      expect(add).toMatch(/^example args: \{"address":"10\.0\.0\.1\/24"/m);
      const filter = (await s.call("describe", { menu: "/ip/firewall/filter", operation: "add" })).text;
      expect(filter).toMatch(/^ {2}address-list-timeout: duration, 0s\.\.35w3d13h13m56s$/m);
      expect(filter).toContain("closed");
      const reboot = await s.call("describe", { menu: "/system", operation: "reboot" });
      expect(reboot.text).toMatch(/disruptive; closed/);
      expect(await s.call("describe", { menu: "/no/such" })).toMatchObject({
        isError: true,
        text: expect.stringMatching(/no menu \/no\/such/),
      });
    } finally {
      await s.close();
    }
  });

  it("read lists, gets, and runs monitors and probes bounded; it refuses what is not a read", async () => {
    const s = await inMemory(model, router);
    try {
      expect(JSON.parse((await s.call("read", { menu: "/system/identity", operation: "get" })).text)).toHaveProperty("name");
      const interfaces = JSON.parse((await s.call("read", { menu: "/interface", args: { type: "ether" } })).text) as object[];
      expect(Array.isArray(interfaces)).toBe(true);
      const ping = JSON.parse((await s.call("read", { menu: "/", operation: "ping" })).text) as { host: string }[];
      expect(ping.map((p) => p.host)).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
      expect(await s.call("read", { menu: "/", operation: "ping", args: { address: "8.8.8.8" } })).toMatchObject({
        isError: true,
        text: expect.stringMatching(/address="127\.0\.0\.1" only/),
      });
      expect(await s.call("read", { menu: "/ip/address", operation: "print", args: { file: "x" } })).toMatchObject({
        isError: true,
        text: expect.stringMatching(/leaves out file/),
      });
      expect(await s.call("read", { menu: "/system", operation: "reboot" })).toMatchObject({
        isError: true,
        text: expect.stringMatching(/not a read \(disruptive\)/),
      });
      expect(await s.call("read", { menu: 5 })).toMatchObject({ isError: true, text: expect.stringMatching(/Input validation error/) });
      expect(await s.call("read", { menu: "/ip/address", operation: "get", id: "*99" })).toMatchObject({
        isError: true,
        text: expect.stringContaining('RouterOS refused it: {"error":404,"message":"Not Found","detail":"no such item"}'),
      });
    } finally {
      await s.close();
    }
  });

  it("plan validates against the document, shows the request and the current state; apply sends it once", async () => {
    const s = await inMemory(model, router, { allowWrite: ["/ip/address/"] });
    try {
      const before = router.recorder.requests.length;
      const rejected = await s.call("plan", {
        menu: "/ip/address",
        operation: "add",
        args: { address: "10.0.0.300/24", interface: "ether1" },
      });
      expect(rejected).toMatchObject({
        isError: true,
        text: expect.stringMatching(/^address="10\.0\.0\.300\/24" is not a valid ipv4-prefix/),
      });
      expect((await s.call("plan", { menu: "/ip/address", operation: "add", args: { adress: "10.0.0.1/24" } })).text).toMatch(
        /has no arg adress/,
      );
      expect(router.recorder.requests.length).toBe(before);

      const planned = JSON.parse(
        (await s.call("plan", { menu: "/ip/address", operation: "add", args: { address: "10.7.7.1/24", interface: "ether1" } })).text,
      );
      expect(planned).toMatchObject({ request: { method: "PUT", path: "/ip/address" }, safety: "adds", current: null });
      expect(router.recorder.requests.length).toBe(before);
      const applied = JSON.parse((await s.call("apply", { plan: planned.plan })).text);
      const id = applied.reply[".id"] as string;
      expect(id).toMatch(/^\*[0-9A-F]+$/);
      expect((await s.call("apply", { plan: planned.plan })).text).toMatch(/no plan/);

      const change = JSON.parse((await s.call("plan", { menu: "/ip/address", operation: "set", id, args: { comment: "mcp" } })).text);
      expect(change).toMatchObject({
        request: { method: "PATCH", path: `/ip/address/${id}`, body: { comment: "mcp" } },
        current: { ".id": id, address: "10.7.7.1/24" },
      });
      await s.call("apply", { plan: change.plan });
      const gone = JSON.parse((await s.call("plan", { menu: "/ip/address", operation: "remove", id })).text);
      expect(gone.current).toMatchObject({ comment: "mcp" });
      await s.call("apply", { plan: gone.plan });
      expect((await s.call("read", { menu: "/ip/address", operation: "get", id })).isError).toBe(true);

      expect((await s.call("plan", { menu: "/ip/route", operation: "add", args: {} })).text).toMatch(
        /not among the menus open for writes \(\/ip\/address\)/,
      );
      expect((await s.call("plan", { menu: "/system", operation: "reboot" })).text).toMatch(/--allow-disruptive system\/reboot/);
      expect(s.audit.filter((e) => e.method !== "GET").map((e) => `${e.tool} ${e.method} ${e.path}`)).toEqual([
        "apply PUT /ip/address",
        `apply PATCH /ip/address/${id}`,
        `apply DELETE /ip/address/${id}`,
      ]);
      expect(JSON.stringify(s.audit)).not.toContain(PASSWORD);
    } finally {
      await s.close();
    }
  });

  it("a disruptive command stays closed when its menu is open, until it is named one by one", async () => {
    const menuOpen = await inMemory(model, router, { allowWrite: ["system"] });
    const named = await inMemory(model, router, { allowDisruptive: ["system/reboot"] });
    try {
      expect((await menuOpen.call("plan", { menu: "/system", operation: "reboot" })).text).toMatch(/disruptive: it is refused unless/);
      const planned = JSON.parse((await named.call("plan", { menu: "/system", operation: "reboot" })).text);
      expect(planned).toMatchObject({ request: { method: "POST", path: "/system/reboot" }, safety: "disruptive" });
      expect((await named.call("plan", { menu: "/system", operation: "shutdown" })).isError).toBe(true);
    } finally {
      await menuOpen.close();
      await named.close();
    }
  });

  it("a router refusing the change gives RouterOS's message as a tool error", async () => {
    const s = await inMemory(model, router, { allowWrite: ["ip/address"] });
    try {
      // A plan made on an item that is gone by the time it is applied: the router says so.
      const added = JSON.parse(
        (await s.call("plan", { menu: "/ip/address", operation: "add", args: { address: "10.8.8.1/24", interface: "ether1" } })).text,
      );
      const id = JSON.parse((await s.call("apply", { plan: added.plan })).text).reply[".id"] as string;
      const change = JSON.parse((await s.call("plan", { menu: "/ip/address", operation: "set", id, args: { comment: "late" } })).text);
      const remove = JSON.parse((await s.call("plan", { menu: "/ip/address", operation: "remove", id })).text);
      await s.call("apply", { plan: remove.plan });
      const refused = await s.call("apply", { plan: change.plan });
      expect(refused.isError).toBe(true);
      expect(refused.text).toBe('RouterOS refused it: {"error":404,"message":"Not Found","detail":"no such item"}');
    } finally {
      await s.close();
    }
  });
});
