/**
 * The tools' work, transport-free: search and describe over the document,
 * read through the safety class, plan (validate, show the exact request and
 * the current state) and apply a plan. One engine serves every MCP session;
 * each session keeps its own plans (Plans), so no client applies or evicts
 * another's.
 */
import { randomUUID } from "node:crypto";
import type { ValidateFunction } from "ajv";
import type { EmitterView, ViewOperation } from "../view/index.js";
import type { SafetyClass } from "../openapi/extensions.js";
import type { Operation } from "../transport/index.js";
import { idProblem } from "../templates/ids.js";
import { closedDoor, commandName, type Doors } from "./doors.js";
import { describeMenu, describeOperation } from "./describe.js";
import { ToolError } from "./errors.js";
import { clip, LIMITS } from "./limits.js";
import { findOperation, menuNode, operationsOf } from "./operations.js";
import { isSensitiveArg, redact, REDACTED } from "./redact.js";
import type { Router, RouterRequest } from "./router.js";
import { Catalog } from "./search.js";
import { documentValidator } from "./validate.js";

export type Args = Record<string, string>;

export interface Plan {
  plan: string;
  /** What apply sends, exactly. */
  request: RouterRequest;
  operation: string;
  safety: SafetyClass;
  /** What it would change, as the router shows it now (null for an add). */
  current: unknown;
}

/** A RouterOS id: `*` and hex digits. */
const ROUTEROS_ID = /^\*[0-9A-Fa-f]{1,16}$/;
/** Items shown of a current state that names several. */
const MAX_CURRENT = 10;
/** A reply longer than this is cut, with a note saying how to narrow it. */
export const MAX_REPLY_CHARS = 40_000;

/** One session's plans, for apply: the oldest dropped beyond the limit. */
export class Plans {
  private readonly kept = new Map<string, Plan>();

  keep(plan: Plan): void {
    this.kept.set(plan.plan, plan);
    if (this.kept.size > LIMITS.plans) this.kept.delete(this.kept.keys().next().value!);
  }

  /** The plan, removed: a plan is applied once. */
  take(id: string): Plan | undefined {
    const plan = this.kept.get(id);
    this.kept.delete(id);
    return plan;
  }
}

export class Engine {
  private readonly catalog: Catalog;
  /** Made at the first args checked: the whole document added to ajv costs about what the view does, and search needs none of it. */
  private validator?: { compile: (schema: object) => ValidateFunction };

  constructor(
    readonly view: EmitterView,
    private readonly router: Router,
    readonly doors: Doors,
    /** The user the server logs in as: setting its password is disruptive. */
    // Stryker disable next-line StringLiteral: without a user, no name is its own, whatever stands in for it
    private readonly user = "",
  ) {
    this.catalog = new Catalog(view);
  }

  search(query: string, limit = 10): string {
    if (query.length > LIMITS.query) throw new ToolError(`a query is at most ${LIMITS.query} characters (this one has ${query.length})`);
    const hits = this.catalog.search(query, limit);
    if (hits.length === 0) return `nothing in RouterOS ${this.view.version} matches "${clip(query)}"`;
    return hits
      .map((h) =>
        [
          `${h.name} (${h.kind})`,
          h.commands.length ? ` commands: ${h.commands.join(", ")}` : "",
          h.args.length ? ` args: ${h.args.join(", ")}` : "",
        ].join(""),
      )
      .join("\n");
  }

  describe(menu: string, operation?: string): string {
    if (!operation) return describeMenu(this.view, menu, this.doors);
    const op = findOperation(this.view, menu, operation);
    return describeOperation(this.view, op, this.doors, operation);
  }

  async read(menu: string, operation: string | undefined, id: string | undefined, args: Args): Promise<unknown> {
    checkSizes(menu, operation, id, args);
    // A settings menu without an operation is read whole (get); an item menu is listed.
    const name = operation ?? (operationsOf(menuNode(this.view, menu)).has("list") ? "list" : "get");
    const op = findOperation(this.view, menu, name);
    const { safety } = op;
    if (safety.class !== "reads")
      throw new ToolError(`${op.menu} ${name} is not a read (${safety.class}): ${closedDoor(op, this.doors) ?? "use plan, then apply"}`);
    // Stryker disable next-line ArrayDeclaration: a stand-in in the empty list matches no arg an operation has
    const code = (safety.code ?? []).filter((arg) => arg in args);
    if (code.length) throw new ToolError(`read never sends ${code.join(", ")}: it carries code the router would run`);
    await this.checkItem(op, id, "read");
    if (op.verb === "get" && Object.keys(args).length) throw new ToolError(`${op.menu} get takes no args`);
    if (op.method === "get") return this.router.send("read", operationOf(op, id, args));
    // Stryker disable next-line ArrayDeclaration: a stand-in in the empty list matches no arg an operation has
    const refused = (safety.readsWithout ?? []).filter((arg) => arg in args);
    if (refused.length) throw new ToolError(`read leaves out ${refused.join(", ")}: with it, ${op.menu} ${name} writes or streams`);
    // --allow-probe: a bounded probe may aim anywhere; its bound stays.
    const aimed = this.doors.probe === true && safety.readsWith?.["address"] !== undefined;
    for (const [arg, value] of Object.entries(safety.readsWith ?? {}))
      if (arg in args && args[arg] !== value && !(aimed && arg === "address"))
        throw new ToolError(
          `read sends ${op.menu} ${name} with ${arg}=${JSON.stringify(value)} only: that keeps it a read${arg === "address" ? " (--allow-probe aims probes anywhere)" : ""}`,
        );
    const body = { ...args, ...safety.readsWith, ...(aimed && args["address"] !== undefined ? { address: args["address"] } : {}) };
    this.validate(op, body);
    return this.router.send("read", operationOf(op, id, body));
  }

