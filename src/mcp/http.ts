/**
 * Streamable HTTP: loopback by default, every request carrying the bearer
 * token. Stateless: each POST gets a fresh MCP server over the one engine
 * (plans live in the engine, so a plan made in one request applies in the next).
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { UserError } from "../io/errors.js";
import type { Engine } from "./engine.js";
import { createMcpServer } from "./tools.js";

export interface HttpOptions {
  host: string;
  port: number;
  token: string;
  version: string;
}

export interface HttpServing {
  /** `http://127.0.0.1:PORT/mcp` */
  url: string;
  close(): Promise<void>;
}

/** A request body above this is refused: a tool call is small. */
const MAX_BODY = 1 << 20;

export async function serveHttp(engine: Engine, options: HttpOptions): Promise<HttpServing> {
  const expected = Buffer.from(`Bearer ${options.token}`);
  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const http = createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://mcp").pathname !== "/mcp") return reply(res, 404, "not found: the MCP endpoint is /mcp");
    if (!authorized(req)) return reply(res, 401, "a bearer token is required (Authorization: Bearer <token>)");
    if (req.method !== "POST") return reply(res, 405, "this server is stateless: POST only");
    void handle(engine, options.version, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", (err: NodeJS.ErrnoException) =>
      reject(new UserError(`cannot listen on ${options.host}:${options.port}: ${err.code ?? err.message}`)),
    );
    http.listen(options.port, options.host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}/mcp`,
    close: () => close(http),
  };
}

async function handle(engine: Engine, version: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (err) {
    return reply(res, 400, err instanceof UserError ? err.message : "the body is not JSON");
  }
  const server = createMcpServer(engine, version);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  } catch {
    if (!res.headersSent) reply(res, 500, "internal error");
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
