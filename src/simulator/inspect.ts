/**
 * `/console/inspect` answers from a schema model, as a router gives them:
 * arrays of flat objects whose values are all strings.
 */
import type { Arg, Command, Menu } from "../model/types.js";
import type { InspectRequest, InspectRow as Row } from "../transport/inspect.js";

type Node =
  | { kind: "menu"; name: string; menu: Menu }
  | { kind: "command"; name: string; command: Command }
  | { kind: "arg"; name: string; arg: Arg };

/** The node at a path of tokens (menus, then a command, then an arg), or undefined. */
function resolveNode(root: Menu, tokens: readonly string[]): Node | undefined {
  let node: Node = { kind: "menu", name: "root", menu: root };
  for (const token of tokens) {
    if (node.kind === "menu") {
      const menu: Menu | undefined = node.menu.menus[token];
      const command: Command | undefined = node.menu.commands[token];
      if (menu) node = { kind: "menu", name: token, menu };
      else if (command) node = { kind: "command", name: token, command };
      else return undefined;
    } else if (node.kind === "command") {
      const arg: Arg | undefined = node.command.args[token];
      if (!arg) return undefined;
      node = { kind: "arg", name: token, arg };
    } else return undefined;
  }
  return node;
}

function nodeType(node: Node): string {
  return node.kind === "menu" ? node.menu.nodeType : node.kind === "command" ? "cmd" : "arg";
}

function childRows(node: Node): Row[] {
  const self: Row = { name: node.name, "node-type": nodeType(node), type: "self" };
  const row = (name: string, type: string): Row => ({ name, "node-type": type, type: "child" });
  if (node.kind === "arg") return [self];
  if (node.kind === "command") return [self, ...Object.keys(node.command.args).map((n) => row(n, "arg"))];
  return [
    self,
    ...Object.entries(node.menu.menus).map(([n, m]) => row(n, m.nodeType)),
    ...Object.keys(node.menu.commands).map((n) => row(n, "cmd")),
  ];
}

const syntaxRow = (symbol: string, symbolType: string, text: string, nested: number, nonorm = false): Row => ({
  symbol,
  "symbol-type": symbolType,
  text,
  nested: String(nested),
  nonorm: String(nonorm),
  type: "syntax",
});

function syntaxRows(node: Node): Row[] {
  if (node.kind === "arg") {
    const rows = node.arg.syntax ?? [];
    // Enum args answer one empty definition: their values come from completion.
    if (rows.length === 0) return [syntaxRow("", "definition", "", 0)];
    return rows.map((r) => syntaxRow(r.symbol, r.symbolType, r.text, r.nested, r.nonorm));
  }
  const members: [string, string | undefined][] =
    node.kind === "command"
      ? Object.entries(node.command.args).map(([n, a]) => [n, a.description])
      : [...Object.entries(node.menu.menus), ...Object.entries(node.menu.commands)].map(([n, m]) => [n, m.description]);
  return [syntaxRow(node.name, "collection", "", 0), ...members.map(([n, text]) => syntaxRow(n, "explanation", text ?? "", 1))];
}

function completionRows(node: Node): Row[] {
  if (node.kind !== "arg") return [];
  return (node.arg.completions ?? []).map((c) => ({
    completion: c.word,
    style: c.style,
    preference: String(c.preference),
    show: "true",
    text: c.text ?? "",
    offset: "0",
    type: "completion",
  }));
}

/** The answer to one inspect call; `[]` for a path that does not exist. */
export function inspect(root: Menu, request: InspectRequest, path: string): Row[] {
  const node = resolveNode(root, path === "" ? [] : path.split(","));
  if (!node) return [];
  return request === "child" ? childRows(node) : request === "syntax" ? syntaxRows(node) : completionRows(node);
}
