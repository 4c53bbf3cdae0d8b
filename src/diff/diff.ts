/**
 * What changed between two versions' trees, as a release checklist: every
 * added, removed, renamed or changed menu, command, arg and item property,
 * each with its REST consequence and whether it breaks a client. Added and
 * removed subtrees are reported at their top only.
 */
import { menuKind } from "../model/menu-kind.js";
import { argPath, indexTree, nodeKey, suggestedWords, type Level, type NodeIndex, type TreeNode } from "../model/nodes.js";
import type { Arg, Menu, SchemaModel } from "../model/types.js";
import { parseSyntaxText } from "../openapi/types/index.js";
import type { Facts } from "../facts/resolve.js";
import { evidenceChanges } from "./evidence.js";

export type { Level } from "../model/nodes.js";
export type ChangeKind = "added" | "removed" | "changed" | "renamed";
/** What of a node changed (kind `changed`). */
export type Field = "type" | "syntax" | "range" | "list" | "enum" | "suggestions" | "read-only" | "description" | "required" | "default";

export interface Change {
  kind: ChangeKind;
  level: Level;
  /** Where: the node's path (`/ip/address`, `/ip/address/add`, `/ip/address/add address`, `/ip/address .dynamic`); a grouped change's first place. */
  path: string;
  /** The node's name (a renamed node: its new name). */
  name?: string;
  field?: Field;
  before?: string;
  after?: string;
  /** Vocabulary changes: the words added and removed. */
  added?: string[];
  removed?: string[];
  breaking: boolean;
  /** What a REST client sees: `PUT /ip/address body gains vrf`. */
  rest: string[];
  /** The menus its places lie in (`/ip/address`; the root is `/`), each once. */
  menus: string[];
  /** Grouped changes: how many places, and all of them. */
  count?: number;
  places?: string[];
}

export interface DiffSummary {
  changes: number;
  breaking: number;
  /** Changes (places counted) by kind and level, e.g. `added.arg`. */
  byKind: Record<string, number>;
}

export interface ModelDiff {
  from: string | undefined;
  to: string | undefined;
  summary: DiffSummary;
  changes: Change[];
}

export interface DiffOptions {
  /** Labels for trees that carry no version. */
  from?: string;
  to?: string;
  /** Only changes under these menus (`ip/firewall` or `/ip/firewall`). */
  only?: string[];
  /** Only breaking changes. */
  breaking?: boolean;
  /** Evidence of each side (src/facts/): an add arg that became required, a changed default. */
  facts?: { before: Facts; after: Facts };
}

type Raw = Omit<Change, "rest" | "count" | "places" | "menus"> & { node: TreeNode; menu: Menu };

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const urlOf = (names: readonly string[]): string => names.map((n) => `/${n}`).join("") || "/";

/** The REST operations a node lives in (on the side that has it). */
function operations(node: TreeNode, menu: Menu): string[] {
  const url = urlOf(node.menu);
  const kind = menuKind(menu);
  const byCommand = (command: string): string[] => {
    const ops = [`POST ${url === "/" ? "" : url}/${command}`];
    if (kind === "items" && command === "add") ops.unshift(`PUT ${url}`);
    if (kind === "items" && command === "set") ops.unshift(`PATCH ${url}/{id}`);
    if (kind === "items" && command === "remove") ops.unshift(`DELETE ${url}/{id}`);
    if (command === "print" && kind !== "commands") ops.unshift(`GET ${url}`);
    return ops;
  };
  switch (node.level) {
    case "menu":
      return kind === "items" ? [`GET ${url}`, `${url}/*`] : [`${url}/*`];
    case "command":
      return byCommand(node.name);
    case "arg":
      // print's args are not a body of GET (the REST API takes them as query words on POST print only).
      return byCommand(node.command!)
        .filter((op) => !op.startsWith("GET"))
        .map((op) => `${op} body`);
    case "property":
      return [kind === "items" ? `GET ${url} items` : `GET ${url}`];
  }
}

