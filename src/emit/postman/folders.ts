/**
 * Folders mirror the menu tree; a folder with no requests and a single
 * subfolder merges with it (`firewall/filter`). Within a menu, requests run
 * in an order that works top to bottom: list, add, get, set, remove, then
 * the commands (POST add first, POST remove last).
 */
import type { MenuNode, ViewOperation } from "../../view/index.js";
import { stableId } from "./ids.js";
import type { PostmanFolder, PostmanItem } from "./types.js";

type Request = { op: ViewOperation; item: PostmanItem };

/** An item must exist before it is read, changed or removed. */
const ITEM_ORDER: Record<string, number> = { list: 0, add: 1, get: 2, set: 3, remove: 4 };

function rank({ op }: Request): string {
  if (op.verb !== "command") return `0 ${ITEM_ORDER[op.verb]}`;
  const command = op.command ?? "";
  return `1 ${command === "add" ? 0 : command === "remove" ? 2 : 1} ${command}`;
}

function toItems(node: MenuNode, request: (op: ViewOperation) => Request): (PostmanFolder | PostmanItem)[] {
  const requests = node.operations
    .map(request)
    .sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0))
    .map((r) => r.item);
  const folders = [...node.children.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((child) => toFolder(child, request));
  return [...requests, ...folders];
}

function toFolder(node: MenuNode, request: (op: ViewOperation) => Request): PostmanFolder {
  if (node.operations.length === 0 && node.children.size === 1) {
    const merged = toFolder([...node.children.values()][0]!, request);
    return { ...merged, name: `${node.name}/${merged.name}` };
  }
  return { id: stableId(`folder ${node.menu}`), name: node.name, item: toItems(node, request) };
}

/** The collection's items, from the view's menu tree: root commands first, then a folder per top-level menu. */
export function folderTree(tree: MenuNode, item: (op: ViewOperation) => PostmanItem): (PostmanFolder | PostmanItem)[] {
  return toItems(tree, (op) => ({ op, item: item(op) }));
}
