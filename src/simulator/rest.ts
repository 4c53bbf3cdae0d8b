/**
 * The REST API over a model and a store: menus as URLs, verbs as commands,
 * RouterOS's status codes and `{error, message, detail}` bodies.
 */
import type { Menu, SchemaModel } from "../model/types.js";
import { longRunning } from "../model/long-running.js";
import { menuKind, itemVerbs } from "../model/menu-kind.js";
import { inspect } from "./inspect.js";
import { INSPECT_REQUESTS, type InspectRequest } from "../transport/inspect.js";
import { pingReplies } from "./ping.js";
import { compileQuery, QueryError } from "./query.js";
import { itemId, Store, StoreError, type Item } from "./store.js";
import type { Facts } from "../facts/resolve.js";
import { defaultValues, menuFactsOf, refuseAdd, scriptAdds } from "./evidence.js";

export interface Reply {
  status: number;
  /** JSON body; undefined for an empty body. */
  body?: unknown;
  /** Sent only after this long: a call that runs into the REST timeout. */
  holdMs?: number;
}

export interface RestRequest {
  method: string;
  /** Path tokens after `/rest`. */
  tokens: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  406: "Not Acceptable",
  413: "Request Entity Too Large",
  500: "Internal Server Error",
};

export function errorReply(status: number, detail?: string): Reply {
  return { status, body: { error: status, message: REASONS[status] ?? "Error", ...(detail ? { detail } : {}) } };
}

const ok = (body: unknown): Reply => ({ status: 200, body });

const PACKAGES = "/system/package";

/** A streaming command without the arg that bounds it (ping without count), or a print that follows. */
export function runsUntilStopped(name: string, menu: Menu, args: Record<string, unknown>): boolean {
  if (name === "print") return ["follow", "follow-only", "interval"].some((arg) => arg in args);
  const bounds = longRunning(name, menu.commands[name]!);
  return bounds !== undefined && !bounds.some((arg) => arg in args);
}

export class RestApi {
  private readonly started = Date.now();

  constructor(
    private readonly model: SchemaModel,
    readonly store: Store,
    /** Undefined for a tree that does not say: /system/resource then says none either. */
    private readonly version: string | undefined,
    private readonly commandTimeoutMs: number,
    /** Evidence of required args and defaults: adds without their required args are refused, new items carry defaults. */
    private readonly facts?: Facts,
  ) {
    // Every router has packages: unless seeded, the tree's header lists them, as items that GET by id and `get` find.
    if (store.list(PACKAGES).length === 0) store.fill(PACKAGES, this.packages());
  }

  handle(req: RestRequest): Reply {
    try {
      return this.route(req);
    } catch (err) {
      if (err instanceof StoreError) return errorReply(err.status, err.detail);
      if (err instanceof QueryError) return errorReply(400, err.message);
      throw err;
    }
  }

