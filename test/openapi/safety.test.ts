/** The safety class of every operation is a document fact (`x-routeros-safety`), decided by allowlist; the disruptive list only ever makes a class stricter. */
import { describe, expect, it } from "vitest";
import { buildView } from "../../src/view/index.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import { safetyOf, type SafetyInput } from "../../src/openapi/safety.js";
import { sampleModel } from "../../src/sample/index.js";

// Built inside each test, not when the file loads: a mutation run (npm run test:mutation) changes the code per test.
const operations = () => buildView(buildOpenApi(sampleModel())).operations;
const of = (method: string, path: string) => operations().find((o) => o.method === method && o.path === path)?.safety;

describe("the safety fact of the sample tree's operations", () => {
  it.each([
    ["get", "/ip/address", { class: "reads" }],
    ["put", "/ip/address", { class: "adds" }],
    ["patch", "/ip/address/{id}", { class: "own-item" }],
    ["delete", "/ip/address/{id}", { class: "own-item" }],
    ["post", "/ip/address/add", { class: "adds" }],
    ["post", "/ip/address/set", { class: "own-item" }],
    ["post", "/ping", { class: "reads", readsWith: { count: "3", address: "127.0.0.1" } }],
    ["post", "/system/reboot", { class: "disruptive" }],
  ])("%s %s", (method, path, want) => {
    expect(of(method, path)).toEqual(want);
  });

  it("classifies every operation", () => {
    expect(operations().filter((o) => !o.safety?.class)).toEqual([]);
  });
});

describe("the classification", () => {
  const command = (menu: string, name: string, args: string[] = [], bounds?: string[]): SafetyInput => ({
    menu,
    verb: "command",
    command: name,
    ...(bounds ? { bounds } : {}),
    body: { type: "object", properties: Object.fromEntries(args.map((a) => [a, { type: "string" }])) },
  });

  it.each<[string, SafetyInput, string]>([
    ["a command nobody classified changes the router", command("/ip/address", "frobnicate"), "changes-router"],
    ["print without its streaming args reads", command("/ip/address", "print", ["file", "follow"]), "reads"],
    ["a monitor that cannot be bounded does not read", command("/interface", "monitor-traffic", [], []), "changes-router"],
    ["a monitor bounded by once reads", command("/interface", "monitor-traffic", ["once"], ["once"]), "reads"],
    ["reboot", command("/system", "reboot"), "disruptive"],
    ["the licence", command("/system/license", "renew"), "disruptive"],
    ["a package change", command("/system/package", "disable", ["numbers"]), "disruptive"],
    ["the device mode", command("/system/device-mode", "update"), "disruptive"],
    ["a password", command("/", "password"), "disruptive"],
    ["reading the licence stays a read", command("/system/license", "print"), "reads"],
    ["a set on an item is the item's", command("/ip/address", "set", ["numbers"]), "own-item"],
    ["a settings set changes the router", command("/system/identity", "set", ["name"]), "changes-router"],
  ])("%s", (_name, input, want) => {
    expect(safetyOf({}, input).class).toBe(want);
  });

  it("names the args that would make a read write or stream", () => {
    expect(safetyOf({}, command("/ip/address", "print", ["file", "follow", "where"])).readsWithout).toEqual(["file", "follow"]);
  });
});
