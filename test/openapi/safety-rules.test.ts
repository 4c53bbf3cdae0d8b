/**
 * The safety classes rule by rule, over hand-made operations (no document built): each expected class comes from
 * the allowlist written in safety.ts's header and the RouterOS facts it names (the dumps' commands and args), never
 * from running the classifier. The mutation run of safety.ts (test/mutation/modules.json) reads this file.
 */
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { safetyOf, type SafetyInput } from "../../src/openapi/safety.js";

type Schema = OpenAPIV3.SchemaObject;
const text: Schema = { type: "string" };

/** A POST command of `menu` whose body takes `args` (each plain text unless given a schema). */
const command = (menu: string, name: string, args: string[] | Record<string, Schema> = [], bounds?: string[]): SafetyInput => ({
  menu,
  verb: "command",
  command: name,
  ...(bounds ? { bounds } : {}),
  body: { type: "object", properties: Array.isArray(args) ? Object.fromEntries(args.map((a) => [a, text])) : args },
});

const classOf = (op: SafetyInput) => safetyOf({}, op).class;

describe("the verbs of a menu of items", () => {
  it.each<[SafetyInput["verb"], string]>([
    ["list", "reads"],
    ["get", "reads"],
    ["add", "adds"],
    ["set", "own-item"],
    ["remove", "own-item"],
  ])("%s: %s", (verb, want) => {
    // A name that would be disruptive as a command: the verb decides first.
    expect(safetyOf({}, { menu: "/system", verb, command: "reboot" })).toEqual({ class: want });
  });

  it("a read by verb names what would make it write or stream", () => {
    expect(safetyOf({}, { ...command("/log", "print", ["follow", "interval"]), verb: "list" })).toEqual({
      class: "reads",
      readsWithout: ["follow", "interval"],
    });
  });

  it("POST add adds, wherever it stands", () => {
    expect(safetyOf({}, command("/system/package", "add", ["name"]))).toEqual({ class: "adds" });
  });
});

describe("the showing commands", () => {
  it.each(["print", "get", "export"])("%s reads", (name) => {
    expect(safetyOf({}, command("/ip/address", name, ["proplist"]))).toEqual({ class: "reads" });
  });

  it("print, get and export read even in a menu where every change is disruptive", () => {
    for (const name of ["print", "get", "export"]) expect(classOf(command("/system/license", name))).toBe("reads");
  });

  it("print is sent without what writes a file, streams, or repeats", () => {
    expect(safetyOf({}, command("/ip/address", "print", ["file", "follow", "follow-only", "interval", "proplist"]))).toEqual({
      class: "reads",
      readsWithout: ["file", "follow", "follow-only", "interval"],
    });
  });

  it("a print that repeats until stopped (it has bounds) is no plain read", () => {
    // `once` makes a print repeat until stopped; unbounded it would run until the session ends.
    expect(classOf(command("/interface/wireless/registration-table", "print", ["once"], ["once"]))).toBe("changes-router");
  });

  it("a command that is neither shown nor bounded is no read, even with a read's args", () => {
    expect(classOf(command("/ip/address", "frobnicate", ["file"]))).toBe("changes-router");
  });
});

