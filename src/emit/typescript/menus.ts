/**
 * The client's shape: menus as nested objects (`ros.ip.firewall.filter`),
 * REST verbs as list/get/add/set/remove, and every other console command as
 * a method that hands its args to the transport (REST POSTs them); commands
 * that run until stopped also as streams (`listen`, `printFollow`,
 * `pingStream`), which only the API transport carries.
 *
 * Naming: a member is the camelCase of its RouterOS word. A submenu whose
 * name a member of its menu already holds (the menu `/interface/list` beside
 * the verb `list`) takes the suffix `Menu`: `ros.interface.listMenu`; a
 * root command named like a top-level menu takes `Command`. At the
 * root, the console's scripting words (`:for`, `:if`, `:global`, `:put`, ...)
 * and its session commands (`quit`, `undo`, ...) are grouped under
 * `ros.script`, so that the root holds menus and the commands a program uses.
 *
 * A menu's shape is built once and written twice: as a type in the client's
 * declarations and as an object in its JavaScript.
 */
import { operationFacts } from "../../openapi/extensions.js";
import { UniqueNames } from "../../openapi/names.js";
import type { EmitterView, MenuNode, ViewOperation } from "../../view/index.js";
import { memberName } from "./names.js";
import type { TypeContext } from "./types.js";
import { docText, writeDocs, type Writer } from "./writer.js";

/** Root commands of the console language rather than of the router's configuration. */
const SCRIPT_WORDS = new Set(
  (
    "beep break continue convert delay deserialize do error execute exit find for foreach global grep if jobname len local nothing onerror " +
    "parse pick put quit range recursive-print redo resolve retry return rndnum rndstr serialize set time timestamp toarray tobool " +
    "tocrlf toid toip toip6 tolf tonsec tonum tostr totime typeof undo while"
  ).split(" "),
);
const SCRIPT_GROUP = "script";

/** Commands that a menu already offers as REST verbs: on item menus add/set/remove/get, on settings get. */
const COVERED_ON_ITEMS = new Set(["add", "set", "remove", "get"]);
const COVERED_ON_SETTINGS = new Set(["get"]);

interface MenuFacts {
  /** The item (or settings object) type, when the menu has one. */
  itemType?: string;
  items: boolean;
}

/** A parameter of a method; `fallback` is its default value in the code (optional in the declaration). */
interface Param {
  name: string;
  type: string;
  optional?: boolean;
  fallback?: string;
}

/** One method of a menu: its signature for the declarations (`.d.ts`) and the call it makes in the code (`.js`). */
interface Method {
  name: string;
  /** The operation it calls. */
  op: ViewOperation;
  doc: string;
  params: Param[];
  /** What the promise resolves to, or, for a stream, what it yields. */
  returns: string;
  /** A command that runs until stopped: an `AsyncIterable` of its replies (over the API transport only). */
  stream?: boolean;
  call: string;
}

/** A menu object: its methods, the root's grouped script words, and its submenus, each with the name it has in the client. */
export interface MenuShape {
  methods: Method[];
  group?: { name: string; doc: string; methods: Method[] };
  children: [string, MenuShape][];
}

function replyType(op: ViewOperation, ctx: TypeContext): string {
  if (!op.reply.schema) return "void";
  const name = op.replyComponent ? ctx.ref(op.replyComponent) : "unknown";
  return op.replyMany ? `${name}[]` : name;
}

type Signature = Omit<Method, "name" | "op" | "doc">;

/** The operation a method hands its transport, as code: `{ menu: "/ip/address", verb: "get", id }`. */
const operation = (menu: string, fields: string): string => `{ menu: ${menu}, ${fields} }`;

/**
 * The streams beside an operation, which run until stopped over the API: `listen` beside an item menu's list,
 * `printFollow` beside a typed print, `<command>Stream` beside a command that runs on unless bounded (ping, monitor).
 */
