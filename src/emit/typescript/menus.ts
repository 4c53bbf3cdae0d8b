/**
 * The client's shape: menus as nested objects (`ros.ip.firewall.filter`),
 * REST verbs as list/get/add/set/remove, and every other console command as
 * a method that POSTs its args.
 */
import { componentName, type Operation } from "../operations.js";
import { jsDoc } from "./types.js";
import { memberName, Scope, typeName } from "./names.js";

export interface MenuNode {
  /** `/ip/address`; the root is `/`. */
  menu: string;
  operations: Operation[];
  children: Map<string, MenuNode>;
}

export function menuTree(operations: Operation[]): MenuNode {
  const root: MenuNode = { menu: "/", operations: [], children: new Map() };
  for (const op of operations) {
    let node = root;
    for (const name of op.menu.split("/").filter(Boolean)) {
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = { menu: `${node.menu === "/" ? "" : node.menu}/${name}`, operations: [], children: new Map() }));
      node = child;
    }
    node.operations.push(op);
  }
  return root;
}

const refName = (schema: unknown): string | undefined => {
  const name = componentName(schema);
  return name ? typeName(name) : undefined;
};

/** The component type of an operation's body and of its reply. */
const bodyType = (op: Operation): string | undefined => refName(op.bodySchema);

function replyType(op: Operation): string {
  const schema = op.reply.schema as { type?: string; items?: unknown } | undefined;
  if (!schema) return "void";
  if (schema.type === "array") return `${refName(schema.items) ?? "unknown"}[]`;
  return refName(schema) ?? "unknown";
}

/** Commands that a menu already offers as REST verbs: on item menus add/set/remove/get, on settings get. */
const COVERED_ON_ITEMS = new Set(["add", "set", "remove", "get"]);
const COVERED_ON_SETTINGS = new Set(["get"]);

interface MenuFacts {
  /** The item (or settings object) type, when the menu has one. */
  itemType?: string;
  items: boolean;
}

/** One member of a menu object: its name and the arrow function it holds. */
function member(op: Operation, { itemType, items }: MenuFacts): [string, string] | undefined {
  const path = JSON.stringify(op.menu === "/" ? "" : op.menu);
  const body = bodyType(op);
  const reply = replyType(op);
  switch (op.verb) {
    case "list":
      return ["list", `(filter?: Filter<${itemType}>, options?: { proplist?: readonly (keyof ${itemType} & string)[] }) => t.list<${itemType}>(${path}, filter, options)`];
    case "get":
      return op.path.endsWith("{id}") ? ["get", `(id: string) => t.request<${reply}>("GET", itemPath(${path}, id))`] : ["get", `() => t.request<${reply}>("GET", ${path})`];
    case "add":
      return ["add", `(body: ${body}) => t.request<${reply}>("PUT", ${path}, body)`];
    case "set":
      return ["set", `(id: string, patch: ${body}) => t.request<${reply}>("PATCH", itemPath(${path}, id), patch)`];
    case "remove":
      return ["remove", `(id: string) => t.request<void>("DELETE", itemPath(${path}, id))`];
  }
  const command = op.command!;
  const url = JSON.stringify(op.path);
  if (command === "print" && itemType) return ["print", `(args?: PrintArgs<${body}, ${itemType}>) => t.print<${itemType}>(${url}, args)`];
  if ((items ? COVERED_ON_ITEMS : itemType ? COVERED_ON_SETTINGS : new Set()).has(command)) return undefined;
  return [memberName(command), `(body: ${body ?? "Record<string, never>"} = {}) => t.request<${reply}>("POST", ${url}, body)`];
}

/** The object literal of a menu: its members, then its submenus; `scope` holds names taken beside it. */
export function menuObject(node: MenuNode, indent: string, scope = new Scope()): string {
  const ops = node.operations;
  const item = ops.find((op) => op.verb === "list" || op.verb === "get");
  const facts: MenuFacts = { items: ops.some((op) => op.verb === "list"), ...(item ? { itemType: replyType(item).replace(/\[\]$/, "") } : {}) };
  const lines: string[] = [];
  const inner = `${indent}  `;
  for (const op of ops) {
    const m = member(op, facts);
    if (!m) continue;
    const doc = [op.operation.summary, op.operation.description].filter(Boolean).join("\n\n");
    lines.push(`${jsDoc(doc, inner)}${inner}${scope.claim(m[0])}: ${m[1]},`);
  }
  for (const [name, child] of node.children) lines.push(`${inner}${scope.claim(memberName(name))}: ${menuObject(child, inner)},`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}
