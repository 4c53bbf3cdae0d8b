/**
 * A RouterOS REST simulator: `/console/inspect` and CRUD over a schema model,
 * on HTTP and HTTPS, with HTTP Basic auth and knobs for faults and delays.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Server as NetServer } from "node:net";
import { UserError } from "../io/errors.js";
import type { SchemaModel } from "../model/types.js";
import type { Facts } from "../facts/resolve.js";
import { selfSignedCertificate, type Certificate } from "./certificate.js";
import { Faults, type FaultOptions } from "./faults.js";
import { errorReply, RestApi, type Reply } from "./rest.js";
import { DEFAULT_SEED, Store, type StoreSeed } from "./store.js";
import { apiServer, type ApiServer } from "./api/server.js";
import { compareVersions } from "../model/merge.js";

export type { StoreSeed } from "./store.js";

export interface SimulatorOptions extends FaultOptions {
  model: SchemaModel;
  /** Default 127.0.0.1. */
  host?: string;
  /** HTTP port; 0 (the default) takes a free one. */
  port?: number;
  /** Also serve HTTPS: with a self-signed certificate made at start (true), or the one given. */
  https?: boolean | Certificate;
  httpsPort?: number;
  /** Also serve the API protocol (RouterOS's 8728) on this port, over the same state; 0 takes a free one. */
  apiPort?: number;
  /** Also serve the API over TLS (RouterOS's 8729) on this port, with the HTTPS certificate (made at start unless given). */
  apiTlsPort?: number;
  /** Default `admin` with an empty password, as a new router has. */
  user?: string;
  password?: string;
  /** Overrides the model's RouterOS version; without either, the simulator says none (as the tree it serves). */
  version?: string;
  /** Initial items: menu path → items (or the object of a settings menu). */
  store?: StoreSeed;
  /** Evidence of required args and defaults (src/facts/): adds without their required args are refused as RouterOS refuses them. */
  facts?: Facts;
  /** How long a command that runs until stopped holds its call before `Session closed` (RouterOS: 60 s). */
  commandTimeoutMs?: number;
  /** Largest request body read (and API sentence); a larger one is answered 413 (`!fatal`) and its connection closed. */
  maxBodyBytes?: number;
  /** How long a client may take to send a request's headers (an API sentence); the whole request gets twice as long. */
  headersTimeoutMs?: number;
}

/** API replies a client leaves unread past which its connection is dropped: a stream to a client that never reads. */
const API_MAX_QUEUED_BYTES = 16 * 1024 * 1024;

export const SIMULATOR_DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  httpsPort: 0,
  user: "admin",
  password: "",
  /** RouterOS ends a REST call that is still running after 60 s. */
  commandTimeoutMs: 60_000,
  /** REST bodies are a few args: 1 MiB is far above any, and far below what would weigh on memory. */
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
} as const;

type Defaulted = keyof typeof SIMULATOR_DEFAULTS;
export type ResolvedSimulatorOptions = Omit<SimulatorOptions, Defaulted> & {
  [K in Defaulted]: (typeof SIMULATOR_DEFAULTS)[K] extends string ? string : number;
};

