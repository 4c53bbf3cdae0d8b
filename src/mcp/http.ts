/**
 * Streamable HTTP: loopback by default, every request carrying the bearer
 * token (its scheme in any case), and a Host and Origin that name the
 * address the server listens on (or one the user added: DNS rebinding and
 * cross-site pages stop here). Each MCP session (`Mcp-Session-Id`) has its
 * own server and so its own plans, with a limit on sessions.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { UserError } from "../io/errors.js";
import type { Engine } from "./engine.js";
import { LIMITS } from "./limits.js";
import { createMcpServer } from "./tools.js";

export interface HttpOptions {
  host: string;
  port: number;
  token: string;
  version: string;
  /** More `host[:port]` names the server may be reached under, beside the address it listens on. */
  allowHosts?: readonly string[];
}

export interface HttpServing {
  /** `http://127.0.0.1:PORT/mcp` */
  url: string;
  close(): Promise<void>;
}

/** A request body above this is refused: a tool call is small. */
const MAX_BODY = 1 << 20;

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

interface Session {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
}

export async function serveHttp(engine: Engine, options: HttpOptions): Promise<HttpServing> {
  const sessions = new Map<string, Session>();
  let hosts = new Set<string>();
  const http = createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://mcp").pathname !== "/mcp") return reply(res, 404, "not found: the MCP endpoint is /mcp");
    if (!hosts.has((req.headers.host ?? "").toLowerCase())) return reply(res, 403, "this Host is not the server's (--allow-host adds one)");
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.has(originHost(origin)))
      return reply(res, 403, "this Origin is not the server's (--allow-host adds one)");
    if (!authorized(req.headers.authorization, options.token))
      return reply(res, 401, "a bearer token is required (Authorization: Bearer <token>)");
    void handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, "internal error");
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = req.headers["mcp-session-id"];
    if (typeof id === "string") {
      const session = sessions.get(id);
      if (!session) return reply(res, 404, "no such session: start a new one");
      if (req.method !== "POST") return session.transport.handleRequest(req, res);
      const parsed = await body(req, res);
      return parsed === undefined ? undefined : session.transport.handleRequest(req, res, parsed);
    }
    if (req.method !== "POST") return reply(res, 400, "a session starts with POST initialize");
    if (sessions.size >= LIMITS.sessions) return reply(res, 503, `${LIMITS.sessions} sessions are open: close one first`);
    const parsed = await body(req, res);
    if (parsed === undefined) return;
    const server = createMcpServer(engine, options.version);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sid) => void sessions.set(sid, { transport, server }),
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      void server.close();
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, parsed);
  }

  await new Promise<void>((resolve, reject) => {
    http.once("error", (err: NodeJS.ErrnoException) =>
      reject(new UserError(`cannot listen on ${options.host}:${options.port}: ${err.code ?? err.message}`)),
    );
    http.listen(options.port, options.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  hosts = allowedHosts(options.host, port, options.allowHosts ?? []);
  return {
    url: `http://${bracketed(options.host)}:${port}/mcp`,
    close: async () => {
      for (const { transport } of sessions.values()) await transport.close();
      await close(http);
    },
  };
}

const bracketed = (host: string) => (host.includes(":") ? `[${host}]` : host);

/** The address listened on as `host:port`, its loopback aliases when it is loopback, and the user's own names. */
function allowedHosts(host: string, port: number, extra: readonly string[]): Set<string> {
  const names = LOOPBACK.has(host) ? [...LOOPBACK] : [host];
  return new Set([...names.map((name) => `${bracketed(name)}:${port}`), ...extra].map((name) => name.toLowerCase()));
}

/** `http://127.0.0.1:8765` → `127.0.0.1:8765`; anything unparsable names no host. */
function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return `${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`.toLowerCase();
  } catch {
    return "";
  }
}

/** `Bearer <token>`, the scheme in any case (RFC 9110), compared in constant time. */
function authorized(header: string | undefined, token: string): boolean {
  const match = /^bearer +(.*)$/i.exec(header ?? "");
  const given = Buffer.from(match?.[1] ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The JSON body, or undefined once a refusal was sent. */
async function body(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req));
  } catch (err) {
    reply(res, 400, err instanceof UserError ? err.message : "the body is not JSON");
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) return reject(new UserError(`the body is over ${MAX_BODY} bytes`));
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: message }));
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
