/** Answers of a crawl → the schema tree: a pure function, so a resumed crawl gives the identical model. */
import { deriveProperties } from "../model/properties.js";
import type { Arg, Command, Completion, Menu, MenuNodeType, SyntaxRow } from "../model/types.js";
import { childRows, MENU_TYPES, taskKey, type InspectRequest, type Row } from "./tasks.js";

export type Answers = ReadonlyMap<string, Row[]>;

const answer = (answers: Answers, request: InspectRequest, path: string[]): Row[] | undefined => answers.get(taskKey({ request, path }));

/** Member descriptions from the explanation rows of a `syntax` answer on a menu or command. */
function descriptions(answers: Answers, path: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of answer(answers, "syntax", path) ?? []) {
    if (row["symbol-type"] === "explanation" && row.text) out.set(row.symbol!, row.text);
  }
  return out;
}

const syntaxRow = (row: Row): SyntaxRow => ({
  symbol: row.symbol ?? "",
  symbolType: row["symbol-type"] ?? "definition",
  text: row.text ?? "",
  nested: Number(row.nested ?? 0),
  nonorm: row.nonorm === "true",
});

const completion = (row: Row): Completion => ({
  word: row.completion ?? "",
  style: row.style ?? "none",
  preference: Number(row.preference ?? 0),
  ...(row.text ? { text: row.text } : {}),
});

function buildArg(answers: Answers, path: string[], description: string | undefined): Arg {
  const syntax = answer(answers, "syntax", path);
  const completions = answer(answers, "completion", path);
  return {
    kind: "arg",
    ...(description ? { description } : {}),
    ...(syntax ? { syntax: syntax.map(syntaxRow) } : {}),
    ...(completions ? { completions: completions.filter((r) => r.show === "true").map(completion) } : {}),
  };
}

function buildCommand(answers: Answers, path: string[], description: string | undefined): Command {
  const args: Record<string, Arg> = {};
  const described = descriptions(answers, path);
  for (const row of childRows(answer(answers, "child", path) ?? [])) {
    if (row["node-type"] === "arg") args[row.name!] = buildArg(answers, [...path, row.name!], described.get(row.name!));
  }
  return { kind: "command", ...(description ? { description } : {}), args };
}

function buildMenu(answers: Answers, path: string[], nodeType: MenuNodeType, description: string | undefined): Menu {
  const menu: Menu = { kind: "menu", nodeType, ...(description ? { description } : {}), menus: {}, commands: {} };
  const described = descriptions(answers, path);
  for (const row of childRows(answer(answers, "child", path) ?? [])) {
    const name = row.name!;
    const type = row["node-type"]!;
    const childPath = [...path, name];
    if (MENU_TYPES.has(type)) {
      // A menu left out by --only (no child answer) is not part of the tree.
      if (answer(answers, "child", childPath)) menu.menus[name] = buildMenu(answers, childPath, type as MenuNodeType, described.get(name));
    } else if (type === "cmd" && answer(answers, "child", childPath)) {
      menu.commands[name] = buildCommand(answers, childPath, described.get(name));
    }
  }
  return menu;
}

export function assembleTree(answers: Answers): Menu {
  const root = buildMenu(answers, [], "path", undefined);
  deriveProperties(root);
  return root;
}