  private route(req: RestRequest): Reply {
    const { method, tokens } = req;
    const joined = tokens.join("/");
    if (joined === "console/inspect") return method === "POST" ? this.inspect(req.body) : errorReply(400, "no such command");
    if (joined === "system/resource" && method === "GET") return ok(this.resource());
    // Every router runs scripts, whether or not the tree lists /execute.
    if (joined === "execute" && method === "POST") return this.execute(String(req.body["script"] ?? ""));
    if (joined === "system/resource/get" && method === "POST") return ok({ ret: this.resource()[String(req.body["value-name"])] ?? "" });
    if (joined === "system/resource/print" && method === "POST") return ok([this.resource()]);
    // A tree without the menu still lists them: a crawl identifies the router by them.
    if (joined === "system/package" && method === "GET" && !this.store.menu(PACKAGES)) return ok(this.store.list(PACKAGES));

    const { menu, depth, path, rest } = this.locate(tokens);
    if (rest.length > 1) return errorReply(400, `no such command or directory (${rest[0]})`);
    const kind = menuKind(menu);
    const verbs = itemVerbs(menu);
    const [id] = rest;

    if (method === "POST") {
      if (id === undefined || !menu.commands[id]) return errorReply(400, `no such command or directory (${id ?? ""})`);
      return this.command(path, menu, id, req.body);
    }
    if (id !== undefined && menu.commands[id]) return errorReply(400, "no such command");
    if (depth === 0 && id === undefined) return errorReply(400, "no such command");
    switch (method) {
      case "GET":
        if (kind === "settings" && id === undefined) return ok(this.settings(path));
        if (kind !== "items") return errorReply(400, `no such command or directory (${id ?? tokens[depth - 1]})`);
        if (id === undefined) return ok(project(this.filter(path, req.query), splitList(req.query.get(".proplist"))));
        return ok(this.item(path, id));
      case "PUT":
        if (id !== undefined || !verbs.add) return errorReply(406);
        return ok(this.add(path, menu, req.body));
      case "PATCH":
        if (kind === "settings" && id === undefined) return ok(this.store.setSettings(path, menu, req.body));
        if (id === undefined || !verbs.set) return errorReply(406);
        return ok(this.store.set(menu, this.item(path, id), req.body));
      case "DELETE":
        if (id === undefined || !verbs.remove) return errorReply(406);
        this.store.remove(path, this.item(path, id));
        return { status: 204 };
      default:
        return errorReply(400, `unsupported method ${method}`);
    }
  }

  /** The deepest menu a path of tokens names (`depth` tokens long), its path, and the tokens after it. */
  locate(tokens: readonly string[]): { menu: Menu; depth: number; path: string; rest: string[] } {
    let menu = this.model.root;
    let depth = 0;
    while (depth < tokens.length && menu.menus[tokens[depth]!]) menu = menu.menus[tokens[depth++]!]!;
    return { menu, depth, path: "/" + tokens.slice(0, depth).join("/"), rest: tokens.slice(depth) };
  }

  private inspect(body: Record<string, unknown>): Reply {
    const request = body["request"];
    if (typeof request !== "string" || !(INSPECT_REQUESTS as readonly string[]).includes(request)) {
      return errorReply(400, request === undefined ? "missing =request=" : `input does not match any value of request`);
    }
    const path = typeof body["path"] === "string" ? body["path"] : "";
    return ok(inspect(this.model.root, request as InspectRequest, path));
  }

  private item(path: string, id: string): Item {
    const item = this.store.find(path, id);
    if (!item) throw new StoreError(404, "no such item");
    return item;
  }

  private settings(path: string): Item {
    if (path === "/system/identity" && !this.store.settings(path)["name"]) return { name: "MikroTik", ...this.store.settings(path) };
    const menu = this.store.menu(path);
    const defaults = menu ? defaultValues(menuFactsOf(this.facts, path), Object.keys(menu.commands["set"]?.args ?? {})) : {};
    return { ...defaults, ...this.store.settings(path) };
  }

  /** An add: unknown args refused, then missing required ones (as the evidence says), then the item, with its defaults. */
  private add(path: string, menu: Menu, args: Record<string, unknown>): Item {
    this.store.checkAdd(menu, args);
    const facts = menuFactsOf(this.facts, path);
    const refusal = refuseAdd(facts, path, args);
    if (refusal) throw new StoreError(400, refusal.detail);
    return this.store.add(path, menu, { ...defaultValues(facts, Object.keys(menu.commands["add"]?.args ?? {})), ...args });
  }

  /**
   * `/execute` of a script: only adds are understood (the evidence's probe, `:local id [/m add]; :put $id; /m remove $id`).
   * A refused add answers the script's error text, as RouterOS's `ret`; an accepted one is carried out, and removed
   * again where the script removes it; `ret` is then its id, as `:put` prints it.
   */
  private execute(script: string): Reply {
    let ret = "";
    for (const { menu: path, args } of scriptAdds(script)) {
      const menu = this.store.menu(path);
      if (!menu?.commands["add"]) return ok({ ret: `bad command name add (${path}; line 1)` });
      const refusal = refuseAdd(menuFactsOf(this.facts, path), path, args);
      if (refusal) return ok({ ret: refusal.script });
      const item = this.add(path, menu, args);
      if (new RegExp(`${path.replace(/[/.-]/g, "\\$&")}\\s*[/ ]remove\\s+\\$`).test(script)) this.store.remove(path, item);
      ret = item[".id"]!;
    }
    return ok({ ret });
  }

