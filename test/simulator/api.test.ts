/**
 * The simulator's API protocol side: login, tags, replies as RouterOS words them, queries, streams and cancel,
 * over the same state as REST. Expected replies follow the protocol reference
 * (../shared/docs/routeros-reference/003_…md) and the REST side's own answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleModel, sampleStore } from "../../src/sample/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { call } from "../helpers/rest.js";
import { apiPeer, attributes, loggedIn, rows, type ApiPeer } from "../helpers/api.js";

let sim: RunningSimulator;
let api: ApiPeer;
beforeAll(async () => {
  sim = await startSimulator({ model: sampleModel(), store: sampleStore(), apiPort: 0, apiTlsPort: 0 });
  api = await loggedIn(sim.apiPort!);
});
afterAll(async () => {
  api?.close();
  await sim?.close();
});

describe("login", () => {
  it("takes name and password (6.43 and later), and refuses a wrong one with a trap", async () => {
    const peer = await apiPeer(sim.apiPort!);
    peer.send("/login", "=name=admin", "=password=wrong", ".tag=1");
    expect(await peer.until()).toEqual([
      ["!trap", "=message=invalid user name or password (6)", ".tag=1"],
      ["!done", ".tag=1"],
    ]);
    peer.send("/login", "=name=admin", "=password=");
    expect(await peer.until()).toEqual([["!done"]]);
    peer.close();
  });

  it("ends a connection whose first command is not /login, with one !fatal", async () => {
    const peer = await apiPeer(sim.apiPort!);
    peer.send("/ip/address/print");
    expect(await peer.next()).toEqual(["!fatal", "not logged in"]);
    await peer.closed;
  });

  it("ends the session on /quit", async () => {
    const peer = await loggedIn(sim.apiPort!);
    peer.send("/quit");
    expect(await peer.next()).toEqual(["!fatal", "session terminated on request"]);
    await peer.closed;
  });

  it("speaks over TLS with the simulator's certificate", async () => {
    const peer = await loggedIn(sim.apiTlsPort!, { tls: { ca: sim.caPem! } });
    peer.send("/system/identity/print");
    expect(await peer.until()).toEqual([["!re", "=name=MikroTik"], ["!done"]]);
    peer.close();
  });
});

describe("commands over the REST side's state", () => {
  it("add, print, set, remove by .id; REST sees each change and the API sees REST's", async () => {
    api.send("/ip/address/add", "=address=10.7.0.1/24", "=interface=ether1", ".tag=a");
    const [done] = await api.until("a");
    expect(done![0]).toBe("!done");
    const id = attributes(done!)["ret"]!;
    expect(id).toMatch(/^\*[0-9A-F]+$/);
    expect((await call(sim.url, "GET", `ip/address/${id}`)).body).toMatchObject({ address: "10.7.0.1/24", interface: "ether1" });

    api.send("/ip/address/set", `=.id=${id}`, "=comment=uplink");
    expect(await api.until()).toEqual([["!done"]]);
    expect((await call(sim.url, "GET", `ip/address/${id}`)).body).toMatchObject({ comment: "uplink" });

    const rest = (await call(sim.url, "PUT", "ip/address", { body: { address: "10.8.0.1/24", interface: "ether1" } })).body as Record<
      string,
      string
    >;
    api.send("/ip/address/print", "?interface=ether1");
    const listed = rows(await api.until());
    const restListed = (await call(sim.url, "GET", "ip/address?interface=ether1")).body;
    expect(listed).toEqual(restListed);
    expect(listed.map((r) => r[".id"])).toEqual(expect.arrayContaining([id, rest[".id"]]));

    for (const gone of [id, rest[".id"]!]) {
      api.send("/ip/address/remove", `=.id=${gone}`);
      expect(await api.until()).toEqual([["!done"]]);
      expect((await call(sim.url, "GET", `ip/address/${gone}`)).status).toBe(404);
    }
  });

  it("answers =.proplist= and getall", async () => {
    api.send("/interface/getall", "=.proplist=name,mtu");
    const listed = rows(await api.until());
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) expect(Object.keys(row)).toEqual(["name", "mtu"]);
  });

  it("filters print with queries: equal, absent, less, greater, and the # stack", async () => {
    const names = async (...query: string[]) => {
      api.send("/interface/print", "=.proplist=name", ...query);
      return rows(await api.until()).map((r) => r["name"]);
    };
    const all = await names();
    expect(all).toEqual(["ether1", "ether2", "lo", "bridge1"].filter((n) => all.includes(n)));
    expect(await names("?name=ether1")).toEqual(["ether1"]);
    expect(await names("?name=ether1", "?name=lo", "?#|")).toEqual(["ether1", "lo"]);
    expect(await names("?name=ether1", "?#!")).toEqual(all.filter((n) => n !== "ether1"));
    expect(await names("?-comment")).toEqual(all);
    expect(await names("?>actual-mtu=1500")).toEqual(["lo"]);
    expect(await names("?<actual-mtu=1501", "?type=ether", "?#&")).toEqual(all.filter((n) => n!.startsWith("ether")));
  });

  it("routes replies by .tag when commands overlap", async () => {
    api.send("/interface/print", "=.proplist=name", ".tag=x");
    api.send("/system/identity/print", ".tag=y");
    const seen: string[][] = [];
    while (seen.filter((s) => s[0] === "!done").length < 2) seen.push((await api.next())!);
    expect(seen.filter((s) => s.includes(".tag=y"))).toEqual([
      ["!re", "=name=MikroTik", ".tag=y"],
      ["!done", ".tag=y"],
    ]);
    expect(seen.every((s) => s.at(-1) === ".tag=x" || s.at(-1) === ".tag=y")).toBe(true);
  });

  it("says !empty before !done for an empty print on 7.18 and later, and only there", async () => {
    api.send("/ip/address/print", "?address=192.0.2.99/32");
    expect(await api.until()).toEqual([["!empty"], ["!done"]]);
    const old = await startSimulator({ model: sampleModel(), version: "7.16", apiPort: 0 });
    const peer = await loggedIn(old.apiPort!);
    peer.send("/ip/address/print");
    expect(await peer.until()).toEqual([["!done"]]);
    peer.close();
    await old.close();
  });
});

describe("errors: a !trap with REST's text for each error REST gives", () => {
  it.each([
    [
      "an unknown arg",
      "/ip/address/add",
      ["=address=10.9.0.1/24", "=interface=ether1", "=bogus=1"],
      "PUT",
      "ip/address",
      { address: "10.9.0.1/24", interface: "ether1", bogus: "1" },
    ],
    [
      "an item that is not there",
      "/ip/address/set",
      ["=.id=*FFFF", "=comment=x"],
      "POST",
      "ip/address/set",
      { numbers: "*FFFF", comment: "x" },
    ],
    ["a command that is not there", "/ip/address/frobnicate", [], "POST", "ip/address/frobnicate", {}],
    ["a set without an item", "/ip/address/remove", [], "POST", "ip/address/remove", {}],
    ["a broken query stack", "/ip/address/print", ["?#|"], "POST", "ip/address/print", { ".query": ["#|"] }],
  ] as const)("%s", async (_what, command, words, method, path, body) => {
    const rest = await call(sim.url, method, path, { body });
    expect(rest.status).toBeGreaterThanOrEqual(400);
    api.send(command, ...words);
    expect(await api.until()).toEqual([["!trap", `=message=${(rest.body as { detail: string }).detail}`], ["!done"]]);
  });
});

describe("streams", () => {
  it("listen yields adds, sets and removes (.dead=yes) made over REST, in order, until /cancel", async () => {
    api.send("/ip/address/listen", ".tag=L");
    const added = (await call(sim.url, "PUT", "ip/address", { body: { address: "10.5.0.1/24", interface: "ether1" } })).body as Record<
      string,
      string
    >;
    const id = added[".id"]!;
    await call(sim.url, "PATCH", `ip/address/${id}`, { body: { comment: "changed" } });
    await call(sim.url, "DELETE", `ip/address/${id}`);
    const events = [(await api.next())!, (await api.next())!, (await api.next())!];
    expect(events.map((e) => e.at(-1))).toEqual([".tag=L", ".tag=L", ".tag=L"]);
    expect(attributes(events[0]!)).toEqual(added);
    expect(attributes(events[1]!)).toEqual({ ...added, comment: "changed" });
    expect(events[2]).toEqual(["!re", `=.id=${id}`, "=.dead=yes", ".tag=L"]);

    api.send("/cancel", "=tag=L", ".tag=C");
    expect([await api.next(), await api.next(), await api.next()]).toEqual([
      ["!trap", "=category=2", "=message=interrupted", ".tag=L"],
      ["!done", ".tag=C"],
      ["!done", ".tag=L"],
    ]);
    // Nothing more arrives for L: the next reply is the next command's.
    await call(sim.url, "PUT", "ip/address", { body: { address: "10.5.0.2/24", interface: "ether1" } });
    api.send("/system/identity/print", ".tag=after");
    expect(await api.next()).toEqual(["!re", "=name=MikroTik", ".tag=after"]);
    await api.until("after");
  });

  it("print follow gives the items, then their changes; follow-only the changes only", async () => {
    api.send("/interface/print", "=follow=", "?name=ether1", "=.proplist=name,mtu", ".tag=F");
    expect(await api.next()).toEqual(["!re", "=name=ether1", "=mtu=1500", ".tag=F"]);
    api.send("/interface/print", "=follow-only=", ".tag=G");
    await call(sim.url, "PATCH", "interface/ether1", { body: { mtu: "1400" } });
    const both = [(await api.next())!, (await api.next())!];
    expect(both).toContainEqual(["!re", "=name=ether1", "=mtu=1400", ".tag=F"]);
    expect(both.find((s) => s.at(-1) === ".tag=G")).toContain("=mtu=1400");
    api.send("/cancel", ".tag=C2");
    const ends = [(await api.next())!, (await api.next())!, (await api.next())!, (await api.next())!, (await api.next())!];
    expect(
      ends
        .filter((s) => s[0] === "!trap")
        .map((s) => s.at(-1))
        .sort(),
    ).toEqual([".tag=F", ".tag=G"]);
    expect(
      ends
        .filter((s) => s[0] === "!done")
        .map((s) => s.at(-1))
        .sort(),
    ).toEqual([".tag=C2", ".tag=F", ".tag=G"]);
    await call(sim.url, "PATCH", "interface/ether1", { body: { mtu: "1500" } });
  });

  it("ping without count streams echoes until cancelled", async () => {
    api.send("/ping", "=address=127.0.0.1", "=interval=10ms", ".tag=P");
    const echoes = [(await api.next())!, (await api.next())!, (await api.next())!];
    expect(echoes.map((e) => attributes(e)["seq"])).toEqual(["0", "1", "2"]);
    expect(attributes(echoes[0]!)).toMatchObject({ host: "127.0.0.1", received: "1", sent: "1" });
    api.send("/cancel", "=tag=P", ".tag=PC");
    let sentence = await api.next();
    while (sentence?.[0] === "!re") sentence = await api.next();
    expect(sentence).toEqual(["!trap", "=category=2", "=message=interrupted", ".tag=P"]);
    expect(await api.next()).toEqual(["!done", ".tag=PC"]);
    expect(await api.next()).toEqual(["!done", ".tag=P"]);
  });

  it("ping with count answers its echoes and ends", async () => {
    api.send("/ping", "=address=127.0.0.1", "=count=2");
    const reply = await api.until();
    expect(reply.map((s) => s[0])).toEqual(["!re", "!re", "!done"]);
    expect((await call(sim.url, "POST", "ping", { body: { address: "127.0.0.1", count: "2" } })).body).toEqual(rows(reply));
  });

  it("a stream ends when its connection does", async () => {
    const peer = await loggedIn(sim.apiPort!);
    peer.send("/ip/address/listen");
    peer.send("/system/identity/print");
    await peer.until();
    peer.close();
    await peer.closed;
    // The store's watcher went with it: a change after the close reaches no one and breaks nothing.
    const added = await call(sim.url, "PUT", "ip/address", { body: { address: "10.6.0.1/24", interface: "ether1" } });
    expect(added.status).toBe(200);
  });
});
