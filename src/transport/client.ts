/**
 * The RouterOS REST transport: keep-alive connections (undici Pool), HTTP
 * Basic auth, TLS options, a timeout per request, and JSON read whatever the
 * content type says.
 */
import { readFileSync } from "node:fs";
import { Pool } from "undici";
import { MAX_JSON_DEPTH, tooDeep } from "../io/door.js";
import { UserError } from "../io/errors.js";
import { readAtMost } from "../io/stream.js";
import { restRequest, type Operation, type RestRequest } from "../templates/runtime.js";
import { HttpError, NetworkError } from "./errors.js";
import type { RouterTransport } from "./router.js";
import { parseRouterUrl, restBase } from "./url.js";

export interface ClientOptions {
  /** `http(s)://host[:port]/rest`; where the API protocol is taken (openRouter), `api://host[:8728]` or `api-ssl://host[:8729]`. */
  url: string;
  user: string;
  password: string;
  /** Accept any certificate (a router's self-signed one). */
  insecure?: boolean;
  /** PEM file of the CA (or the router's certificate) to trust. */
  caFile?: string;
  /** Most requests in flight, and connections kept open. */
  connections?: number;
  /** Time limit of a request, its whole answer included. */
  timeoutMs?: number;
  /** Largest answer read; a larger one is cut off and refused. */
  maxReplyBytes?: number;
  /** `api://` to a router that is not this machine: send the password over plain TCP all the same. */
  allowPlaintextLogin?: boolean;
}

/** Time limit per request unless told otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * The largest answer read unless told otherwise: RouterOS's largest inspect
 * answer (the 592 time zones of /system/clock) is about 100 KiB.
 */
export const DEFAULT_MAX_REPLY_BYTES = 4 * 1024 * 1024;

/** An operation as one REST request (restRequest): the method, the path below the base with its query, the JSON body. */
export function restTarget(op: Operation): { method: RestRequest["method"]; path: string; body?: object } {
  const { method, path, body, query } = restRequest(op);
  const search = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : "";
  return { method, path: `${path}${search}`, ...(body ? { body } : {}) };
}

export class RestClient implements RouterTransport {
  readonly protocol = "rest";
  private readonly pool: Pool;
  private readonly base: string;
  private readonly auth: string;
  private readonly timeoutMs: number;
  private readonly maxReplyBytes: number;
  private readonly caFile: string | undefined;
  /** Requests sent over the network. */
  sent = 0;

  constructor(options: ClientOptions) {
    const url = parseRouterUrl(options.url);
    this.base = restBase(url);
    this.caFile = options.caFile;
    const ca = options.caFile ? readCa(options.caFile) : undefined;
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 8,
      keepAliveTimeout: 30_000,
      connect: options.insecure ? { rejectUnauthorized: false } : ca ? { ca } : {},
    });
    this.auth = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString("base64")}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxReplyBytes = options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES;
  }

  /** An operation as the generated client's REST transport sends it (restRequest). */
  call(op: Operation, timeoutMs?: number): Promise<unknown> {
    const { method, path, body } = restTarget(op);
    return this.request(method, path.slice(1), body, timeoutMs);
  }

  get(path: string, timeoutMs?: number): Promise<unknown> {
    return this.request("GET", path, undefined, timeoutMs);
  }

  post(path: string, body: unknown, timeoutMs?: number): Promise<unknown> {
    return this.request("POST", path, body, timeoutMs);
  }

  async request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body: unknown,
    timeoutMs = this.timeoutMs,
  ): Promise<unknown> {
    this.sent++;
    const what = `${method} ${path}`;
    let status: number;
    let bytes: Buffer;
    try {
      const res = await this.pool.request({
        method,
        path: `${this.base}/${path}`,
        headers: { authorization: this.auth, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.statusCode;
      const read = await readAtMost(res.body, this.maxReplyBytes);
      if (!read) throw new NetworkError("bad-reply", `answer to ${what} is larger than ${formatBytes(this.maxReplyBytes)}: cut off`);
      bytes = read;
    } catch (err) {
      if (err instanceof NetworkError) throw err;
      throw networkError(err, timeoutMs, this.caFile);
    }
    const json = parseReply(bytes, status, what);
    if (status >= 400) throw new HttpError(status, json);
    return json;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

export const MIB = 1024 * 1024;
const formatBytes = (bytes: number): string => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);

/** Bytes → JSON, refusing what no RouterOS sends: invalid UTF-8, nesting deeper than any file rosapi reads. */
function parseReply(bytes: Buffer, status: number, what: string): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NetworkError("bad-reply", `answer to ${what} is not valid UTF-8 (HTTP ${status})`);
  }
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new NetworkError("not-json", `answer to ${what} is not JSON (HTTP ${status}): ${oneLine(text.slice(0, 200)).slice(0, 80)}`);
  }
  if (tooDeep(json)) throw new NetworkError("bad-reply", `answer to ${what} is nested deeper than ${MAX_JSON_DEPTH} levels`);
  return json;
}

/** An HTML page or a stack trace, as one line of a message. */
const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

export function readCa(file: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch (err) {
    throw new UserError(`cannot read the CA file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----"))
    throw new UserError(`--ca ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  return pem;
}

function networkError(err: unknown, timeoutMs: number, caFile: string | undefined): NetworkError {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? "";
  if (e.name === "TimeoutError" || e.name === "AbortError" || code === "UND_ERR_ABORTED")
    return new NetworkError("timeout", `no answer within ${timeoutMs} ms`);
  if (["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"].includes(code))
    return new NetworkError("unreachable", `cannot connect (${code})`);
  if (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "DEPTH_ZERO_SELF_SIGNED_CERT") {
    const hint = caFile ? `the router's certificate is not the one in --ca ${caFile}, nor signed by it` : "use --insecure or --ca";
    return new NetworkError("tls", `TLS: ${e.message ?? code} (${hint})`);
  }
  // An https:// URL on a plain HTTP port: no retry will help.
  if (code.startsWith("ERR_SSL"))
    return new NetworkError("tls", `TLS handshake failed (${code}): does this port serve HTTPS? (RouterOS's www-ssl service, usually 443)`);
  return new NetworkError("reset", `connection lost (${code || e.message || "unknown"})`);
}
