/** RouterOS words as TypeScript names, the symbol table, and value schemas as TypeScript types. */
import { describe, expect, it } from "vitest";
import { buildView } from "../../../src/view/index.js";
import { identifier, memberName, propertyKey } from "../../../src/emit/typescript/names.js";
import { runtimeExports } from "../../../src/emit/typescript/runtime-names.js";
import { SymbolTable } from "../../../src/emit/typescript/symbols.js";
import { valueType, type TypeContext } from "../../../src/emit/typescript/types.js";

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
});

describe("symbol table", () => {
  it("reads the runtime's exports from the template", () => {
    expect(runtimeExports()).toEqual(
      expect.arrayContaining(["ClientOptions", "RouterOSError", "PrintArgs", "Filter", "Transport", "itemPath", "asBoolean"]),
    );
  });

  it("keeps component names, except those that would shadow a built-in or a runtime export", () => {
    const symbols = new SymbolTable(runtimeExports());
    expect(["IpAddress", "Record", "Error", "Filter", "RouterOSError"].map((n) => symbols.declare(n, "types"))).toEqual([
      "IpAddress",
      "RosRecord",
      "RosError",
      "RosFilter",
      "RosRouterOSError",
    ]);
  });

  it("records imports by file, as types (for the declarations) and values (for the code)", () => {
    const symbols = new SymbolTable(["Transport", "itemPath"]);
    symbols.declare("IpAddress", "ip");
    symbols.use("IpAddress", "types");
    symbols.use("Transport", "types");
    symbols.use("itemPath", "types", "value");
    symbols.use("Transport", "types", "value");
    symbols.use("IpAddress", "ip");
    expect(symbols.importsOf("types")).toEqual([
      {
        from: "runtime",
        names: [
          { name: "Transport", type: true, value: true },
          { name: "itemPath", type: false, value: true },
        ],
      },
      { from: "ip", names: [{ name: "IpAddress", type: true, value: false }] },
    ]);
    expect(symbols.importsOf("ip")).toEqual([]);
  });
});

describe("value types", () => {
  const view = buildView({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    components: {
      schemas: { YesNo: { type: "string", enum: ["yes", "no"] }, Record: { type: "object", properties: { a: { type: "string" } } } },
    },
  });
  const ctx: TypeContext = { view, ref: (c) => `Ros${c}`, runtime: (n) => n };
  const yesNo = { type: "string", enum: ["yes", "no"] } as const;
  it.each([
    ["enum, request", yesNo, true, '"yes" | "no"'],
    ["enum, reply", yesNo, false, "string"],
    ["boolean, request", { ...yesNo, "x-routeros-type": "boolean" }, true, 'boolean | "yes" | "no"'],
    ["integer or string", { oneOf: [{ type: "integer" }, { type: "string" }] }, true, "number | string"],
    [
      "integer list",
      { type: "string", "x-routeros-type": "integer", "x-routeros-list": true },
      true,
      "number | string | readonly (number | string)[]",
    ],
    ["reference", { type: "string", "x-routeros-type": "reference", "x-routeros-ref": "interface" }, true, "string"],
    [
      "negatable enum",
      { type: "string", "x-routeros-enum": ["tcp", "udp"], "x-routeros-negatable": true },
      true,
      '"tcp" | "udp" | `!${"tcp" | "udp"}`',
    ],
    ["a pattern is not a fact", { type: "string", pattern: "^!?(tcp|udp)$", "x-routeros-enum": ["tcp", "udp"] }, true, '"tcp" | "udp"'],
    [
      "enum list",
      { type: "string", enum: ["a", "b"], "x-routeros-list": true },
      true,
      '"a" | "b" | readonly ("a" | "b")[] | `${"a" | "b"},${string}`',
    ],
    ["suggestions", { type: "string", "x-routeros-suggestions": ["input", "forward"] }, true, '"input" | "forward" | (string & {})'],
    ["special words", { type: "string", enum: ["x"], "x-routeros-special": ["none"] }, true, '"x" | "none"'],
    ["array", { type: "array", items: { type: "string" } }, true, "string[]"],
    ["a shared value component, inlined", { $ref: "#/components/schemas/YesNo" }, true, '"yes" | "no"'],
    ["allOf with a description beside", { allOf: [{ $ref: "#/components/schemas/YesNo" }], description: "d" }, true, '"yes" | "no"'],
    ["an object component, by name", { $ref: "#/components/schemas/Record" }, false, "RosRecord"],
  ])("%s", (_name, schema, request, want) => expect(valueType(view.value(schema as never), request, ctx)).toBe(want));
});
