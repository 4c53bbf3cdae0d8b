/** A menu's operations by the names the tools take: the REST verbs (list, get, add, set, remove), then its commands. */
import type { EmitterView, MenuNode, ViewOperation } from "../view/index.js";
import { menuName } from "./doors.js";
import { ToolError } from "./errors.js";
import { clip } from "./limits.js";

export function menuNode(view: EmitterView, menu: string): MenuNode {
  let node = view.tree;
  for (const name of menuName(menu).split("/").filter(Boolean)) {
    const child = node.children.get(name);
    if (!child) throw new ToolError(`no menu ${clip(menuName(menu))} in RouterOS ${view.version}; search finds menus by words`);
    node = child;
  }
  return node;
}

/** name → operation; a REST verb wins over the POST command of the same name (PATCH over POST set). */
export function operationsOf(node: MenuNode): Map<string, ViewOperation> {
  const named = new Map<string, ViewOperation>();
  for (const op of node.operations) if (op.verb !== "command") named.set(op.verb, op);
  for (const op of node.operations) if (op.command && !named.has(op.command)) named.set(op.command, op);
  return named;
}

export function findOperation(view: EmitterView, menu: string, name: string): ViewOperation {
  const node = menuNode(view, menu);
  const ops = operationsOf(node);
  const op = ops.get(name);
  if (!op) throw new ToolError(`${node.menu} has no operation ${clip(name)}; it has: ${[...ops.keys()].join(", ") || "none"}`);
  return op;
}
