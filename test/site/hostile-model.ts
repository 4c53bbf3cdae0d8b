/** A tiny model whose names, descriptions, syntax texts and completions are markup: a site must show them as text. */
import { definitionRow } from "../../src/model/restraml.js";
import type { Menu, SchemaModel } from "../../src/model/types.js";
import { tinyModel } from "../helpers/tiny-model.js";

export const PAYLOADS = [
  `<script>window.__pwned=1</script>`,
  `<img src=x onerror="window.__pwned=2">`,
  `"><svg onload=window.__pwned=3>`,
  `</script><script>window.__pwned=4</script>`,
];

export function hostileModel(): SchemaModel {
  const model = tinyModel();
  const [script, img, svg, close] = PAYLOADS as [string, string, string, string];
  const hostile: Menu = {
    kind: "menu",
    nodeType: "dir",
    description: script,
    menus: {},
    commands: {
      add: {
        kind: "command",
        description: img,
        args: {
          [svg]: { kind: "arg", description: close, syntax: [definitionRow(script)] },
          comment: {
            kind: "arg",
            syntax: [definitionRow("string value")],
            completions: [
              { word: img, style: "none", preference: 96 },
              { word: close, style: "none", preference: 96 },
            ],
          },
        },
      },
      [img]: { kind: "command", args: { [script]: { kind: "arg", syntax: [definitionRow(svg)] } } },
      print: { kind: "command", args: {} },
    },
    properties: { [close]: { description: script } },
  };
  model.root.menus[script] = hostile;
  model.root.menus["ip"]!.menus[img] = hostile;
  return model;
}