export function resolveSimulatorOptions(options: SimulatorOptions): ResolvedSimulatorOptions {
  return {
    ...options,
    host: options.host ?? SIMULATOR_DEFAULTS.host,
    port: options.port ?? SIMULATOR_DEFAULTS.port,
    httpsPort: options.httpsPort ?? SIMULATOR_DEFAULTS.httpsPort,
    user: options.user ?? SIMULATOR_DEFAULTS.user,
    password: options.password ?? SIMULATOR_DEFAULTS.password,
    commandTimeoutMs: options.commandTimeoutMs ?? SIMULATOR_DEFAULTS.commandTimeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? SIMULATOR_DEFAULTS.maxBodyBytes,
    headersTimeoutMs: options.headersTimeoutMs ?? SIMULATOR_DEFAULTS.headersTimeoutMs,
  };
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT/rest` */
  url: string;
  httpsUrl?: string;
  /** The HTTPS (and API-over-TLS) certificate, for clients that pass it as `ca`. */
  caPem?: string;
  /** The API protocol's port, when served. */
  apiPort?: number;
  /** The API-over-TLS port, when served. */
  apiTlsPort?: number;
  /** Requests received so far, answered or not. */
  requests(): number;
  close(): Promise<void>;
}

export async function startSimulator(given: SimulatorOptions): Promise<RunningSimulator> {
  const options = resolveSimulatorOptions(given);
  const { model } = options;
  const version = options.version ?? model.header.version;
  const api = new RestApi(model, new Store(model.root, options.store ?? DEFAULT_SEED), version, options.commandTimeoutMs, options.facts);
  const faults = new Faults(options);
  const credentials = `${options.user}:${options.password}`;
  let count = 0;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const n = ++count;
    if (faults.isDown(n)) return void req.socket.destroy();
    readBody(req, options.maxBodyBytes)
      .then((text) => (text === undefined ? refuseBody(res) : answer(req, res, text)))
      .catch(() => req.socket.destroy());
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, text: string) => {
    const fate = faults.fate();
    if (fate === "reset") return void req.socket.destroy();
    await faults.halfTrip();
    let reply: Reply;
    const auth = req.headers.authorization ?? "";
    const url = new URL(req.url ?? "/", "http://router");
    const body = parseBody(text);
    if (!auth.startsWith("Basic ") || Buffer.from(auth.slice(6), "base64").toString() !== credentials) reply = errorReply(401);
    else if (!url.pathname.startsWith("/rest/")) reply = errorReply(400, "no such command or directory");
    else if (body === undefined) reply = errorReply(400, "JSON parse error");
    else {
      const tokens = url.pathname.slice(6).split("/").filter(Boolean).map(decodeURIComponent);
      const inspectPath = tokens.join("/") === "console/inspect" && body["request"] !== "child" ? String(body["path"] ?? "") : undefined;
      await faults.serve(inspectPath);
      reply =
        fate === "fail"
          ? errorReply(500, "simulated failure")
          : api.handle({ method: req.method ?? "GET", tokens, query: url.searchParams, body });
    }
    if (reply.holdMs) await new Promise((resolve) => setTimeout(resolve, reply.holdMs).unref());
    await faults.halfTrip();
    send(res, reply);
  };

  const wantsCertificate = options.https !== undefined && options.https !== false ? options.https : options.apiTlsPort !== undefined;
  const certificate = wantsCertificate === true ? await selfSignedCertificate() : wantsCertificate || undefined;
  const { host } = options;
  const limits = {
    keepAliveTimeout: 60_000,
    headersTimeout: options.headersTimeoutMs,
    requestTimeout: 2 * options.headersTimeoutMs,
    // How often Node looks for requests past those limits (its default, 30 s, would outlast a small limit).
    connectionsCheckingInterval: Math.min(options.headersTimeoutMs, 1000),
  };
  const session = {
    api,
    user: options.user,
    password: options.password,
    empty: version !== undefined && compareVersions(version, "7.18") >= 0,
    maxSentenceBytes: options.maxBodyBytes,
    sentenceTimeoutMs: options.headersTimeoutMs,
    maxQueuedBytes: API_MAX_QUEUED_BYTES,
  };
  const closers: (() => Promise<void>)[] = [];
  // A failed listen must not leave the others open: the process would never exit.
  const serve = async (server: NetServer, port: number, what: string, closer: () => Promise<void>): Promise<void> => {
    try {
      await listen(server, host, port, what);
    } catch (err) {
      await Promise.all(closers.map((c) => c()));
      throw err;
    }
    closers.push(closer);
  };
  const served = (what: string, port: number | undefined, tls?: boolean): Promise<ApiServer | undefined> => {
    if (port === undefined) return Promise.resolve(undefined);
    const server = apiServer(session, tls ? certificate : undefined);
    return serve(server.server, port, what, server.close).then(() => server);
  };
  const http = createHttpServer(limits, handler);
  await serve(http, options.port, "HTTP", () => close(http));
  const https = certificate && options.https ? createHttpsServer({ ...certificate, ...limits }, handler) : undefined;
  if (https) await serve(https, options.httpsPort, "HTTPS", () => close(https));
  const apiTcp = await served("the API", options.apiPort);
  const apiTls = await served("the API over TLS", options.apiTlsPort, true);
  const urlOf = (scheme: string, server: Server) => `${scheme}://${host}:${portOf(server)}/rest`;

  return {
    url: urlOf("http", http),
    ...(https ? { httpsUrl: urlOf("https", https) } : {}),
    ...(certificate ? { caPem: certificate.cert } : {}),
    ...(apiTcp ? { apiPort: portOf(apiTcp.server) } : {}),
    ...(apiTls ? { apiTlsPort: portOf(apiTls.server) } : {}),
    requests: () => count,
    close: async () => {
      await Promise.all(closers.map((c) => c()));
    },
  };
}

const portOf = (server: NetServer): number => (server.address() as AddressInfo).port;

/** The body as text, or undefined when it is larger than `max` bytes: then reading stops there. */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  if (Number(req.headers["content-length"] ?? 0) > max) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off("data", onData).pause();
      chunks.length = 0;
      resolve(undefined);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** 413, then the connection goes: the rest of the body is never read. */
function refuseBody(res: ServerResponse): void {
  res.shouldKeepAlive = false;
  send(res, errorReply(413));
  res.once("finish", () => res.socket?.destroy());
}

/** A JSON object body (empty means no args); undefined when it is not JSON or not an object. */
function parseBody(text: string): Record<string, unknown> | undefined {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = {};
  if (reply.status === 401) headers["www-authenticate"] = 'Basic realm="RouterOS"';
  if (reply.body === undefined) return void res.writeHead(reply.status, headers).end();
  const text = JSON.stringify(reply.body);
  headers["content-type"] = "application/json";
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(text);
}

function listen(server: NetServer, host: string, port: number, scheme: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      const why =
        err.code === "EADDRINUSE"
          ? "the port is in use"
          : err.code === "EACCES"
            ? "permission denied (ports below 1024 need privileges)"
            : (err.code ?? err.message);
      reject(new UserError(`cannot listen on ${host}:${port} for ${scheme}: ${why}`));
    });
    server.listen(port, host, () => resolve());
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
