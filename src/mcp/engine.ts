/**
 * The tools' work, transport-free: search and describe over the document,
 * read through the safety class, plan (validate, show the exact request and
 * the current state) and apply a plan. One engine serves every MCP session:
 * plans made in one request are applied in another.
 */
import { randomUUID } from "node:crypto";
import type { ValidateFunction } from "ajv";
import type { EmitterView, ViewOperation } from "../view/index.js";
import type { SafetyClass } from "../openapi/extensions.js";
import { closedDoor, type Doors } from "./doors.js";
import { describeMenu, describeOperation } from "./describe.js";
import { ToolError } from "./errors.js";
import { findOperation } from "./operations.js";
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

/** Plans kept for apply: the oldest are dropped beyond this. */
const MAX_PLANS = 64;
/** Items shown of a current state that names several. */
const MAX_CURRENT = 10;
/** A reply longer than this is cut, with a note saying how to narrow it. */
export const MAX_REPLY_CHARS = 40_000;

export class Engine {
  private readonly catalog: Catalog;
  private readonly plans = new Map<string, Plan>();
  private readonly validator: { compile: (schema: object) => ValidateFunction };

  constructor(
    readonly view: EmitterView,
    private readonly router: Router,
    readonly doors: Doors,
  ) {
    this.catalog = new Catalog(view);
    this.validator = documentValidator(view.document);
  }

  search(query: string, limit = 10): string {
    const hits = this.catalog.search(query, limit);
    if (hits.length === 0) return `nothing in RouterOS ${this.view.version} matches "${query}"`;
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

  async read(menu: string, operation: string, id: string | undefined, args: Args): Promise<unknown> {
    const op = findOperation(this.view, menu, operation);
    const { safety } = op;
    if (safety.class !== "reads")
      throw new ToolError(
        `${op.menu} ${operation} is not a read (${safety.class}): ${closedDoor(op, this.doors) ?? "use plan, then apply"}`,
      );
    const path = this.itemPath(op, id);
    if (op.method === "get") {
      const query = new URLSearchParams(args).toString();
      return this.router.send("read", { method: "GET", path: query ? `${path}?${query}` : path });
    }
    const refused = (safety.readsWithout ?? []).filter((arg) => arg in args);
    if (refused.length) throw new ToolError(`read leaves out ${refused.join(", ")}: with it, ${op.menu} ${operation} writes or streams`);
    for (const [arg, value] of Object.entries(safety.readsWith ?? {}))
      if (arg in args && args[arg] !== value)
        throw new ToolError(`read sends ${op.menu} ${operation} with ${arg}=${JSON.stringify(value)} only: that keeps it a read`);
    const body = { ...args, ...safety.readsWith };
    this.validate(op, body);
    return this.router.send("read", { method: "POST", path, body });
  }

  async plan(menu: string, operation: string, id: string | undefined, args: Args): Promise<Plan> {
    const op = findOperation(this.view, menu, operation);
    const { safety } = op;
    if (safety.class === "reads") throw new ToolError(`${op.menu} ${operation} only reads: call read`);
    const closed = closedDoor(op, this.doors);
    if (closed) throw new ToolError(closed);
    const path = this.itemPath(op, id);
    const body = op.body ? args : undefined;
    if (body) this.validate(op, body);
    else if (Object.keys(args).length) throw new ToolError(`${op.menu} ${operation} takes no args`);
    const request: RouterRequest = { method: op.method.toUpperCase() as RouterRequest["method"], path, ...(body ? { body } : {}) };
    const plan: Plan = {
      plan: randomUUID().slice(0, 8),
      request,
      operation: `${op.menu} ${operation}`,
      safety: safety.class,
      current: await this.current(op, id, args),
    };
    this.plans.set(plan.plan, plan);
    if (this.plans.size > MAX_PLANS) this.plans.delete(this.plans.keys().next().value!);
    return plan;
  }

  async apply(planId: string): Promise<{ request: RouterRequest; reply: unknown }> {
    const plan = this.plans.get(planId);
    if (!plan) throw new ToolError(`no plan ${planId}: make one with plan (a plan is applied once)`);
    this.plans.delete(planId);
    return { request: plan.request, reply: (await this.router.send("apply", plan.request)) ?? null };
  }

  close(): Promise<void> {
    return this.router.close();
  }

  /** The path of an operation, its item's id put in (`/ip/address/*1`). */
  private itemPath(op: ViewOperation, id: string | undefined): string {
    if (!op.onItem) {
      if (id !== undefined) throw new ToolError(`${op.menu} ${op.command ?? op.verb} takes no id${op.body ? "; name items in args" : ""}`);
      return op.path;
    }
    if (!id) throw new ToolError(`${op.menu} ${op.verb} needs the item's id (its .id, like *1, or its name)`);
    return op.path.replace("{id}", encodeURIComponent(id));
  }

  private validate(op: ViewOperation, body: Args): void {
    const validate = this.validator.compile(op.bodySchema!);
    if (validate(body)) return;
    const e = validate.errors![0]!;
    const name = op.command ?? op.verb;
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    if (extra) throw new ToolError(`${op.menu} ${name} has no arg ${extra}; describe lists its args`);
    const arg = e.instancePath.split("/")[1];
    const schema = arg === undefined ? undefined : op.body?.properties?.[arg];
    const type = schema ? this.view.value(schema).facts["x-routeros-type"] : undefined;
    throw new ToolError(
      arg === undefined
        ? `${op.menu} ${name}: args ${e.message ?? "are not valid"}`
        : `${arg}=${JSON.stringify(body[arg])} is not a valid ${type ?? "value"} (${e.message ?? "invalid"}); describe shows what ${arg} takes`,
    );
  }

  /** What the change would touch, as the router shows it now. */
  private async current(op: ViewOperation, id: string | undefined, args: Args): Promise<unknown> {
    const menuPath = op.menu === "/" ? "" : op.menu;
    // Shown only where the menu can show it: GET of the settings object, or of one item.
    const get = this.view.operations.find((o) => o.menu === op.menu && o.verb === "get");
    if (!get || op.menu === "/") return null;
    if (!get.onItem) return this.router.send("plan", { method: "GET", path: menuPath });
    const selector = op.selector === undefined ? undefined : args[op.selector];
    const ids = id !== undefined ? [id] : (selector?.split(",").slice(0, MAX_CURRENT) ?? []);
    if (ids.length === 0) return null;
    const items = [];
    for (const one of ids) items.push(await this.router.send("plan", { method: "GET", path: `${menuPath}/${encodeURIComponent(one)}` }));
    return items.length === 1 ? items[0] : items;
  }
}