const VERBS: Record<ChangeKind, [string, string]> = {
  added: ["gains", "appears"],
  removed: ["loses", "is gone"],
  changed: ["changes", "changes"],
  renamed: ["renames", "renames"],
};

function consequences(raw: Raw): string[] {
  const [has, self] = VERBS[raw.kind];
  const what = raw.kind === "renamed" ? `${raw.before} → ${raw.after}` : raw.field ? `${raw.node.name} (${raw.field})` : raw.node.name;
  const out =
    raw.level === "arg" || raw.level === "property"
      ? operations(raw.node, raw.menu).map((op) => `${op} ${has} ${what}`)
      : operations(raw.node, raw.menu).map((op) => `${op} ${self}`);
  // Without listed properties an item's properties are its add/set args: those changes reach GET as well.
  if (
    raw.level === "arg" &&
    !raw.menu.properties &&
    (raw.node.command === "add" || raw.node.command === "set") &&
    raw.kind !== "changed" &&
    menuKind(raw.menu) !== "commands"
  ) {
    const url = urlOf(raw.node.menu);
    out.push(`${menuKind(raw.menu) === "items" ? `GET ${url} items` : `GET ${url}`} ${has} ${what}`);
  }
  return out;
}

/** Nodes of `a` missing from `b` whose parent `b` has (the tops of missing subtrees); properties only where both list them. */
function missing(a: NodeIndex, b: NodeIndex): TreeNode[] {
  const out: TreeNode[] = [];
  for (const [key, node] of a) {
    if (b.has(key)) continue;
    const parent = node.parent === undefined ? undefined : b.get(node.parent);
    if (node.parent !== undefined && !parent) continue;
    if (node.level === "property" && !(parent?.knowsProperties && a.get(node.parent!)?.knowsProperties)) continue;
    out.push(node);
  }
  return out;
}

const menuOf = (index: NodeIndex, node: TreeNode): Menu => index.get(nodeKey("menu", urlOf(node.menu)))!.source as Menu;

/** Value facts of a syntax text the grammar knows. */
function valueChanges(old: TreeNode, now: TreeNode): Omit<Raw, "node" | "menu" | "kind" | "level" | "path" | "name">[] {
  const a = old.syntax !== undefined ? parseSyntaxText(old.syntax) : undefined;
  const b = now.syntax !== undefined ? parseSyntaxText(now.syntax) : undefined;
  // A text the grammar does not know types nothing: losing the type accepts more, gaining one may refuse.
  if (!a || !b) return [{ field: "syntax", before: old.syntax, after: now.syntax, breaking: b !== undefined }];
  if (a.type !== b.type) {
    // A word vocabulary that became a list of the same words only widens.
    const widened = a.type === "enum" && b.type === "enum-list" && a.enum!.every((w) => b.enum!.includes(w));
    if (!widened) return [{ field: "type", before: old.syntax, after: now.syntax, breaking: true }];
  }
  const out: Omit<Raw, "node" | "menu" | "kind" | "level" | "path" | "name">[] = [];
  const bound = (f: typeof a, lo: "minimum" | "minLength", hi: "maximum" | "maxLength") =>
    `${lo === "minLength" ? "length " : ""}${f[lo] ?? ""}..${f[hi] ?? ""}`;
  for (const [lo, hi] of [
    ["minimum", "maximum"],
    ["minLength", "maxLength"],
  ] as const) {
    if (a[lo] === b[lo] && a[hi] === b[hi]) continue;
    const narrowed = (b[lo] ?? -Infinity) > (a[lo] ?? -Infinity) || (b[hi] ?? Infinity) < (a[hi] ?? Infinity);
    out.push({ field: "range", before: bound(a, lo, hi), after: bound(b, lo, hi), breaking: narrowed });
  }
  if (JSON.stringify(a.range) !== JSON.stringify(b.range)) {
    out.push({
      field: "range",
      before: `${a.range?.min ?? ""}..${a.range?.max ?? ""}`,
      after: `${b.range?.min ?? ""}..${b.range?.max ?? ""}`,
      breaking: true,
    });
  }
  if (Boolean(a.list) !== Boolean(b.list))
    out.push({ field: "list", before: String(Boolean(a.list)), after: String(Boolean(b.list)), breaking: !b.list });
  const words = (f: typeof a) => [...(f.enum ?? []), ...(f.special ?? [])];
  const lost = words(a).filter((w) => !words(b).includes(w));
  const won = words(b).filter((w) => !words(a).includes(w));
  if (lost.length || won.length)
    out.push({
      field: "enum",
      ...(won.length ? { added: won } : {}),
      ...(lost.length ? { removed: lost } : {}),
      breaking: lost.length > 0,
    });
  // Same facts, other words (`IP address` → `IPv4 address`): a text change only.
  if (out.length === 0) out.push({ field: "syntax", before: old.syntax, after: now.syntax, breaking: false });
  return out;
}

