/**
 * Several versions' trees as one: when each node exists (presence per
 * version, since / removed-in), and a merged model — the union of every
 * tree, each node carrying its `versions` span, each value accepting what
 * any version accepts.
 */
import { UserError } from "../io/errors.js";
import { definitionRow } from "./restraml.js";
import { indexTree, nodeKey, writable, type NodeIndex, type TreeNode } from "./nodes.js";
import type { Arg, Command, Completion, Menu, Property, SchemaModel, VersionSpan } from "./types.js";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "./types.js";

/** Orders RouterOS versions: 7.9 < 7.16 < 7.22beta1 < 7.22rc1 < 7.22 < 7.22.3. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^(\d+(?:\.\d+)*)(?:(beta|rc)(\d+))?$/.exec(v);
    if (!m) return { nums: [], stage: 2, pre: 0 };
    return { nums: m[1]!.split(".").map(Number), stage: m[2] === "beta" ? 0 : m[2] === "rc" ? 1 : 2, pre: Number(m[3] ?? 0) };
  };
  const x = parse(a);
  const y = parse(b);
  // 7.22beta1 comes before 7.22 and 7.22.1: compare the numbers first, a pre-release only against its own release.
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? (i < 2 ? 0 : -1)) - (y.nums[i] ?? (i < 2 ? 0 : -1));
    if (d !== 0) return d;
  }
  return x.stage - y.stage || x.pre - y.pre || a.localeCompare(b);
}

/** One version's trees (base and extra-package dumps of the same version count as one). */
export interface VersionTrees {
  version: string;
  models: SchemaModel[];
  indexes: NodeIndex[];
}

/** Groups trees by version, oldest first. Every tree must say its version. */
export function byVersion(models: readonly SchemaModel[], names: readonly string[] = []): VersionTrees[] {
  const groups = new Map<string, VersionTrees>();
  models.forEach((model, i) => {
    const version = model.header.version;
    if (version === undefined) {
      throw new UserError(`${names[i] ?? model.header.source.file ?? "a tree"} carries no RouterOS version: give it with --ros-version`);
    }
    let group = groups.get(version);
    if (!group) groups.set(version, (group = { version, models: [], indexes: [] }));
    group.models.push(model);
    group.indexes.push(indexTree(model.root));
  });
  return [...groups.values()].sort((a, b) => compareVersions(a.version, b.version));
}

/** true: the version has it; false: it does not; undefined: its trees cannot say. */
export type Presence = boolean | undefined;

/**
 * Presence of every node in every version. Two facts make absence unknown
 * rather than false: a property of a menu whose properties the version's
 * trees do not list, and a node that one tree of some version has and
 * another lacks (it comes with an extra package) in a version none of whose
 * trees carries extra packages.
 */
export class VersionPresence {
  readonly versions: VersionTrees[];
  readonly keys: string[];
  private readonly packaged = new Set<string>();
  private readonly withPackages: boolean[];

  constructor(versions: VersionTrees[]) {
    this.versions = versions;
    const keys = new Set<string>();
    for (const v of versions) for (const index of v.indexes) for (const key of index.keys()) keys.add(key);
    this.keys = [...keys];
    for (const v of versions) {
      if (v.indexes.length < 2) continue;
      for (const index of v.indexes) for (const key of index.keys()) if (v.indexes.some((other) => !other.has(key))) this.packaged.add(key);
    }
    const packaged = [...this.packaged];
    this.withPackages = versions.map((v) => v.indexes.some((index) => packaged.some((key) => index.has(key))));
  }

  /** The node in each tree of version `i` that has it. */
  nodes(key: string, i: number): TreeNode[] {
    return this.versions[i]!.indexes.flatMap((index) => index.get(key) ?? []);
  }

  presence(key: string, node: Pick<TreeNode, "level" | "parent" | "name">, i: number): Presence {
    const { indexes } = this.versions[i]!;
    if (indexes.some((index) => index.has(key))) return true;
    if (node.level === "property") {
      // Where a version does not list a menu's properties, its document takes them from add/set (as the OpenAPI builder does).
      const menus = indexes.flatMap((index) => index.get(node.parent!) ?? []);
      if (menus.some((m) => m.knowsProperties)) return false;
      if (menus.some((m) => writable(m.source as Menu, node.name))) return true;
      if (menus.length > 0) return undefined;
    }
    if (this.packaged.has(key) && !this.withPackages[i]) return undefined;
    return false;
  }

  private readonly rows = new Map<string, Presence[]>();

  /** Presence in every version, oldest first (kept: history asks again for each child's parent). */
  row(key: string, node: Pick<TreeNode, "level" | "parent" | "name">): Presence[] {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = this.versions.map((_, i) => this.presence(key, node, i))));
    return row;
  }

  span(row: readonly Presence[]): VersionSpan | undefined {
    return spanOf(
      row,
      this.versions.map((v) => v.version),
    );
  }
}

