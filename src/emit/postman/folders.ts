/**
 * Folders mirror the menu tree; a folder with no requests and a single
 * subfolder merges with it (`firewall/filter`). Within a menu, requests run
 * in an order that works top to bottom: list, add, get, set, remove, then
 * the commands (POST add first, POST remove last).
 */
import type { Operation } from "../operations.js";
import { stableId } from "./ids.js";
import type { PostmanFolder, PostmanItem } from "./types.js";

interface Node {
  requests: { op: Operation; item: PostmanItem }[];
  children: Map<string, Node>;
}

/** An item must exist before it is read, changed or removed. */
const ITEM_ORDER: Record<string, number> = { list: 0, add: 1, get: 2, set: 3, remove: 4 };

function rank({ op }: { op: Operation }): string {
  if (op.verb !== "command") return `0 ${ITEM_ORDER[op.verb]}`;
  const command = op.command ?? "";
  return `1 ${command === "add" ? 0 : command === "remove" ? 2 : 1} ${command}`;
}

function toItems(node: Node, path: string): (PostmanFolder | PostmanItem)[] {
  const requests = [...node.requests].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0)).map((r) => r.item);
  const folders = [...node.children.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, child]) => toFolder(name, child, `${path}/${name}`));
  return [...requests, ...folders];
}

function toFolder(name: string, node: Node, path: string): PostmanFolder {
  if (node.requests.length === 0 && node.children.size === 1) {
    const [childName, child] = [...node.children.entries()][0]!;
    const merged = toFolder(childName, child, `${path}/${childName}`);
    return { ...merged, name: `${name}/${merged.name}` };
  }
  return { id: stableId(`folder ${path}`), name, item: toItems(node, path) };
}

/** The collection's items: root commands first, then a folder per top-level menu. */
export function folderTree(requests: { op: Operation; item: PostmanItem }[]): (PostmanFolder | PostmanItem)[] {
  const root: Node = { requests: [], children: new Map() };
  for (const request of requests) {
    let node = root;
    for (const name of request.op.menu.split("/").filter(Boolean)) {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = { requests: [], children: new Map() }));
      node = child;
    }
    node.requests.push(request);
  }
  return toItems(root, "");
}