function changesOf(old: TreeNode, now: TreeNode, before: NodeIndex, after: NodeIndex): Raw[] {
  const base = { kind: "changed" as const, level: now.level, path: now.path, name: now.name, node: now, menu: menuOf(after, now) };
  const out: Raw[] = [];
  // A side without syntax (an inspect.json arg without desc) says nothing, so only texts on both sides compare.
  if (old.syntax !== undefined && now.syntax !== undefined && old.syntax !== now.syntax) {
    for (const c of valueChanges(old, now)) out.push({ ...base, ...c });
  }
  if (now.level === "arg") {
    const a = suggestedWords(old.source as Arg);
    const b = suggestedWords(now.source as Arg);
    if (a && b) {
      const won = b.filter((w) => !a.includes(w));
      const lost = a.filter((w) => !b.includes(w));
      if (won.length || lost.length)
        out.push({
          ...base,
          field: "suggestions",
          ...(won.length ? { added: won } : {}),
          ...(lost.length ? { removed: lost } : {}),
          breaking: false,
        });
    }
  }
  if (now.level === "property" && old.readOnly !== now.readOnly && menuOf(before, old).properties) {
    out.push({ ...base, field: "read-only", before: String(old.readOnly), after: String(now.readOnly), breaking: now.readOnly === true });
  }
  if (old.description && now.description && old.description !== now.description) {
    out.push({ ...base, field: "description", before: old.description, after: now.description, breaking: false });
  }
  return out;
}

/** In each command, one removed and one added arg of the same syntax: probably a rename. */
function renames(removed: Raw[], added: Raw[]): Raw[] {
  const out: Raw[] = [];
  const byCommand = (raws: Raw[]) =>
    groupBy(
      raws.filter((r) => r.level === "arg"),
      (r) => r.node.parent!,
    );
  const gone = byCommand(removed);
  for (const [command, news] of byCommand(added)) {
    const olds = gone.get(command) ?? [];
    for (const old of olds) {
      if (old.node.syntax === undefined) continue;
      const same = (r: Raw) => r.node.syntax === old.node.syntax;
      const candidates = news.filter(same);
      // Only an unambiguous pair: one of that syntax gone, one come.
      if (candidates.length !== 1 || olds.filter(same).length !== 1) continue;
      const now = candidates[0]!;
      out.push({
        kind: "renamed",
        level: "arg",
        path: now.path,
        name: now.name,
        before: old.name,
        after: now.name,
        breaking: true,
        node: now.node,
        menu: now.menu,
      });
      removed.splice(removed.indexOf(old), 1);
      added.splice(added.indexOf(now), 1);
    }
  }
  return out;
}

