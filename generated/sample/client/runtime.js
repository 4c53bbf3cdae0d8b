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
import { idSegment } from "./ids.js";
/**
 * An error reply of RouterOS (`{error, message, detail}`: `message` is the router's, such as `Not Found`,
 * `detail` says why, such as `no such item`), or a failure to get one (status 0).
 */
export class RouterOSError extends Error {
    status;
    detail;
    category;
    constructor(
    /** HTTP status (the reply's `error`); 0 when no reply came. Over the API: 401 for a refused login, else 0. */
    status, message, detail, 
    /** Over the API: the `!trap`'s `category`, when RouterOS gives one (status is then 0, `message` the trap's). */
    category) {
        super(message);
        this.status = status;
        this.detail = detail;
        this.category = category;
        this.name = "RouterOSError";
    }
}
/** A console command's word: `/interface/monitor-traffic`, `/ping`. */
export const commandPath = (op) => `${op.menu}/${op.verb === "print" ? "print" : op.command}`;
/** Values as RouterOS takes them: strings, lists joined with commas. */
export function toWire(body) {
    if (!body)
        return undefined;
    const out = {};
    for (const [key, value] of Object.entries(body)) {
        if (value === undefined)
            continue;
        out[key] = Array.isArray(value) ? (key === ".query" ? value : value.join(",")) : typeof value === "object" ? value : String(value);
    }
    return out;
}
/** The reply's text, read up to `max` bytes: past that, reading stops and the reply is refused. */
async function readCapped(res, max) {
    const chunks = [];
    let size = 0;
    // Leaving the loop early cancels the stream: the rest is never read.
    for await (const chunk of (res.body ?? [])) {
        size += chunk.length;
        if (size > max)
            break;
        chunks.push(chunk);
    }
    if (size > max)
        throw new RouterOSError(0, `reply larger than maxReplyBytes (${max} bytes)`);
    return Buffer.concat(chunks).toString("utf8");
}
export class RestTransport {
    base;
    auth;
    agent;
    timeoutMs;
    maxReplyBytes;
    constructor(options) {
        this.base = options.baseUrl.replace(/\/+$/, "");
        this.auth = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`;
        const tls = options.tls ?? {};
        this.agent = new Agent({ connect: tls.insecure ? { rejectUnauthorized: false } : tls.ca ? { ca: tls.ca } : {} });
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.maxReplyBytes = options.maxReplyBytes ?? 64 * 1024 * 1024;
    }
    async request(method, path, body, query) {
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
        }
        catch (err) {
            if (err instanceof RouterOSError)
                throw new RouterOSError(0, `${method} ${path} failed`, err.message);
            const e = err;
            const why = e.name === "TimeoutError" ? `no reply within ${this.timeoutMs} ms` : e.cause ? String(e.cause) : e.message;
            throw new RouterOSError(0, `${method} ${path} failed`, why);
        }
        // Some builds say text/plain: the body is JSON all the same.
        let json;
        try {
            json = text === "" ? undefined : JSON.parse(text);
        }
        catch {
            json = undefined;
        }
        if (!res.ok) {
            const error = (json ?? {});
            throw new RouterOSError(res.status, error.message ?? (res.statusText || `HTTP ${res.status}`), error.detail ?? (json === undefined ? text.slice(0, 200) || undefined : undefined));
        }
        return json;
    }
    /** An operation as REST has it (restRequest). */
    call(op) {
        const { method, path, body, query } = restRequest(op);
        return this.request(method, path, body, query);
    }
    /** REST answers each request once (a command that runs on is cut off after 60 s): streams need the API protocol. */
    stream(op) {
        throw new RouterOSError(0, `${commandPath(op)} runs until stopped: it needs the API transport (createClient({ transport: "api", ... }))`);
    }
    close() {
        return this.agent.close();
    }
}
/**
 * Verbs as HTTP methods on the menu or item URL (`list` with its filters as query parameters and `.proplist` as a
 * comma list), commands as POSTs, `print`'s `proplist` and `query` as `.proplist` and `.query`.
 */
export function restRequest(op) {
    const item = () => itemPath(op.menu, op.id);
    switch (op.verb) {
        case "list": {
            const query = {};
            for (const [key, value] of Object.entries(op.filter ?? {}))
                if (value !== undefined)
                    query[key] = value;
            if (op.options?.proplist)
                query[".proplist"] = op.options.proplist.join(",");
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
            const { proplist, query, ...rest } = (op.args ?? {});
            const body = { ...rest, ...(proplist ? { ".proplist": proplist } : {}), ...(query ? { ".query": query } : {}) };
            return { method: "POST", path: commandPath(op), body };
        }
        default:
            return { method: "POST", path: commandPath(op), ...(op.args ? { body: op.args } : {}) };
    }
}
/** Where an item lives: `.id` (`*1`) or name, escaped for the URL; never a dot segment (ids.ts). */
export const itemPath = (menu, id) => `${menu}/${idSegment(id)}`;
/** `"true"`/`"yes"` → true, `"false"`/`"no"` → false, anything else → undefined. */
export function asBoolean(value) {
    if (value === "true" || value === "yes")
        return true;
    if (value === "false" || value === "no")
        return false;
    return undefined;
}
/** `"1500"` → 1500; not a number → undefined. */
export function asNumber(value) {
    if (value === undefined || value.trim() === "")
        return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}
/** A RouterOS duration in milliseconds: `"2d20h12m20s"`, `"500ms"`, `"30"`, `"00:00:30"`, `"1d00:00:00.5"`; else undefined. */
export function asDuration(value) {
    return value === undefined ? undefined : durationMs(value);
}