/** since: the first version that has it; removed-in: the first one after the last that has it which does not. */
function spanOf(row: readonly Presence[], versions: readonly string[]): VersionSpan | undefined {
  const first = row.indexOf(true);
  if (first < 0) return undefined;
  const last = row.lastIndexOf(true);
  const gone = row.findIndex((p, i) => i > last && p === false);
  return { since: versions[first]!, ...(gone >= 0 ? { removedIn: versions[gone]! } : {}) };
}

/**
 * What any of several syntax texts accepts, as one text: equal texts stay;
 * integer ranges widen to the widest; word lists unite their words; any
 * other difference gives no syntax (any string), true for every version.
 */
function unionSyntax(texts: readonly string[]): string | undefined {
  const distinct = [...new Set(texts)];
  if (distinct.length <= 1) return distinct[0];
  const ranges = distinct.map((t) => /^(-?\d+)\.\.(-?\d+)$/.exec(t));
  if (ranges.every((r) => r !== null)) {
    const min = Math.min(...ranges.map((r) => Number(r[1])));
    const max = Math.max(...ranges.map((r) => Number(r[2])));
    return `${min}..${max}`;
  }
  const lists = distinct.map((t) => /^([^\s|[\]]+(?:\|[^\s|[\]]+)*)(\[,\w+\*\])?$/.exec(t));
  if (lists.every((l) => l !== null && l[2] === lists[0]![2]) && lists.some((l) => l![1]!.includes("|"))) {
    const words = [...new Set(lists.flatMap((l) => l![1]!.split("|")))];
    return words.join("|") + (lists[0]![2] ?? "");
  }
  return undefined;
}

function unionCompletions(lists: readonly Completion[][]): Completion[] {
  const byWord = new Map<string, Completion>();
  for (const list of lists) for (const c of list) byWord.set(c.word, c);
  return [...byWord.values()];
}

/**
 * The union of several versions' trees, every node carrying its
 * `versions` span. Where versions say different things, the newest
 * description wins and a value takes what any version accepts.
 */
export function mergeModels(models: readonly SchemaModel[], names: readonly string[] = []): SchemaModel {
  const versions = byVersion(models, names);
  if (versions.length === 0) throw new UserError("nothing to merge");
  const presence = new VersionPresence(versions);
  const latest = (key: string): TreeNode[] => versions.flatMap((_, i) => presence.nodes(key, i));
  const span = (key: string, node: TreeNode) => presence.span(presence.row(key, node))!;

  const menus = new Map<string, Menu>();
  const commands = new Map<string, Command>();
  // Keys in version order, so children follow the order of the version that brought them.
  const ordered = versions.flatMap((v) => v.indexes.flatMap((index) => [...index.keys()]));
  for (const key of new Set(ordered)) {
    const nodes = latest(key);
    const node = nodes.at(-1)!;
    const versionsOf = span(key, node);
    const description = nodes
      .map((n) => n.description)
      .filter((d) => d !== undefined)
      .at(-1);
    const described = description !== undefined ? { description } : {};
    switch (node.level) {
      case "menu": {
        const menu: Menu = {
          kind: "menu",
          nodeType: (node.source as Menu).nodeType,
          ...described,
          menus: {},
          commands: {},
          versions: versionsOf,
        };
        if (nodes.some((n) => n.knowsProperties)) menu.properties = {};
        menus.set(key, menu);
        if (node.parent !== undefined) menus.get(node.parent)!.menus[node.name] = menu;
        break;
      }
      case "command": {
        const command: Command = { kind: "command", ...described, args: {}, versions: versionsOf };
        commands.set(key, command);
        menus.get(node.parent!)!.commands[node.name] = command;
        break;
      }
      case "arg": {
        const texts = nodes.map((n) => n.syntax).filter((t) => t !== undefined);
        const syntax = unionSyntax(texts);
        const completions = nodes.map((n) => (n.source as Arg).completions).filter((c) => c !== undefined);
        const arg: Arg = {
          kind: "arg",
          ...described,
          ...(syntax !== undefined ? { syntax: [definitionRow(syntax)] } : {}),
          ...(completions.length ? { completions: unionCompletions(completions) } : {}),
          versions: versionsOf,
        };
        commands.get(node.parent!)!.args[node.name] = arg;
        break;
      }
      case "property": {
        const property: Property = { ...described, versions: versionsOf };
        menus.get(node.parent!)!.properties![node.name] = property;
        break;
      }
    }
  }
  const root = menus.get(nodeKey("menu", "/"))!;
  const names_ = versions.map((v) => v.version);
  const label = names_.length === 1 ? names_[0]! : `${names_[0]}..${names_.at(-1)}`;
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    header: { version: label, mergedVersions: names_, source: { kind: "model" } },
    root,
  };
}