function streams(op: ViewOperation, { itemType, items }: MenuFacts, ctx: TypeContext): [string, Signature][] {
  const menu = JSON.stringify(op.menu === "/" ? "" : op.menu);
  const stream = (fields: string) => `t.stream(${operation(menu, fields)})`;
  const body = op.bodyComponent ? ctx.ref(op.bodyComponent) : "Record<string, never>";
  if (op.verb === "list" && items) {
    const args = {
      name: "args",
      type: `{ proplist?: readonly (keyof ${itemType} & string)[]; query?: readonly string[] }`,
      optional: true,
    };
    const returns = `${itemType} & { ".dead"?: string }`;
    return [["listen", { params: [args], returns, stream: true, call: stream(`command: "listen", args`) }]];
  }
  if (op.command === "print" && itemType) {
    const args = { name: "args", type: `${ctx.runtime("PrintArgs")}<${body}, ${itemType}>`, optional: true };
    return [["printFollow", { params: [args], returns: itemType, stream: true, call: stream(`verb: "print", args`) }]];
  }
  if (op.command && op.bounds) {
    const returns = op.reply.schema && op.replyComponent ? ctx.ref(op.replyComponent) : "unknown";
    const args = { name: "body", type: body, fallback: "{}" };
    const call = stream(`command: ${JSON.stringify(op.command)}, args: body`);
    return [[`${memberName(op.command)}Stream`, { params: [args], returns, stream: true, call }]];
  }
  return [];
}

/** An operation's members: its own (none where a REST verb already covers the command), then its streams. */
function members(op: ViewOperation, facts: MenuFacts, ctx: TypeContext): [string, Signature][] {
  const main = ownMember(op, facts, ctx);
  return main ? [main, ...streams(op, facts, ctx)] : [];
}

/** An operation's own member: its RouterOS-side name and signature. */
function ownMember(op: ViewOperation, { itemType, items }: MenuFacts, ctx: TypeContext): [string, Signature] | undefined {
  const menu = JSON.stringify(op.menu === "/" ? "" : op.menu);
  const call = (fields: string) => `t.call(${operation(menu, fields)})`;
  const body = op.bodyComponent ? ctx.ref(op.bodyComponent) : "Record<string, never>";
  const id: Param = { name: "id", type: "string" };
  switch (op.verb) {
    case "list":
      return [
        "list",
        {
          params: [
            { name: "filter", type: `${ctx.runtime("Filter")}<${itemType}>`, optional: true },
            { name: "options", type: `{ proplist?: readonly (keyof ${itemType} & string)[] }`, optional: true },
          ],
          returns: `${itemType}[]`,
          call: call(`verb: "list", filter, options`),
        },
      ];
    case "get":
      return op.kind === "items"
        ? ["get", { params: [id], returns: replyType(op, ctx), call: call(`verb: "get", id`) }]
        : ["get", { params: [], returns: replyType(op, ctx), call: call(`verb: "get"`) }];
    case "add":
      return ["add", { params: [{ name: "body", type: body }], returns: replyType(op, ctx), call: call(`verb: "add", args: body`) }];
    case "set":
      return [
        "set",
        { params: [id, { name: "patch", type: body }], returns: replyType(op, ctx), call: call(`verb: "set", id, args: patch`) },
      ];
    case "remove":
      return ["remove", { params: [id], returns: "void", call: call(`verb: "remove", id`) }];
  }
  const command = op.command!;
  if (command === "print" && itemType) {
    const args = { name: "args", type: `${ctx.runtime("PrintArgs")}<${body}, ${itemType}>`, optional: true };
    return ["print", { params: [args], returns: `${itemType}[]`, call: call(`verb: "print", args`) }];
  }
  if ((items ? COVERED_ON_ITEMS : itemType ? COVERED_ON_SETTINGS : new Set()).has(command)) return undefined;
  const args = { name: "body", type: body, fallback: "{}" };
  return [
    memberName(command),
    { params: [args], returns: replyType(op, ctx), call: call(`command: ${JSON.stringify(command)}, args: body`) },
  ];
}

/** Names within one object: a name taken steps aside with a suffix (`listMenu`, `systemCommand`), numbered only past that. */
class Members {
  private readonly unique = new UniqueNames();
  private readonly used = new Set<string>();
  claim(name: string, suffix = ""): string {
    const given = this.unique.claim(this.used.has(name) ? `${name}${suffix}` : name);
    this.used.add(given);
    return given;
  }
}

const method = (op: ViewOperation, [name, signature]: [string, Signature], names: Members): Method => {
  const o = op.operation;
  const doc = docText([o.summary, o.description].filter(Boolean).join("\n\n"), operationFacts(o));
  return { name: names.claim(name, "Command"), op, doc, ...signature };
};