/** Same change in many places: same kind, level, field, values and name (args: and command name). */
function groupKey(raw: Raw): string {
  const where = raw.level === "menu" ? "" : raw.level === "arg" ? `${raw.node.command} ${raw.node.name}` : raw.node.name;
  return JSON.stringify([raw.kind, raw.level, raw.field, where, raw.before, raw.after, raw.added, raw.removed, raw.breaking]);
}

function group(raws: Raw[]): Change[] {
  const groups = groupBy(raws, (r) => (r.level === "menu" ? r.path : groupKey(r)));
  return [...groups.values()].map((members) => {
    const { node: _node, menu: _menu, ...first } = members[0]!;
    const change: Change = { ...first, menus: [...new Set(members.map((m) => urlOf(m.node.menu)))], rest: consequences(members[0]!) };
    if (members.length > 1) Object.assign(change, { count: members.length, places: members.map((m) => m.path) });
    return change;
  });
}

function under(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => {
    const prefix = "/" + p.replace(/^\/+|\/+$/g, "");
    return path === prefix || path.startsWith(prefix + "/") || path.startsWith(prefix + " ");
  });
}

/** Evidence changes as changes of the newer tree's add (required) and set-or-add (default) args. */
function evidenceRaws(facts: { before: Facts; after: Facts }, after: NodeIndex): Raw[] {
  const menuNode = (menu: string) => after.get(nodeKey("menu", menu));
  const addArgs = (menu: string) => {
    const node = menuNode(menu);
    return node ? Object.keys((node.source as Menu).commands["add"]?.args ?? {}) : undefined;
  };
  return evidenceChanges(facts.before, facts.after, addArgs).flatMap((c) => {
    const names = menuNode(c.menu)?.menu;
    const node = names && ["add", "set"].map((cmd) => after.get(nodeKey("arg", argPath(names, cmd, c.arg)))).find(Boolean);
    if (!node) return [];
    const { menu: _menu, arg: _arg, ...change } = c;
    return [
      { kind: "changed" as const, level: "arg" as const, path: node.path, name: node.name, ...change, node, menu: menuOf(after, node) },
    ];
  });
}

export function diffModels(older: SchemaModel, newer: SchemaModel, options: DiffOptions = {}): ModelDiff {
  const before = indexTree(older.root);
  const after = indexTree(newer.root);
  const removed: Raw[] = missing(before, after).map((node) => ({
    kind: "removed",
    level: node.level,
    path: node.path,
    name: node.name,
    breaking: true,
    node,
    menu: menuOf(before, node),
  }));
  const added: Raw[] = missing(after, before).map((node) => ({
    kind: "added",
    level: node.level,
    path: node.path,
    name: node.name,
    breaking: false,
    node,
    menu: menuOf(after, node),
  }));
  const renamed = renames(removed, added);
  const changed: Raw[] = [];
  for (const [key, node] of after) {
    const old = before.get(key);
    if (old) changed.push(...changesOf(old, node, before, after));
  }
  if (options.facts) changed.push(...evidenceRaws(options.facts, after));
  let raws = [...removed, ...renamed, ...changed, ...added];
  if (options.only?.length) raws = raws.filter((r) => under(r.path, options.only!));
  if (options.breaking) raws = raws.filter((r) => r.breaking);
  const order: Record<ChangeKind, number> = { removed: 0, renamed: 1, changed: 2, added: 3 };
  const changes = group(raws).sort(
    (x, y) =>
      Number(y.breaking) - Number(x.breaking) ||
      order[x.kind] - order[y.kind] ||
      (y.count ?? 1) - (x.count ?? 1) ||
      (x.path < y.path ? -1 : x.path > y.path ? 1 : 0),
  );
  const byKind: Record<string, number> = {};
  for (const r of raws) byKind[`${r.kind}.${r.level}`] = (byKind[`${r.kind}.${r.level}`] ?? 0) + 1;
  return {
    from: older.header.version ?? options.from,
    to: newer.header.version ?? options.to,
    summary: { changes: raws.length, breaking: raws.filter((r) => r.breaking).length, byKind },
    changes,
  };
}