  private filter(path: string, query: URLSearchParams): Item[] {
    const filters = [...query].filter(([name]) => !name.startsWith("."));
    return this.store.list(path).filter((item) => filters.every(([name, value]) => item[name] === value));
  }

  /** POST <menu>/<command>, with the semantics of the commands a store can carry out. */
  private command(path: string, menu: Menu, name: string, body: Record<string, unknown>): Reply {
    const kind = menuKind(menu);
    const { ".proplist": proplist, ".query": query, ...args } = body;
    if (runsUntilStopped(name, menu, args)) return { ...errorReply(400, "Session closed"), holdMs: this.commandTimeoutMs };
    if (name === "ping") return ok(pingReplies(args));
    const ids = (): Item[] => {
      const numbers = args["numbers"] ?? args["number"];
      if (numbers === undefined) throw new StoreError(400, "missing =numbers=");
      return String(numbers)
        .split(",")
        .map((id) => this.item(path, id));
    };
    if (kind === "settings") {
      if (name === "print") return ok([project([this.settings(path)], splitList(proplist))[0]]);
      if (name === "get")
        return ok(args["value-name"] === undefined ? this.settings(path) : { ret: this.settings(path)[String(args["value-name"])] ?? "" });
      if (name === "set") return (this.store.setSettings(path, menu, args), ok([]));
      return ok([]);
    }
    if (kind !== "items") return ok([]);
    switch (name) {
      case "print": {
        const test = Array.isArray(query) ? compileQuery(query.map(String)) : () => true;
        return ok(project(this.store.list(path).filter(test), splitList(proplist)));
      }
      case "get": {
        const [item] = ids();
        return ok(args["value-name"] === undefined ? item : { ret: item![String(args["value-name"])] ?? "" });
      }
      case "add":
        return ok({ ret: this.add(path, menu, args)[".id"] });
      case "set": {
        const { numbers: _numbers, ...values } = args;
        for (const item of ids()) this.store.set(menu, item, values);
        return ok([]);
      }
      case "remove":
        for (const item of ids()) this.store.remove(path, item);
        return ok([]);
      case "enable":
      case "disable":
        for (const item of ids()) this.store.update(item, { disabled: String(name === "disable") });
        return ok([]);
      default:
        return ok([]);
    }
  }

  private packages(): Item[] {
    return (this.model.header.packages ?? ["routeros"]).map((name, i) => ({
      ".id": itemId(i + 1),
      name,
      ...(this.version ? { version: this.version } : {}),
      disabled: "false",
    }));
  }

  /** What /system/resource says: the served version and a CHR's facts. */
  private resource(): Item {
    const { header } = this.model;
    return {
      uptime: `${Math.floor((Date.now() - this.started) / 1000)}s`,
      ...(this.version ? { version: `${this.version} (stable)` } : {}),
      "build-time": "2026-01-01 00:00:00",
      "free-memory": "1048576000",
      "total-memory": "1073741824",
      cpu: "QEMU",
      "cpu-count": "2",
      "cpu-load": "0",
      "architecture-name": header.architecture ?? "x86_64",
      "board-name": header.board ?? "CHR",
      platform: "MikroTik",
    };
  }
}

export function splitList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (Array.isArray(value) ? value.map(String) : String(value).split(",")).filter(Boolean);
}

export function project(items: Item[], proplist: string[] | undefined): Item[] {
  if (!proplist) return items;
  return items.map((item) => Object.fromEntries(proplist.filter((p) => p in item).map((p) => [p, item[p]!])));
}
