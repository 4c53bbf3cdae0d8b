/**
 * How a program calls each operation through the generated client
 * (`ros.ip.address.add`), from the same menu shapes the client is written
 * from, so that the names (`listMenu`, `script.put`, ...) are the client's.
 */
import type { EmitterView, ViewOperation } from "../../view/index.js";
import { menuShape, rootShape, topMembers, type MenuShape } from "./menus.js";
import type { TypeContext } from "./types.js";

/** The member path of each operation the client offers (`ip.address.add`); operations a REST verb covers are absent. */
export function clientMembers(view: EmitterView): Map<ViewOperation, string> {
  // Names only: types are not written, so a component stands for itself.
  const ctx: TypeContext = { view, ref: (component) => component, runtime: (name) => name };
  const members = new Map<ViewOperation, string>();
  const walk = (shape: MenuShape, prefix: string): void => {
    // An operation's own member, not the stream beside it.
    for (const m of shape.methods) if (!m.stream) members.set(m.op, `${prefix}${m.name}`);
    if (shape.group) for (const m of shape.group.methods) if (!m.stream) members.set(m.op, `${prefix}${shape.group.name}.${m.name}`);
    for (const [name, child] of shape.children) walk(child, `${prefix}${name}.`);
  };
  walk(rootShape(view, ctx), "");
  const tops = topMembers(view);
  [...view.tree.children.values()].forEach((top, i) => walk(menuShape(top, ctx), `${tops[i]}.`));
  return members;
}