/**
 * The shape of a menu object: its members, then its submenus. `taken` holds names used beside it (at the root: the
 * top-level menus and `close`); `group` moves some commands into one nested object (the root's script words).
 */
export function menuShape(
  node: MenuNode,
  ctx: TypeContext,
  taken: readonly string[] = [],
  group?: (op: ViewOperation) => boolean,
): MenuShape {
  const ops = node.operations;
  const item = ops.find((op) => op.verb === "list" || op.verb === "get");
  const facts: MenuFacts = {
    items: ops.some((op) => op.kind === "items"),
    ...(item?.replyComponent ? { itemType: ctx.ref(item.replyComponent) } : item ? { itemType: "unknown" } : {}),
  };
  const names = new Members();
  for (const name of taken) names.claim(name);
  const methods: Method[] = [];
  const grouped: [ViewOperation, [string, Signature]][] = [];
  for (const op of ops) {
    for (const m of members(op, facts, ctx)) {
      if (group?.(op)) grouped.push([op, m]);
      else methods.push(method(op, m, names));
    }
  }
  const shape: MenuShape = { methods, children: [] };
  if (grouped.length > 0) {
    const inner = new Members();
    shape.group = {
      name: names.claim(SCRIPT_GROUP),
      doc: "The console's scripting words and session commands (`:put`, `:if`, `quit`, ...), as the REST API runs them.",
      methods: grouped.map(([op, m]) => method(op, m, inner)),
    };
  }
  for (const [name, child] of node.children) shape.children.push([names.claim(memberName(name), "Menu"), menuShape(child, ctx)]);
  return shape;
}

/** The root's shape: its commands beside the top-level menus and `close()`, the script words grouped. */
/**
 * The client's member of each top-level menu, in the tree's order. Distinct
 * names can meet (`a-b`, `aB`): each gets its own; `close` is the client's.
 */
export function topMembers(view: EmitterView): string[] {
  const members = new UniqueNames(["close"]);
  return [...view.tree.children.values()].map((top) => members.claim(memberName(top.name)));
}

export function rootShape(view: EmitterView, ctx: TypeContext): MenuShape {
  const taken = ["close", ...topMembers(view)];
  return menuShape({ ...view.tree, children: new Map() }, ctx, taken, (op) => SCRIPT_WORDS.has(op.command ?? ""));
}

/** How one rendering writes a method, whether it keeps the docs, and what ends a nested object. */
interface Rendering {
  method(m: Method): string;
  docs: boolean;
  end: ";" | ",";
}

function writeShape(w: Writer, shape: MenuShape, r: Rendering): void {
  const methods = (list: Method[]) => {
    for (const m of list) {
      if (r.docs) writeDocs(w, m.doc);
      w.writeLine(r.method(m));
    }
  };
  w.inlineBlock(() => {
    methods(shape.methods);
    if (shape.group) {
      if (r.docs) writeDocs(w, shape.group.doc);
      w.write(`${shape.group.name}: `).inlineBlock(() => methods(shape.group!.methods));
      w.write(r.end).newLine();
    }
    for (const [name, child] of shape.children) {
      w.write(`${name}: `);
      writeShape(w, child, r);
      w.write(r.end).newLine();
    }
  });
}

const parameter = (p: Param) => `${p.name}${p.optional || p.fallback ? "?" : ""}: ${p.type}`;

/** The menu's type, for the declarations: `{ list(filter?: ...): Promise<...>; ip: {...}; }`, documented. */
export const writeMenuType = (w: Writer, shape: MenuShape): void =>
  writeShape(w, shape, {
    method: (m) => `${m.name}(${m.params.map(parameter).join(", ")}): ${m.stream ? "AsyncIterable" : "Promise"}<${m.returns}>;`,
    docs: true,
    end: ";",
  });

/** The menu's object, for the code: `{ list: (filter, options) => t.list(...), ip: {...}, }` (the docs are in the declarations). */
export const writeMenuObject = (w: Writer, shape: MenuShape): void =>
  writeShape(w, shape, {
    method: (m) => `${m.name}: (${m.params.map((p) => (p.fallback ? `${p.name} = ${p.fallback}` : p.name)).join(", ")}) => ${m.call},`,
    docs: false,
    end: ",",
  });
