/**
 * Runtime of the generated RouterOS client: the transport seam (the client
 * calls operations; a transport carries them out), and its REST transport:
 * fetch with an undici Agent (TLS options, keep-alive), HTTP Basic auth, a
 * timeout, JSON read whatever the content type, and RouterOS errors as
 * RouterOSError. The API protocol's transport is api-transport.ts.
 * Shipped beside the generated code by rosapi, as runtime.js and runtime.d.ts; do not edit.
 */
import { Agent, fetch } from "undici";
import { durationMs } from "./duration.js";
import type { ApiClientOptions } from "./api-transport.js";
import { idSegment } from "./ids.js";

/** The REST API (`https://router/rest`); the default transport. */
export interface RestClientOptions {
  transport?: "rest";
  /** `https://192.168.88.1/rest` */
  baseUrl: string;
  username: string;
  password: string;
  tls?: {
    /** Accept any certificate, such as a router's self-signed one. */
    insecure?: boolean;
    /** PEM of the CA (or the router's own certificate) to trust. */
    ca?: string;
  };
  /** Per request; RouterOS itself ends commands after 60 s. Default 60 000. */
  timeoutMs?: number;
  /** Largest reply read, in bytes: a larger one is cut off and fails. Default 64 MiB; raise it for huge tables. */
  maxReplyBytes?: number;
}

/** REST (`baseUrl`) or the API protocol (`transport: "api"`, `host`): the same client either way. */
export type ClientOptions = RestClientOptions | ApiClientOptions;

/**
 * An error reply of RouterOS (`{error, message, detail}`: `message` is the router's, such as `Not Found`,
 * `detail` says why, such as `no such item`), or a failure to get one (status 0).
 */
export class RouterOSError extends Error {
  constructor(
    /** HTTP status (the reply's `error`); 0 when no reply came. Over the API: 401 for a refused login, else 0. */
    readonly status: number,
    message: string,
    readonly detail?: string,
    /** Over the API: the `!trap`'s `category`, when RouterOS gives one (status is then 0, `message` the trap's). */
    readonly category?: string,
  ) {
    super(message);
    this.name = "RouterOSError";
  }
}

type Wire = Record<string, unknown>;

/**
 * One call of the client, as a transport carries it out: a REST verb on a menu (`list`, `get`, `add`, `set`,
 * `remove`), the typed `print`, or a console command with its args.
 */
export interface Operation {
  /** `/ip/address`; `""` at the root. */
  menu: string;
  verb?: "list" | "get" | "add" | "set" | "remove" | "print";
  /** A console command (`monitor-traffic`), when not a verb. */
  command?: string;
  /** The item: `.id` (`*1`) or its name. */
  id?: string;
  /** The verb's or command's args (of `print`: `PrintArgs`). */
  args?: object;
  /** `list`: equality on properties, and the properties wanted. */
  filter?: object;
  options?: { proplist?: readonly string[] };
}

/** What the client calls: REST (RestTransport) and the API protocol (ApiTransport) carry out the same operations. */
export interface Transport {
  call<T>(op: Operation): Promise<T>;
  /** A command that runs until stopped, its replies as they come; leaving the loop stops it. */
  stream<T>(op: Operation): AsyncIterable<T>;
  close(): Promise<void>;
}

/** A console command's word: `/interface/monitor-traffic`, `/ping`. */
export const commandPath = (op: Operation): string => `${op.menu}/${op.verb === "print" ? "print" : op.command}`;

/**
 * The args of a print: the command's own, with `proplist` (names of the item's properties, sent as `.proplist`)
 * and `query` (API query words, sent as `.query`). The console's own `proplist` arg is replaced: it names fewer properties.
 */
export type PrintArgs<Args, Item> = Omit<Args, "proplist" | ".proplist" | ".query"> & {
  proplist?: readonly (keyof Item & string)[];
  query?: readonly string[];
};

/** List filters: equality on the item's properties. */
export type Filter<Item> = { [K in keyof Item]?: string };

/** Values as RouterOS takes them: strings, lists joined with commas. */
export function toWire(body: object | undefined): Wire | undefined {
  if (!body) return undefined;
  const out: Wire = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? (key === ".query" ? value : value.join(",")) : typeof value === "object" ? value : String(value);
  }
  return out;
}

/** The reply's text, read up to `max` bytes: past that, reading stops and the reply is refused. */
async function readCapped(res: Awaited<ReturnType<typeof fetch>>, max: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream: the rest is never read.
  for await (const chunk of (res.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) break;
    chunks.push(chunk);
  }
  if (size > max) throw new RouterOSError(0, `reply larger than maxReplyBytes (${max} bytes)`);
  return Buffer.concat(chunks).toString("utf8");
}

