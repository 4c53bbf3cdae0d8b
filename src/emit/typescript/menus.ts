/**
 * The client's shape: menus as nested objects (`ros.ip.firewall.filter`),
 * REST verbs as list/get/add/set/remove, and every other console command as
 * a method that POSTs its args.
 *
 * Naming: a member is the camelCase of its RouterOS word. A submenu whose
 * name a member of its menu already holds (the menu `/interface/list` beside
 * the verb `list`) takes the suffix `Menu`: `ros.interface.listMenu`; a
 * root command named like a top-level menu takes `Command`. At the
 * root, the console's scripting words (`:for`, `:if`, `:global`, `:put`, ...)
 * and its session commands (`quit`, `undo`, ...) are grouped under
 * `ros.script`, so that the root holds menus and the commands a program uses.
 */
import { operationFacts } from "../../openapi/extensions.js";
import { UniqueNames } from "../../openapi/names.js";
import type { MenuNode, ViewOperation } from "../view.js";
import { memberName } from "./names.js";
import type { TypeContext } from "./types.js";
import { docText, writeDocs, type Writer } from "./writer.js";

/** Root commands of the console language rather than of the router's configuration. */
export const SCRIPT_WORDS = new Set(
  (
    "beep break continue convert delay deserialize do error execute exit find for foreach global grep if jobname len local nothing onerror " +
    "parse pick put quit range recursive-print redo resolve retry return rndnum rndstr serialize set time timestamp toarray tobool " +
    "tocrlf toid toip toip6 tolf tonsec tonum tostr totime typeof undo while"
  ).split(" "),
);
export const SCRIPT_GROUP = "script";

/** Commands that a menu already offers as REST verbs: on item menus add/set/remove/get, on settings get. */
const COVERED_ON_ITEMS = new Set(["add", "set", "remove", "get"]);
const COVERED_ON_SETTINGS = new Set(["get"]);

interface MenuFacts {
  /** The item (or settings object) type, when the menu has one. */
  itemType?: string;
  items: boolean;
}

function replyType(op: ViewOperation, ctx: TypeContext): string {
  if (!op.reply.schema) return "void";
  const name = op.replyComponent ? ctx.ref(op.replyComponent) : "unknown";
  return op.replyMany ? `${name}[]` : name;
}

/** One member of a menu object: its name and the arrow function it holds. */
function member(op: ViewOperation, { itemType, items }: MenuFacts, ctx: TypeContext): [string, string] | undefined {
  const path = JSON.stringify(op.menu === "/" ? "" : op.menu);
  const body = op.bodyComponent ? ctx.ref(op.bodyComponent) : undefined;
  const filter = () => ctx.runtime("Filter");
  const item = () => ctx.runtime("itemPath", "value");
  switch (op.verb) {
    case "list":
      return [
        "list",
        `(filter?: ${filter()}<${itemType}>, options?: { proplist?: readonly (keyof ${itemType} & string)[] }) => t.list<${itemType}>(${path}, filter, options)`,
      ];
    case "get":
      return op.kind === "items"
        ? ["get", `(id: string) => t.request<${replyType(op, ctx)}>("GET", ${item()}(${path}, id))`]
        : ["get", `() => t.request<${replyType(op, ctx)}>("GET", ${path})`];
    case "add":
      return ["add", `(body: ${body ?? "Record<string, never>"}) => t.request<${replyType(op, ctx)}>("PUT", ${path}, body)`];
    case "set":
      return [
        "set",
        `(id: string, patch: ${body ?? "Record<string, never>"}) => t.request<${replyType(op, ctx)}>("PATCH", ${item()}(${path}, id), patch)`,
      ];
    case "remove":
      return ["remove", `(id: string) => t.request<void>("DELETE", ${item()}(${path}, id))`];
  }
  const command = op.command!;
  const url = JSON.stringify(op.path);
  if (command === "print" && itemType)
    return ["print", `(args?: ${ctx.runtime("PrintArgs")}<${body}, ${itemType}>) => t.print<${itemType}>(${url}, args)`];
  if ((items ? COVERED_ON_ITEMS : itemType ? COVERED_ON_SETTINGS : new Set()).has(command)) return undefined;
  return [memberName(command), `(body: ${body ?? "Record<string, never>"} = {}) => t.request<${replyType(op, ctx)}>("POST", ${url}, body)`];
}

/** Names within one object literal: a name taken steps aside with a suffix (`listMenu`, `systemCommand`), numbered only past that. */
class Members {
  private readonly unique = new UniqueNames();
  private readonly used = new Set<string>();
  claim(name: string, suffix = ""): string {
    const given = this.unique.claim(this.used.has(name) ? `${name}${suffix}` : name);
    this.used.add(given);
    return given;
  }
}

function writeMember(w: Writer, op: ViewOperation, written: [string, string], names: Members): void {
  const o = op.operation;
  writeDocs(w, docText([o.summary, o.description].filter(Boolean).join("\n\n"), operationFacts(o)));
  w.writeLine(`${names.claim(written[0], "Command")}: ${written[1]},`);
}

/**
 * Writes the object literal of a menu: its members, then its submenus. `taken` holds names used beside it (at the root:
 * the top-level menus and `close`); `group` moves some commands into one nested object (the root's script words).
 */
export function writeMenuObject(
  w: Writer,
  node: MenuNode,
  ctx: TypeContext,
  taken: readonly string[] = [],
  group?: (op: ViewOperation) => boolean,
): void {
  const ops = node.operations;
  const item = ops.find((op) => op.verb === "list" || op.verb === "get");
  const facts: MenuFacts = {
    items: ops.some((op) => op.kind === "items"),
    ...(item?.replyComponent ? { itemType: ctx.ref(item.replyComponent) } : item ? { itemType: "unknown" } : {}),
  };
  const names = new Members();
  for (const name of taken) names.claim(name);
  const grouped: [ViewOperation, [string, string]][] = [];
  w.inlineBlock(() => {
    for (const op of ops) {
      const m = member(op, facts, ctx);
      if (!m) continue;
      if (group?.(op)) grouped.push([op, m]);
      else writeMember(w, op, m, names);
    }
    if (grouped.length > 0) {
      writeDocs(w, "The console's scripting words and session commands (`:put`, `:if`, `quit`, ...), as the REST API runs them.");
      w.write(`${names.claim(SCRIPT_GROUP)}: `);
      const inner = new Members();
      w.inlineBlock(() => {
        for (const [op, m] of grouped) writeMember(w, op, m, inner);
      });
      w.write(",").newLine();
    }
    for (const [name, child] of node.children) {
      w.write(`${names.claim(memberName(name), "Menu")}: `);
      writeMenuObject(w, child, ctx);
      w.write(",").newLine();
    }
  });
}
