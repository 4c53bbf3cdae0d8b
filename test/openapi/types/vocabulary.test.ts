/** Completions: fixed vocabularies become enums; router objects become references, never enums. */
import { describe, expect, it } from "vitest";
import type { Arg, Completion, SchemaModel } from "../../../src/model/types.js";
import { definitionRow } from "../../../src/model/restraml.js";
import { argValueType, typeContext } from "../../../src/openapi/types/index.js";
import { tinyModel } from "../../helpers/tiny-model.js";

const words = (style: string, ...list: string[]): Completion[] => list.map((word) => ({ word, style, preference: 96 }));
const arg = (completions: Completion[], text?: string): Arg => ({
  kind: "arg",
  completions,
  ...(text ? { syntax: [definitionRow(text)] } : {}),
});

/** A tree in which `ether1`/`lo` complete an `interface` arg, so they are known router objects. */
function contextModel(): SchemaModel {
  const model = tinyModel();
  model.root.commands["ping"]!.args["interface"] = arg(words("none", "ether1", "lo"));
  return model;
}
const ctx = typeContext(contextModel());

describe("argValueType from completions", () => {
  it.each([
    [
      "yes/no",
      "disabled",
      arg(words("arg", "no", "yes")),
      { routerosType: "boolean", reply: { type: "string", enum: ["true", "false"] }, request: { enum: ["yes", "no", "true", "false"] } },
    ],
    [
      "interface names",
      "interface",
      arg(words("none", "ether1", "lo")),
      { routerosType: "reference", extensions: { "x-routeros-ref": "interface" } },
    ],
    ["objects under an unrelated name", "primary", arg(words("none", "ether1", "none")), { routerosType: "reference" }],
    [
      "obj-* styles",
      "table",
      arg(words("obj-dynamic", "main")),
      { routerosType: "reference", extensions: { "x-routeros-ref": "routing-table" } },
    ],
    // Style `none` words are suggestions: the value stays open (`chain=port-forward`, `established,related`).
    [
      "suggestions with negation and lists",
      "connection-state",
      arg([...words("syntax-meta", "!", ","), ...words("none", "new", "established")]),
      {
        routerosType: "string",
        extensions: { "x-routeros-suggestions": ["new", "established"], "x-routeros-list": true, "x-routeros-negatable": true },
      },
    ],
    [
      "built-in chains suggested, user chains accepted",
      "chain",
      arg(words("none", "forward", "input", "output")),
      { routerosType: "string", reply: { type: "string" }, extensions: { "x-routeros-suggestions": ["forward", "input", "output"] } },
    ],
    [
      "keywords of style arg close the vocabulary",
      "verify-server-certificate",
      arg(words("arg", "no", "yes-if-known", "yes")),
      {
        routerosType: "enum",
        reply: { enum: ["no", "yes-if-known", "yes"] },
        extensions: { "x-routeros-enum": ["no", "yes-if-known", "yes"] },
      },
    ],
    [
      "a string with suggested words stays any string",
      "preshared-key",
      arg(words("none", "auto", "none"), "string value"),
      { routerosType: "string", reply: { type: "string" }, extensions: { "x-routeros-suggestions": ["auto", "none"] } },
    ],
    [
      "a duration or a word",
      "store-leases-disk",
      arg(words("none", "never"), "time interval"),
      { routerosType: "duration", extensions: { "x-routeros-special": ["never"] } },
    ],
    [
      "an address or a router object",
      "router-id",
      arg(words("obj-dynamic", "main"), "A.B.C.D    (IP address)"),
      { routerosType: "ipv4", extensions: { "x-routeros-ref": "routing-id" } },
    ],
    [
      "a special word beside a number",
      "mrru",
      arg(words("arg", "disabled"), "512..65535"),
      { routerosType: "integer", extensions: { "x-routeros-special": ["disabled"] } },
    ],
    ["a file path", "file", arg(words("dir", "skins/")), { routerosType: "reference", extensions: { "x-routeros-ref": "file" } }],
    ["item numbers", "numbers", arg([], "see documentation"), { routerosType: "reference", extensions: { "x-routeros-ref": "item" } }],
  ] as const)("%s", (_name, name, given, want) => {
    expect(argValueType(name, given, ctx)).toMatchObject(want);
  });

  it("keeps a concrete syntax type when the name looks like a reference", () => {
    expect(argValueType("dst-address-list", arg([], "string value, max length 63"), ctx).routerosType).toBe("reference");
    expect(argValueType("bridge-port", arg([], "0..4095"), ctx).routerosType).toBe("integer");
  });
});