export class RestTransport implements Transport {
  private readonly base: string;
  private readonly auth: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxReplyBytes: number;

  constructor(options: RestClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
    this.auth = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`;
    const tls = options.tls ?? {};
    this.agent = new Agent({ connect: tls.insecure ? { rejectUnauthorized: false } : tls.ca ? { ca: tls.ca } : {} });
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxReplyBytes = options.maxReplyBytes ?? 64 * 1024 * 1024;
  }

  private async request<T>(method: string, path: string, body?: object, query?: Record<string, string>): Promise<T> {
    const search = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : "";
    let res;
    let text;
    try {
      const wire = toWire(body);
      res = await fetch(`${this.base}${path}${search}`, {
        method,
        headers: { authorization: this.auth, ...(wire ? { "content-type": "application/json" } : {}) },
        ...(wire ? { body: JSON.stringify(wire) } : {}),
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await readCapped(res, this.maxReplyBytes);
    } catch (err) {
      if (err instanceof RouterOSError) throw new RouterOSError(0, `${method} ${path} failed`, err.message);
      const e = err as Error;
      const why = e.name === "TimeoutError" ? `no reply within ${this.timeoutMs} ms` : e.cause ? String(e.cause) : e.message;
      throw new RouterOSError(0, `${method} ${path} failed`, why);
    }
    // Some builds say text/plain: the body is JSON all the same.
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const error = (json ?? {}) as { message?: string; detail?: string };
      throw new RouterOSError(
        res.status,
        error.message ?? (res.statusText || `HTTP ${res.status}`),
        error.detail ?? (json === undefined ? text.slice(0, 200) || undefined : undefined),
      );
    }
    return json as T;
  }

  /** An operation as REST has it (restRequest). */
  call<T>(op: Operation): Promise<T> {
    const { method, path, body, query } = restRequest(op);
    return this.request(method, path, body, query);
  }

  /** REST answers each request once (a command that runs on is cut off after 60 s): streams need the API protocol. */
  stream<T>(op: Operation): AsyncIterable<T> {
    throw new RouterOSError(
      0,
      `${commandPath(op)} runs until stopped: it needs the API transport (createClient({ transport: "api", ... }))`,
    );
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** An operation as one REST request: the method, the path below the base, the JSON body, the query parameters. */
export interface RestRequest {
  method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST";
  /** `/ip/address/*1`: the id escaped as one segment (itemPath). */
  path: string;
  body?: object;
  query?: Record<string, string>;
}

/**
 * Verbs as HTTP methods on the menu or item URL (`list` with its filters as query parameters and `.proplist` as a
 * comma list), commands as POSTs, `print`'s `proplist` and `query` as `.proplist` and `.query`.
 */
export function restRequest(op: Operation): RestRequest {
  const item = () => itemPath(op.menu, op.id!);
  switch (op.verb) {
    case "list": {
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(op.filter ?? {}) as [string, string | undefined][])
        if (value !== undefined) query[key] = value;
      if (op.options?.proplist) query[".proplist"] = op.options.proplist.join(",");
      return { method: "GET", path: op.menu, query };
    }
    case "get":
      return { method: "GET", path: op.id === undefined ? op.menu : item() };
    case "add":
      return { method: "PUT", path: op.menu, ...(op.args ? { body: op.args } : {}) };
    case "set":
      return { method: "PATCH", path: item(), ...(op.args ? { body: op.args } : {}) };
    case "remove":
      return { method: "DELETE", path: item() };
    case "print": {
      const { proplist, query, ...rest } = (op.args ?? {}) as { proplist?: readonly string[]; query?: readonly string[] } & Wire;
      const body = { ...rest, ...(proplist ? { ".proplist": proplist } : {}), ...(query ? { ".query": query } : {}) };
      return { method: "POST", path: commandPath(op), body };
    }
    default:
      return { method: "POST", path: commandPath(op), ...(op.args ? { body: op.args } : {}) };
  }
}

/** Where an item lives: `.id` (`*1`) or name, escaped for the URL; never a dot segment (ids.ts). */
export const itemPath = (menu: string, id: string): string => `${menu}/${idSegment(id)}`;

/** `"true"`/`"yes"` → true, `"false"`/`"no"` → false, anything else → undefined. */
export function asBoolean(value: string | undefined): boolean | undefined {
  if (value === "true" || value === "yes") return true;
  if (value === "false" || value === "no") return false;
  return undefined;
}

/** `"1500"` → 1500; not a number → undefined. */
export function asNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A RouterOS duration in milliseconds: `"2d20h12m20s"`, `"500ms"`, `"30"`, `"00:00:30"`, `"1d00:00:00.5"`; else undefined. */
export function asDuration(value: string | undefined): number | undefined {
  return value === undefined ? undefined : durationMs(value);
}
