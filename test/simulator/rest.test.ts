/** The simulator's REST API over real HTTP and HTTPS: CRUD with RouterOS semantics, errors, auth. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleModel, sampleStore } from "../../src/sample/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { call } from "../helpers/rest.js";
import { crawl } from "../../src/crawl/index.js";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ model: sampleModel(), store: sampleStore(), https: true });
});
afterAll(() => sim.close());

const items = (body: unknown) => body as Record<string, string>[];

describe("item menus", () => {
  it("add, get by id, set, list with filter and .proplist, remove", async () => {
    const added = await call(sim.url, "PUT", "ip/address", { body: { address: "10.0.0.1/24", interface: "ether1", disabled: "no" } });
    expect(added.status).toBe(200);
    const item = added.body as Record<string, string>;
    expect(item).toMatchObject({ address: "10.0.0.1/24", interface: "ether1", disabled: "false", dynamic: "false", invalid: "false" });
    expect(item[".id"]).toMatch(/^\*[0-9A-F]+$/);
    expect(Object.values(item).every((v) => typeof v === "string")).toBe(true);

    expect((await call(sim.url, "GET", `ip/address/${item[".id"]}`)).body).toEqual(item);
    const patched = await call(sim.url, "PATCH", `ip/address/${item[".id"]}`, { body: { comment: "uplink" } });
    expect(patched.body).toMatchObject({ ".id": item[".id"], comment: "uplink" });

    const listed = await call(sim.url, "GET", "ip/address?interface=ether1&.proplist=.id,address");
    expect(listed.body).toEqual([{ ".id": item[".id"], address: "10.0.0.1/24" }]);

    const removed = await call(sim.url, "DELETE", `ip/address/${item[".id"]}`);
    expect(removed).toMatchObject({ status: 204, text: "" });
    expect((await call(sim.url, "GET", `ip/address/${item[".id"]}`)).status).toBe(404);
  });

  it("ids increase", async () => {
    const a = (await call(sim.url, "PUT", "ip/route", { body: { "dst-address": "10.1.0.0/16", gateway: "10.0.0.254" } })).body as Record<
      string,
      string
    >;
    const b = (await call(sim.url, "PUT", "ip/route", { body: { "dst-address": "10.2.0.0/16", gateway: "10.0.0.254" } })).body as Record<
      string,
      string
    >;
    expect(parseInt(b[".id"]!.slice(1), 16)).toBeGreaterThan(parseInt(a[".id"]!.slice(1), 16));
  });

  it("addresses items by name", async () => {
    expect((await call(sim.url, "GET", "interface/ether1")).body).toMatchObject({ name: "ether1", type: "ether" });
    const patched = await call(sim.url, "PATCH", "interface/ether2", { body: { mtu: 1400 } });
    expect(patched.body).toMatchObject({ name: "ether2", mtu: "1400" });
  });

  it("runs print with .proplist and .query, and add/set/get/remove as commands", async () => {
    const { body: ret } = await call(sim.url, "POST", "ip/firewall/filter/add", {
      body: { chain: "forward", action: "drop", protocol: "tcp" },
    });
    const id = (ret as { ret: string }).ret;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    expect((await call(sim.url, "POST", "ip/firewall/filter/set", { body: { numbers: id, comment: "x" } })).body).toEqual([]);
    expect((await call(sim.url, "POST", "ip/firewall/filter/get", { body: { number: id, "value-name": "comment" } })).body).toEqual({
      ret: "x",
    });
    const printed = await call(sim.url, "POST", "ip/firewall/filter/print", {
      body: { ".proplist": "chain,action", ".query": ["chain=input", "action=drop", "#|"] },
    });
    expect(printed.body).toEqual([
      { chain: "input", action: "accept" },
      { chain: "forward", action: "drop" },
    ]);
    expect((await call(sim.url, "POST", "ip/firewall/filter/remove", { body: { numbers: id } })).body).toEqual([]);
    expect(items((await call(sim.url, "GET", "ip/firewall/filter")).body)).toHaveLength(1);
  });

  it("answers ping with one record per echo, in the REST manual's shape", async () => {
    const records = items((await call(sim.url, "POST", "ping", { body: { address: "10.155.101.1", count: "4" } })).body);
    expect(records).toHaveLength(4);
    expect(Object.keys(records[0]!).sort()).toEqual([
      "avg-rtt",
      "host",
      "max-rtt",
      "min-rtt",
      "packet-loss",
      "received",
      "sent",
      "seq",
      "size",
      "time",
      "ttl",
    ]);
    expect(records[3]).toMatchObject({
      host: "10.155.101.1",
      seq: "3",
      sent: "4",
      received: "4",
      "packet-loss": "0",
      size: "56",
      ttl: "64",
    });
    expect(records.every((r) => Object.values(r).every((v) => typeof v === "string") && /^\d+us$/.test(r["time"]!))).toBe(true);
  });

  it("answers other commands with []", async () => {
    expect((await call(sim.url, "POST", "tool/traceroute", { body: { address: "192.168.88.1", count: "1" } })).body).toEqual([]);
  });
});

describe("settings menus and system facts", () => {
  it("serves /system/identity as one object, set through POST set", async () => {
    expect((await call(sim.url, "POST", "system/identity/set", { body: { name: "edge1" } })).status).toBe(200);
    expect((await call(sim.url, "GET", "system/identity")).body).toEqual({ name: "edge1" });
    expect((await call(sim.url, "POST", "system/identity/get", { body: { "value-name": "name" } })).body).toEqual({ ret: "edge1" });
  });

  it("serves /system/resource with the model's version", async () => {
    expect((await call(sim.url, "GET", "system/resource")).body).toMatchObject({
      version: "7.22.3 (stable)",
      "architecture-name": "x86_64",
      "board-name": "CHR",
    });
    expect((await call(sim.url, "POST", "system/resource/get", { body: { "value-name": "version" } })).body).toEqual({
      ret: "7.22.3 (stable)",
    });
    expect((await call(sim.url, "GET", "system/package")).body).toEqual([
      { ".id": "*1", name: "routeros", version: "7.22.3", disabled: "false" },
    ]);
  });

  it("answers the packages it lists by id and by `get`, as a router does, where the tree has /system/package", async () => {
    const model = sampleModel();
    const command = (...args: string[]) => ({
      kind: "command" as const,
      args: Object.fromEntries(args.map((a) => [a, { kind: "arg" as const }])),
    });
    model.root.menus["system"]!.menus["package"] = {
      kind: "menu",
      nodeType: "dir",
      menus: {},
      commands: { print: command("proplist"), get: command("number", "value-name"), disable: command("numbers") },
    };
    const withMenu = await startSimulator({ model });
    try {
      const listed = items((await call(withMenu.url, "GET", "system/package")).body);
      expect(listed).toEqual([{ ".id": "*1", name: "routeros", version: "7.22.3", disabled: "false" }]);
      expect(await call(withMenu.url, "GET", "system/package/*1")).toMatchObject({ status: 200, body: listed[0] });
      expect(await call(withMenu.url, "POST", "system/package/get", { body: { number: "*1" } })).toMatchObject({
        status: 200,
        body: listed[0],
      });
      expect((await call(withMenu.url, "POST", "system/package/get", { body: { number: "*1", "value-name": "name" } })).body).toEqual({
        ret: "routeros",
      });
      expect((await call(withMenu.url, "POST", "system/package/print", { body: {} })).body).toEqual(listed);
      expect((await call(withMenu.url, "GET", "system/package/*2")).status).toBe(404);
    } finally {
      await withMenu.close();
    }
  });

  it("serves a tree whose file carries no version as what it is: no version invented, and a crawl of it says so", async () => {
    const model = sampleModel();
    delete model.header.version;
    const bare = await startSimulator({ model });
    try {
      const resource = (await call(bare.url, "GET", "system/resource")).body;
      expect(resource).not.toHaveProperty("version");
      expect(resource).toMatchObject({ "board-name": "CHR" });
      expect((await call(bare.url, "GET", "system/package")).body).toEqual([{ ".id": "*1", name: "routeros", disabled: "false" }]);
      const crawled = await crawl({ url: bare.url, user: "admin", password: "" });
      expect(crawled.header.version).toBeUndefined();
      expect(crawled.header.unknown).toEqual(["version"]);
      expect(crawled.root).toEqual(model.root);
    } finally {
      await bare.close();
    }
  });
});

describe("errors", () => {
  it.each([
    ["unknown parameter on add", "PUT", "ip/address", { bogus: "1" }, 400, "unknown parameter bogus"],
    ["unknown parameter on set", "PATCH", "interface/ether1", { bogus: "1" }, 400, "unknown parameter bogus"],
    ["unknown id", "GET", "ip/address/*FFFF", undefined, 404, "no such item"],
    ["unknown id on delete", "DELETE", "ip/address/*FFFF", undefined, 404, "no such item"],
    ["remove on a menu without remove", "DELETE", "interface/ether1", undefined, 406, undefined],
    ["add on a menu without add", "PUT", "interface", {}, 406, undefined],
    ["unknown menu", "GET", "ip/nothing", undefined, 400, "no such command or directory (nothing)"],
    ["unknown command", "POST", "ip/address/fly", {}, 400, "no such command or directory (fly)"],
    ["GET on a command", "GET", "ip/address/print", undefined, 400, "no such command"],
    ["missing numbers", "POST", "ip/address/remove", {}, 400, "missing =numbers="],
    ["bad query", "POST", "ip/address/print", { ".query": ["#|"] }, 400, "query stack is empty"],
    ["missing inspect request", "POST", "console/inspect", { path: "" }, 400, "missing =request="],
    ["unknown inspect request", "POST", "console/inspect", { request: "fly" }, 400, undefined],
  ] as const)("%s", async (_name, method, path, body, status, detail) => {
    const answer = await call(sim.url, method, path, body === undefined ? {} : { body });
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: status, message: expect.any(String) });
    if (detail) expect((answer.body as { detail: string }).detail).toBe(detail);
  });

  it("answers malformed JSON with 400, and keeps serving", async () => {
    const answer = await call(sim.url, "POST", "ip/address/print", { raw: "{not json" });
    expect(answer).toMatchObject({ status: 400, body: { error: 400 } });
    expect((await call(sim.url, "GET", "ip/address")).status).toBe(200);
  });

  it("answers wrong or missing credentials with 401 and RouterOS's body", async () => {
    const wrong = await call(sim.url, "GET", "ip/address", { password: "nope" });
    expect(wrong).toMatchObject({ status: 401, body: { error: 401, message: "Unauthorized" } });
    const res = await fetch(`${sim.url}/ip/address`);
    expect(res.status).toBe(401);
    await res.text();
  });
});

describe("HTTPS", () => {
  it("serves the same API with a self-signed certificate, trusted as ca or insecure", async () => {
    expect(sim.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rest$/);
    expect(sim.caPem).toContain("BEGIN CERTIFICATE");
    expect((await call(sim.httpsUrl!, "GET", "system/identity", { ca: sim.caPem })).status).toBe(200);
    expect((await call(sim.httpsUrl!, "GET", "system/identity")).status).toBe(200);
  });

  it("is refused by a client that trusts nothing but the system store", async () => {
    await expect(fetch(`${sim.httpsUrl}/system/identity`)).rejects.toThrow();
  });
});

describe("credentials", () => {
  it("takes a user and password, and counts requests", async () => {
    const other = await startSimulator({ model: sampleModel(), user: "ops", password: "s3cret" });
    try {
      expect((await call(other.url, "GET", "system/identity")).status).toBe(401);
      expect((await call(other.url, "GET", "system/identity", { user: "ops", password: "s3cret" })).status).toBe(200);
      expect(other.requests()).toBe(2);
    } finally {
      await other.close();
    }
  });
});
