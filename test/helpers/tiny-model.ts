/** A hand-made model small enough to reason about in a test: one item menu, one settings menu, one root command. */
import { definitionRow } from "../../src/model/restraml.js";
import type { Arg, Command, Menu, SchemaModel } from "../../src/model/types.js";

export const arg = (text?: string, completions?: Arg["completions"]): Arg => ({
  kind: "arg",
  ...(text !== undefined ? { syntax: [definitionRow(text)] } : {}),
  ...(completions ? { completions } : {}),
});
export const cmd = (args: Record<string, Arg>, description?: string): Command => ({
  kind: "command",
  args,
  ...(description ? { description } : {}),
});
const yesNo = [
  { word: "no", style: "arg", preference: 96 },
  { word: "yes", style: "arg", preference: 96 },
];

export function tinyModel(): SchemaModel {
  const address: Menu = {
    kind: "menu",
    nodeType: "dir",
    menus: {},
    commands: {
      add: cmd(
        { address: arg("A.B.C.D/M    (IP prefix)"), interface: arg(), disabled: arg(undefined, yesNo), comment: arg("string value") },
        "Create a new item",
      ),
      set: cmd({
        numbers: arg(),
        address: arg("A.B.C.D/M    (IP prefix)"),
        interface: arg(),
        disabled: arg(undefined, yesNo),
        comment: arg("string value"),
      }),
      remove: cmd({ numbers: arg() }),
      print: cmd({ proplist: arg(), where: arg(), follow: arg() }),
      get: cmd({ number: arg(), "value-name": arg() }),
      export: cmd({ file: arg() }),
    },
    properties: {
      address: { description: "Local IP address" },
      interface: {},
      disabled: {},
      comment: {},
      dynamic: {},
      "actual-interface": { description: "Actual interfaces" },
    },
  };
  const identity: Menu = {
    kind: "menu",
    nodeType: "dir",
    menus: {},
    commands: { set: cmd({ name: arg("string value, max length 64") }), print: cmd({}), get: cmd({ "value-name": arg() }) },
  };
  const ip: Menu = { kind: "menu", nodeType: "path", menus: { address }, commands: {} };
  const system: Menu = { kind: "menu", nodeType: "path", menus: { identity }, commands: {} };
  return modelOf({ ip, system });
}

/** A model of RouterOS "7.99" with these menus at its root, and the root's bounded ping. */
export const modelOf = (menus: Record<string, Menu>): SchemaModel => ({
  format: "rosapi-model",
  formatVersion: 1,
  header: { version: "7.99", source: { kind: "sample" } },
  root: {
    kind: "menu",
    nodeType: "path",
    menus,
    commands: { ping: cmd({ address: arg("A.B.C.D    (IP address)"), count: arg("1..4294967295"), interval: arg("time interval") }) },
  },
});
