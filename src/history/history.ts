/**
 * Many versions' trees as one view: when each menu, command, arg and
 * property appeared, disappeared or changed its syntax (`rosapi history`),
 * and one node across versions (`rosapi where`).
 */
import { UserError } from "../io/errors.js";
import { byVersion, VersionPresence, type Presence } from "../model/merge.js";
import { argPath, commandPath, menuPath, nodeKey, propertyPath, type Level, type TreeNode } from "../model/nodes.js";
import type { SchemaModel } from "../model/types.js";
import type { FactInput } from "../facts/index.js";
import { argEvidence, type ArgEvidence } from "./evidence.js";
import { evidenceByVersion } from "../openapi/build.js";

export interface NodeHistory {
  level: Level;
  path: string;
  /** Per version, oldest first: true, false, or null where the version's trees cannot say. */
  present: (boolean | null)[];
  /** Per version: the syntax text, where the version has the node and says it. */
  syntax: (string | null)[];
  since?: string;
  removedIn?: string;
  /** Versions whose syntax differs from the previous version that said one. */
  syntaxChanges: { version: string; before: string; after: string }[];
  /** Whether the parent appeared or disappeared with it (for printing the tops only). */
  withParent: boolean;
  /** With evidence, on an arg of add or set: per version, what the add demands of it and its default. */
  evidence?: ArgEvidence;
}

export interface History {
  versions: string[];
  nodes: NodeHistory[];
}

function nodeHistory(presence: VersionPresence, key: string, node: TreeNode): NodeHistory {
  const versions = presence.versions.map((v) => v.version);
  const row = presence.row(key, node);
  const span = presence.span(row);
  const syntax = versions.map((_, i) => presence.nodes(key, i).find((n) => n.syntax !== undefined)?.syntax ?? null);
  const syntaxChanges: NodeHistory["syntaxChanges"] = [];
  let last: string | null = null;
  syntax.forEach((text, i) => {
    if (text === null) return;
    if (last !== null && text !== last) syntaxChanges.push({ version: versions[i]!, before: last, after: text });
    last = text;
  });
  let withParent = false;
  if (node.parent !== undefined && span) {
    const parentSpan = presence.span(presence.row(node.parent, presence.nodes(node.parent, row.indexOf(true))[0]!));
    withParent = parentSpan?.since === span.since && parentSpan?.removedIn === span.removedIn;
  }
  return {
    level: node.level,
    path: node.path,
    present: row.map((p: Presence) => p ?? null),
    syntax,
    ...(span ? { since: span.since, ...(span.removedIn ? { removedIn: span.removedIn } : {}) } : {}),
    syntaxChanges,
    withParent,
  };
}

/** The history of every node of the given trees (trees of one version count as one). */
export function buildHistory(models: readonly SchemaModel[], names: readonly string[] = [], facts: readonly FactInput[] = []): History {
  const versions = byVersion(models, names);
  const presence = new VersionPresence(versions);
  const nodes: NodeHistory[] = [];
  for (const key of presence.keys) {
    const i = versions.findIndex((_, v) => presence.nodes(key, v).length > 0);
    nodes.push(nodeHistory(presence, key, presence.nodes(key, i)[0]!));
  }
  return { versions: versions.map((v) => v.version), nodes: withEvidence(nodes, versions, facts) };
}

/** Nodes with their evidence per version, where evidence was read and says something of them. */
function withEvidence(nodes: NodeHistory[], versions: { version: string }[], inputs: readonly FactInput[]): NodeHistory[] {
  if (inputs.length === 0) return nodes;
  const facts = evidenceByVersion(
    { facts: inputs },
    versions.map((v) => v.version),
  );
  return nodes.map((n) => {
    const evidence = argEvidence(n, facts);
    return evidence && [...evidence.required, ...evidence.default].some((x) => x !== null) ? { ...n, evidence } : n;
  });
}

/**
 * The nodes a user's path may name: `ip/address` (menu), `ip/address/add`
 * (command), `ip/address/add/address` or `/ip/address/add address` (arg),
 * `ip/address/.dynamic` or `/ip/address .dynamic` (property).
 */
function candidateKeys(path: string): string[] {
  const [head, tail] = path.trim().split(/\s+/, 2) as [string, string | undefined];
  const names = head.split("/").filter((n) => n !== "");
  if (tail !== undefined) {
    return tail.startsWith(".")
      ? [nodeKey("property", propertyPath(names, tail.slice(1)))]
      : names.length
        ? [nodeKey("arg", argPath(names.slice(0, -1), names.at(-1)!, tail))]
        : [];
  }
  const last = names.at(-1);
  if (last?.startsWith(".")) return [nodeKey("property", propertyPath(names.slice(0, -1), last.slice(1)))];
  const keys = [nodeKey("menu", menuPath(names))];
  if (last !== undefined) keys.push(nodeKey("command", commandPath(names.slice(0, -1), last)));
  if (names.length >= 2) keys.push(nodeKey("arg", argPath(names.slice(0, -2), names.at(-2)!, last!)));
  return keys;
}

/** Where a node exists, per version, with its syntax. */
export function whereIs(
  models: readonly SchemaModel[],
  path: string,
  names: readonly string[] = [],
  facts: readonly FactInput[] = [],
): { versions: string[]; nodes: NodeHistory[] } {
  const versions = byVersion(models, names);
  const presence = new VersionPresence(versions);
  const nodes: NodeHistory[] = [];
  for (const key of candidateKeys(path)) {
    const i = versions.findIndex((_, v) => presence.nodes(key, v).length > 0);
    if (i >= 0) nodes.push(nodeHistory(presence, key, presence.nodes(key, i)[0]!));
  }
  if (nodes.length === 0)
    throw new UserError(`${path}: no menu, command, arg or property of that name in ${versions.map((v) => v.version).join(", ")}`);
  return { versions: versions.map((v) => v.version), nodes: withEvidence(nodes, versions, facts) };
}