  async plan(plans: Plans, menu: string, operation: string, id: string | undefined, args: Args): Promise<Plan> {
    checkSizes(menu, operation, id, args);
    const op = findOperation(this.view, menu, operation);
    const { safety } = op;
    if (safety.class === "reads") throw new ToolError(`${op.menu} ${operation} only reads: call read`);
    // Stryker disable next-line ArrayDeclaration: a stand-in in the empty list matches no arg an operation has
    const code = (safety.code ?? []).filter((arg) => arg in args);
    // Code the router runs or stores to run, like reboot, opens only by name.
    const closed = code.length ? this.disruptiveDoor(op, `it carries code (${code.join(", ")})`) : closedDoor(op, this.doors);
    if (closed) throw new ToolError(closed);
    await this.checkItem(op, id, "plan");
    const body = op.body ? args : undefined;
    if (body) this.validate(op, body);
    else if (Object.keys(args).length) throw new ToolError(`${op.menu} ${operation} takes no args`);
    const selected = await this.selected(op, args);
    const current = await this.current(op, id, selected);
    if (await this.ownPassword(op, id, selected, current, args)) {
      const own = this.disruptiveDoor(op, `it sets the password of ${this.user}, the user this server logs in as`);
      if (own) throw new ToolError(own);
    }
    const plan: Plan = {
      plan: randomUUID().slice(0, 8),
      request: this.router.request(operationOf(op, id, body)),
      operation: `${op.menu} ${operation}`,
      safety: code.length ? "disruptive" : safety.class,
      current,
    };
    plans.keep(plan);
    return redact(plan);
  }

  async apply(plans: Plans, planId: string): Promise<{ request: RouterRequest; reply: unknown }> {
    const plan = plans.take(planId);
    if (!plan) throw new ToolError(`no plan ${clip(planId)} in this session: make one with plan (a plan is applied once)`);
    return redact({ request: plan.request, reply: (await this.router.send("apply", plan.request)) ?? null });
  }

  close(): Promise<void> {
    return this.router.close();
  }

  /** Why a write that is disruptive for `why` may not be sent, or undefined when the user named it. */
  private disruptiveDoor(op: ViewOperation, why: string): string | undefined {
    const name = commandName(op);
    return this.doors.disruptive.includes(name)
      ? undefined
      : `${op.menu} ${op.command ?? op.verb} is disruptive here: ${why}; it is refused unless the server was started with --allow-disruptive ${name.slice(1)}`;
  }

  /** A write to /user that sets a password, aimed at the server's own user (by id, name or the item's current name). */
  private async ownPassword(op: ViewOperation, id: string | undefined, selected: string[], current: unknown, args: Args): Promise<boolean> {
    if (op.menu !== "/user" || !("password" in args) || op.safety.class === "adds") return false;
    // The items named past those `current` shows are read too: the server's own user may be any of them.
    // Stryker disable next-line ArrayDeclaration: a stand-in item has no name
    const unseen = [];
    for (const one of selected.slice(MAX_CURRENT)) unseen.push(await this.itemNow(op.menu, one));
    const names = [id, ...selected, ...[current, ...unseen].flat().map((item) => (item as { name?: unknown } | null)?.name)];
    return names.includes(this.user);
  }

  /** An operation on one item takes only an id the router gave, or a name its state shows; any other, none. */
  private async checkItem(op: ViewOperation, id: string | undefined, tool: string): Promise<void> {
    if (!op.onItem) {
      if (id !== undefined) throw new ToolError(`${op.menu} ${op.command ?? op.verb} takes no id${op.body ? "; name items in args" : ""}`);
      return;
    }
    if (!id) throw new ToolError(`${op.menu} ${op.verb} needs the item's id (its .id, like *1, or its name)`);
    await this.checkId(op.menu, id, tool);
  }