describe("commands that run until stopped", () => {
  it.each(["monitor", "monitor-traffic"])("%s bounded by once reads, sent with once", (name) => {
    expect(safetyOf({}, command("/interface", name, ["once", "numbers"], ["once"]))).toEqual({ class: "reads", readsWith: { once: "" } });
  });

  it("a monitor without once does not read", () => {
    expect(classOf(command("/interface", "monitor-traffic", ["duration"], ["duration"]))).toBe("changes-router");
    expect(classOf(command("/interface", "monitor-traffic", [], []))).toBe("changes-router");
  });

  it("a bound listed but absent from the body bounds nothing", () => {
    expect(classOf(command("/interface", "monitor", [], ["once"]))).toBe("changes-router");
  });

  it.each(["ping", "traceroute", "bandwidth-test", "flood-ping", "speed-test"])(
    "%s bounded by count, aimed at the router itself, reads",
    (name) => {
      expect(safetyOf({}, command("/tool", name, ["address", "count", "duration", "interval"], ["count", "duration"]))).toEqual({
        class: "reads",
        readsWith: { count: "3", address: "127.0.0.1" },
      });
    },
  );

  it("a probe bounded only by duration is sent for one second", () => {
    expect(safetyOf({}, command("/tool", "traceroute", ["address", "duration"], ["duration"]))).toEqual({
      class: "reads",
      readsWith: { duration: "1s", address: "127.0.0.1" },
    });
  });

  it("a probe is sent without the args that write a file or stream, but may keep its interval", () => {
    expect(safetyOf({}, command("/", "ping", ["address", "count", "file", "follow", "interval"], ["count"]))).toEqual({
      class: "reads",
      readsWith: { count: "3", address: "127.0.0.1" },
      readsWithout: ["file", "follow"],
    });
  });

  it("a bound whose schema refuses the usual value is sent with the schema's own example", () => {
    const count: Schema = { type: "string", pattern: "^[a-z]+$", example: "five" };
    expect(safetyOf({}, command("/tool", "ping", { address: text, count }, ["count"])).readsWith).toEqual({
      count: "five",
      address: "127.0.0.1",
    });
    const duration: Schema = { type: "string", enum: ["10s"], example: 10 };
    expect(safetyOf({}, command("/tool", "ping", { address: text, duration }, ["duration"])).readsWith).toEqual({
      duration: "10",
      address: "127.0.0.1",
    });
  });

  it("a count that neither takes 3 nor has an example leaves the duration to bound it, or nothing", () => {
    const count: Schema = { type: "string", enum: ["1"] };
    expect(safetyOf({}, command("/tool", "ping", { address: text, count, duration: text }, ["count", "duration"])).readsWith).toEqual({
      duration: "1s",
      address: "127.0.0.1",
    });
    expect(classOf(command("/tool", "ping", { address: text, count }, ["count"]))).toBe("changes-router");
  });

  it("a probe that cannot be aimed at the router itself does not read", () => {
    expect(classOf(command("/tool", "ping", ["count"], ["count"]))).toBe("changes-router");
    const elsewhere: Schema = { type: "string", enum: ["10.0.0.1"] };
    expect(classOf(command("/tool", "ping", { address: elsewhere, count: text }, ["count"]))).toBe("changes-router");
  });

  it("an unbounded probe does not read", () => {
    expect(classOf(command("/tool", "ping", ["address", "count"], []))).toBe("changes-router");
  });

  it("a bounded command that neither watches nor probes does not read", () => {
    expect(classOf(command("/tool", "torch", ["address", "count", "duration", "once"], ["count", "duration", "once"]))).toBe(
      "changes-router",
    );
  });
});

describe("a body that takes no args", () => {
  it("classes as the command does, with nothing to leave out or bound by", () => {
    const bare = (name: string, bounds?: string[]): SafetyInput => ({
      menu: "/tool",
      verb: "command",
      command: name,
      ...(bounds ? { bounds } : {}),
      body: { type: "object" },
    });
    expect(safetyOf({}, bare("print"))).toEqual({ class: "reads" });
    expect(safetyOf({}, bare("ping", ["count"]))).toEqual({ class: "changes-router" });
    expect(safetyOf({}, bare("set"))).toEqual({ class: "changes-router" });
  });
});

describe("/console/inspect", () => {
  it("reads there, and only there", () => {
    expect(safetyOf({}, command("/console", "inspect", ["request", "path"]))).toEqual({ class: "reads" });
    expect(classOf(command("/ip/address", "inspect"))).toBe("changes-router");
    expect(classOf(command("/console", "clear-history"))).toBe("changes-router");
  });
});

