/**
 * What changed between two schema trees (two RouterOS versions): nodes added
 * and removed — only the topmost of each added or removed subtree — and args
 * whose syntax or commands whose description changed.
 */
import type { Menu, SchemaModel } from "../model/types.js";
import { syntaxText } from "../model/syntax-text.js";

export type NodeKind = "menu" | "command" | "arg" | "property";

export interface DiffNode {
  kind: NodeKind;
  /** `/ip/address` (menu), `/ip/address/add` (command), `/ip/address/add address` (arg), `/ip/address .dynamic` (property). */
  path: string;
}

export interface DiffChange extends DiffNode {
  field: "syntax" | "description";
  from?: string;
  to?: string;
}

export interface ModelDiff {
  from: string | undefined;
  to: string | undefined;
  added: DiffNode[];
  removed: DiffNode[];
  changed: DiffChange[];
}

interface Flat {
  kind: NodeKind;
  path: string;
  parent?: string;
  syntax?: string;
  description?: string;
  /** Menus: whether the tree knows its items' properties (inspect.json without completions does not). */
  knowsProperties?: boolean;
}

/** Every node of the tree keyed by kind and path, with its parent's key. */
function flatten(root: Menu): Map<string, Flat> {
  const nodes = new Map<string, Flat>();
  const add = (node: Flat) => nodes.set(`${node.kind} ${node.path}`, node);
  const visit = (menu: Menu, path: string, parent?: string) => {
    const key = `menu ${path || "/"}`;
    add({ kind: "menu", path: path || "/", parent, description: menu.description, knowsProperties: menu.properties !== undefined });
    for (const name of Object.keys(menu.properties ?? {})) add({ kind: "property", path: `${path || "/"} .${name}`, parent: key });
    for (const [name, command] of Object.entries(menu.commands)) {
      const commandPath = `${path}/${name}`;
      add({ kind: "command", path: commandPath, parent: key, description: command.description });
      for (const [argName, arg] of Object.entries(command.args)) {
        add({ kind: "arg", path: `${commandPath} ${argName}`, parent: `command ${commandPath}`, syntax: syntaxText(arg.syntax) });
      }
    }
    for (const [name, child] of Object.entries(menu.menus)) visit(child, `${path}/${name}`, key);
  };
  visit(root, "");
  return nodes;
}

/**
 * Nodes of `a` missing from `b`, whose parent `b` does have (the tops of
 * missing subtrees); properties only where `b` knows its menu's properties.
 */
function missing(a: Map<string, Flat>, b: Map<string, Flat>): DiffNode[] {
  const out: DiffNode[] = [];
  for (const [key, node] of a) {
    if (b.has(key)) continue;
    const parent = node.parent === undefined ? undefined : b.get(node.parent);
    if (node.parent !== undefined && !parent) continue;
    if (node.kind === "property" && !parent?.knowsProperties) continue;
    out.push({ kind: node.kind, path: node.path });
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** `from`/`to` are the trees' RouterOS versions, unless the caller names them. */
export function diffModels(older: SchemaModel, newer: SchemaModel, labels: { from?: string; to?: string } = {}): ModelDiff {
  const before = flatten(older.root);
  const after = flatten(newer.root);
  const changed: DiffChange[] = [];
  for (const [key, node] of after) {
    const old = before.get(key);
    if (!old) continue;
    // A side without syntax (an inspect.json arg without desc) says nothing, so only texts on both sides compare.
    if (old.syntax !== undefined && node.syntax !== undefined && old.syntax !== node.syntax) {
      changed.push({ kind: node.kind, path: node.path, field: "syntax", from: old.syntax, to: node.syntax });
    }
    if (node.kind === "command" && old.description && node.description && old.description !== node.description) {
      changed.push({ kind: node.kind, path: node.path, field: "description", from: old.description, to: node.description });
    }
  }
  changed.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return {
    from: older.header.version ?? labels.from,
    to: newer.header.version ?? labels.to,
    added: missing(after, before),
    removed: missing(before, after),
    changed,
  };
}