  /** An id is `*HEX`, or the name of an item the menu lists now; anything else is refused before it is sent. */
  private async checkId(menu: string, id: string, tool: string): Promise<void> {
    const problem = idProblem(id);
    if (problem) throw new ToolError(`${problem}; ids are like *1, or an item's name`);
    if (ROUTEROS_ID.test(id)) return;
    const lists = this.view.operations.some((o) => o.menu === menu && o.verb === "list");
    const named = lists
      ? ((await this.router.send(tool, { menu, verb: "list", filter: { name: id }, options: { proplist: [".id", "name"] } })) as unknown[])
      : [];
    if (!Array.isArray(named) || !named.some((item) => (item as { name?: unknown }).name === id))
      throw new ToolError(`${menu} has no item named ${JSON.stringify(clip(id))}: an id is the item's .id (*1) or a name read shows`);
  }

  /** The items an operation's selector arg names (`numbers=ether1,*2`), each checked as an id. */
  private async selected(op: ViewOperation, args: Args): Promise<string[]> {
    const selector = op.selector === undefined ? undefined : args[op.selector];
    const ids = selector === undefined ? [] : selector.split(",").map((s) => s.trim());
    for (const one of ids) await this.checkId(op.menu, one, "plan");
    return ids;
  }

  private validate(op: ViewOperation, body: Args): void {
    this.validator ??= documentValidator(this.view.document);
    const validate = this.validator.compile(op.bodySchema!);
    if (validate(body)) return;
    const e = validate.errors![0]!;
    const name = op.command ?? op.verb;
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    if (extra) throw new ToolError(`${op.menu} ${name} has no arg ${clip(extra)}; describe lists its args`);
    const arg = e.instancePath.split("/")[1];
    // Stryker disable next-line OptionalChaining: only an operation with a body is validated, and its schema lists its args
    const schema = arg === undefined ? undefined : op.body?.properties?.[arg];
    const type = schema ? this.view.value(schema).facts["x-routeros-type"] : undefined;
    throw new ToolError(
      arg === undefined
        ? `${op.menu} ${name}: args ${e.message ?? "are not valid"}`
        : `${arg}=${isSensitiveArg(arg) ? REDACTED : JSON.stringify(clip(body[arg] ?? ""))} is not a valid ${type ?? "value"} (${e.message ?? "invalid"}); describe shows what ${arg} takes`,
    );
  }

  /** What the change would touch, as the router shows it now. */
  private async current(op: ViewOperation, id: string | undefined, selected: string[]): Promise<unknown> {
    // Shown only where the menu can show it: GET of the settings object, or of one item.
    const get = this.view.operations.find((o) => o.menu === op.menu && o.verb === "get");
    if (!get || op.menu === "/") return null;
    if (!get.onItem) return this.router.send("plan", operationOf(get, undefined, undefined));
    const ids = id !== undefined ? [id] : selected.slice(0, MAX_CURRENT);
    if (ids.length === 0) return null;
    const items = [];
    for (const one of ids) items.push(await this.itemNow(op.menu, one));
    return items.length === 1 ? items[0] : items;
  }

  /** One item of a menu (never the root menu) as the router shows it now. */
  private itemNow(menu: string, id: string): Promise<unknown> {
    return this.router.send("plan", { menu, verb: "get", id });
  }
}

/**
 * A view operation as the transports carry it out: a REST verb as the verb (a list's args its filters, `.proplist`
 * apart), anything else as its command and args.
 */
function operationOf(op: ViewOperation, id: string | undefined, args: Args | undefined): Operation {
  const menu = op.menu === "/" ? "" : op.menu;
  const item = id !== undefined ? { id } : {};
  switch (op.verb) {
    case "list": {
      const { ".proplist": proplist, ...filter } = args ?? {};
      return { menu, verb: "list", filter, ...(proplist !== undefined ? { options: { proplist: proplist.split(",") } } : {}) };
    }
    case "get":
    case "remove":
      return { menu, verb: op.verb, ...item };
    case "add":
    case "set":
      return { menu, verb: op.verb, ...item, ...(args ? { args } : {}) };
    default:
      return { menu, command: op.command!, ...(args ? { args } : {}) };
  }
}

/** Inputs beyond any real use are refused before any work (docs/limits.md). */
function checkSizes(menu: string, operation: string | undefined, id: string | undefined, args: Args): void {
  if (menu.length > LIMITS.name || (operation?.length ?? 0) > LIMITS.name)
    throw new ToolError(`a menu or operation name is at most ${LIMITS.name} characters`);
  if ((id?.length ?? 0) > LIMITS.id) throw new ToolError(`an id is at most ${LIMITS.id} characters`);
  const entries = Object.entries(args);
  if (entries.length > LIMITS.args) throw new ToolError(`a call takes at most ${LIMITS.args} args`);
  for (const [arg, value] of entries) {
    if (arg.length > LIMITS.argName) throw new ToolError(`an arg's name is at most ${LIMITS.argName} characters`);
    if (value.length > LIMITS.argValue) throw new ToolError(`${arg} is over ${LIMITS.argValue} characters`);
  }
}
