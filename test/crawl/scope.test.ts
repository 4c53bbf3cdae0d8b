/** --only: the crawl keeps the named menus and the way to them, and asks nothing else. */
import { describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { Scope, tasksAfterChild } from "../../src/crawl/tasks.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";

describe("crawl scope", () => {
  it("plans child and syntax inside and on the way, nothing beside", () => {
    const scope = new Scope(["ip/address"]);
    const rows = [
      { name: "ip", "node-type": "path", type: "child" },
      { name: "system", "node-type": "path", type: "child" },
      { name: "ping", "node-type": "cmd", type: "child" },
    ];
    expect(tasksAfterChild([], rows, scope, true)).toEqual([
      { request: "child", path: ["ip"] },
      { request: "syntax", path: ["ip"] },
    ]);
    const inside = [
      { name: "address", "node-type": "dir", type: "child" },
      { name: "route", "node-type": "dir", type: "child" },
    ];
    expect(tasksAfterChild(["ip"], inside, scope, true)).toEqual([
      { request: "child", path: ["ip", "address"] },
      { request: "syntax", path: ["ip", "address"] },
    ]);
    // Where member syntax stalls the router, menus and commands get no syntax request.
    expect(tasksAfterChild(["ip"], inside, scope, false)).toEqual([{ request: "child", path: ["ip", "address"] }]);
  });

  it("crawls only /ip/address of the sample tree, whole", async () => {
    const sim = await startSimulator({ model: sampleModel() });
    try {
      const model = await crawl({ url: sim.url, user: "admin", password: "", only: ["ip/address"] });
      expect(Object.keys(model.root.menus)).toEqual(["ip"]);
      expect(Object.keys(model.root.commands)).toEqual([]);
      expect(Object.keys(model.root.menus.ip!.menus)).toEqual(["address"]);
      expect(model.root.menus.ip!.menus.address).toEqual(sampleModel().root.menus.ip!.menus.address);
    } finally {
      await sim.close();
    }
  });

  it("names a chosen menu the router does not have, at once", async () => {
    expect(new Scope(["ip/firewal", "system"]).missing(["ip"], [{ name: "address", "node-type": "dir", type: "child" }])).toBe(
      "ip/firewal",
    );
    expect(new Scope(["ip/address"]).missing(["ip"], [{ name: "address", "node-type": "dir", type: "child" }])).toBeUndefined();
    const sim = await startSimulator({ model: sampleModel() });
    try {
      await expect(crawl({ url: sim.url, user: "admin", password: "", only: ["ip/address", "firewall"] })).rejects.toThrow(
        "--only firewall: this router has no such menu",
      );
    } finally {
      await sim.close();
    }
  });
});