describe("the disruptive commands", () => {
  it.each([
    ["/system", "reboot"],
    ["/system", "shutdown"],
    ["/system", "reset-configuration"],
    ["/system/routerboard", "upgrade"],
    ["/interface/lte", "firmware-upgrade"],
    ["/system/package", "downgrade"],
    ["/system/package", "uninstall"],
    ["/system/package", "apply-changes"],
    ["/certificate", "card-reinstall"],
    ["/system/license", "generate-new-id"],
  ])("%s %s, wherever it stands", (menu, name) => {
    expect(safetyOf({}, command(menu, name))).toEqual({ class: "disruptive" });
    expect(classOf(command("/somewhere/else", name))).toBe("disruptive");
  });

  it.each([
    ["/", "password"],
    ["/", "quit"],
    ["/", "import"],
    ["/system/backup", "load"],
    ["/user", "expire-password"],
    ["/user-manager/database", "load"],
    ["/dude", "import-db"],
    ["/", "execute"],
    ["/system/script", "run"],
    ["/container", "run"],
    // New software: `install` fetches it and reboots into it, `download` leaves it to install at the next reboot.
    ["/system/package/update", "install"],
    ["/system/package/update", "download"],
  ])("%s %s, at that place only", (menu, name) => {
    expect(safetyOf({}, command(menu, name))).toEqual({ class: "disruptive" });
    expect(classOf(command("/ip/address", name))).toBe("changes-router");
  });

  it("checking for new software is no install", () => {
    expect(classOf(command("/system/package/update", "check-for-updates", ["once"], ["once"]))).toBe("changes-router");
  });

  it.each(["/system/device-mode", "/system/license", "/system/package"])("every change in %s, but not in its sub-menus", (menu) => {
    expect(classOf(command(menu, "update"))).toBe("disruptive");
    expect(classOf(command(menu, "set", ["numbers"]))).toBe("disruptive");
    expect(classOf(command(`${menu}/sub`, "update"))).toBe("changes-router");
  });
});

describe("set and remove as commands", () => {
  it.each(["set", "remove"])("%s on a named item is the item's own", (name) => {
    expect(safetyOf({}, command("/ip/address", name, ["numbers", "comment"]))).toEqual({ class: "own-item" });
    expect(classOf(command("/ip/address", name, ["number"]))).toBe("own-item");
  });

  it.each(["set", "remove"])("%s without an item changes the router", (name) => {
    expect(classOf(command("/system/identity", name, ["name"]))).toBe("changes-router");
    expect(classOf({ menu: "/system/identity", verb: "command", command: name })).toBe("changes-router");
  });

  it("another command on a named item changes the router", () => {
    expect(classOf(command("/ip/address", "enable", ["numbers"]))).toBe("changes-router");
  });

  it("a command without a name changes the router", () => {
    expect(classOf({ menu: "/ip/address", verb: "command" })).toBe("changes-router");
  });
});

describe("the args that carry code", () => {
  it("are named beside the class, in the body's order", () => {
    expect(safetyOf({}, command("/system/scheduler", "add", ["name", "on-event", "interval"]))).toEqual({
      class: "adds",
      code: ["on-event"],
    });
    expect(safetyOf({}, command("/system/script", "add", ["source", "name", "comment"]))).toEqual({ class: "adds", code: ["source"] });
    expect(safetyOf({}, command("/ip/address", "print", ["where", "file"]))).toEqual({
      class: "reads",
      readsWithout: ["file"],
      code: ["where"],
    });
  });

  it("are read from each arg's schema, its $ref resolved against the document", () => {
    const root = { components: { schemas: { Script: { type: "string", "x-routeros-type": "script" } } } };
    const body: Schema = { type: "object", properties: { payload: { $ref: "#/components/schemas/Script" } as Schema, name: text } };
    expect(safetyOf(root, { menu: "/tool/thing", verb: "add", body })).toEqual({ class: "adds", code: ["payload"] });
  });

  it("are none where nothing carries code", () => {
    expect(safetyOf({}, command("/ip/address", "add", ["address", "interface"]))).toEqual({ class: "adds" });
  });
});
