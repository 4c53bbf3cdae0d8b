/** RouterOS words as TypeScript names, and value schemas as TypeScript types. */
import { describe, expect, it } from "vitest";
import { identifier, memberName, propertyKey, Scope, typeName } from "../../../src/emit/typescript/names.js";
import { valueType } from "../../../src/emit/typescript/types.js";

describe("names", () => {
  it.each([
    ["address", "address", "address"],
    ["reset-counters", "resetCounters", "resetCounters"],
    ["6to4", "_6to4", "_6to4"],
    ["802.3-sap", "_802_3Sap", "_802_3Sap"],
    ["interface", "interface", "interface_"],
    ["export", "export", "export_"],
  ])("%s → member %s, identifier %s", (word, member, ident) => {
    expect(memberName(word)).toBe(member);
    expect(identifier(word)).toBe(ident);
  });

  it.each([
    ["name", "name"],
    ["src-address", '"src-address"'],
    [".id", '".id"'],
    ["802.1x", '"802.1x"'],
  ])("key %s → %s", (name, key) => expect(propertyKey(name)).toBe(key));

  it("keeps component names, except those that would shadow a global", () => {
    expect([typeName("IpAddress"), typeName("Record"), typeName("Error")]).toEqual(["IpAddress", "RosRecord", "RosError"]);
  });

  it("gives each name once in a scope", () => {
    const scope = new Scope(["close"]);
    expect(["monitor", "monitor", "close", "monitor"].map((n) => scope.claim(n))).toEqual(["monitor", "monitor2", "close2", "monitor3"]);
  });
});

describe("value types", () => {
  const yesNo = { type: "string", enum: ["yes", "no"] } as const;
  it.each([
    ["enum, request", yesNo, true, '"yes" | "no"'],
    ["enum, reply", yesNo, false, "string"],
    ["integer or string", { oneOf: [{ type: "integer" }, { type: "string" }] }, true, "number | string"],
    ["reference", { type: "string", "x-routeros-type": "reference", "x-routeros-ref": "interface" }, true, "string"],
    ["negatable enum", { type: "string", pattern: "^!?(tcp|udp)$", "x-routeros-enum": ["tcp", "udp"], "x-routeros-negatable": true }, true, '"tcp" | "udp" | `!${"tcp" | "udp"}`'],
    ["suggestions stay open", { type: "string", "x-routeros-suggestions": ["forward", "input"] }, true, '"forward" | "input" | (string & {})'],
    ["enum list", { type: "string", enum: ["a", "b"], "x-routeros-list": true }, true, '("a" | "b") | readonly ("a" | "b")[]'],
    ["special words", { type: "string", enum: ["x"], "x-routeros-special": ["none"] }, true, '"x" | "none"'],
    ["array", { type: "array", items: { type: "string" } }, true, "string[]"],
    ["reference to a component", { $ref: "#/components/schemas/Record" }, false, "RosRecord"],
  ])("%s", (_name, schema, request, want) => expect(valueType(schema as never, request)).toBe(want));
});
