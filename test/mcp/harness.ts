/**
 * An MCP client on a simulated router: the simulator on a dump, a recording
 * proxy in front of it (every request the "router" receives, over REST or the
 * API protocol), and the SDK's own client, connected in memory or to the built
 * CLI over stdio.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll } from "vitest";
import type { FactInput } from "../../src/facts/index.js";
import { createMcpServer, openEngine, type AuditEntry, type Engine } from "../../src/mcp/index.js";
import type { SchemaModel } from "../../src/model/types.js";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../src/simulator/index.js";
import { DEFAULT_SEED } from "../../src/simulator/store.js";
import { CLI } from "../helpers/cli.js";
import { loadDump, type Dump } from "../helpers/dumps.js";
import { recordingProxy, type Recorded, type Recorder } from "../emit/postman/recorder.js";
import { judge } from "../emit/postman/traffic.js";
import { recordingApiProxy } from "./api-recorder.js";

export const PASSWORD = "Zq7-mcp-test-Secret";

/** Items the attacks aim at (7.22.3 menus): children whose parent shares an arg, a script, the server's own user and another. */
const SEED = {
  ...DEFAULT_SEED,
  "/ip/address": [{ address: "10.0.0.1/24", interface: "ether1" }],
  "/tool/romon/port": [{ interface: "ether1" }],
  "/ip/dns/forwarders": [{ name: "fw1", "dns-servers": "1.1.1.1" }],
  "/ip/smb/users": [{ name: "guest" }],
  "/system/script": [{ name: "boot", source: "/system reboot" }],
  "/user": [
    { name: "admin", group: "full" },
    { name: "agent", group: "read" },
  ],
};

/**
 * Code the router would run, by the test's own list (the words, not
 * the server's rule): script bodies, event scripts, monitor `do`, `where`
 * expressions.
 */
export const CODE_ARG =
  /^(do|else|condition|command|cmd|entrypoint|in|on-error|on-event|where|do-where|script|source)$|-script$|^on-(up|down|login|logout|master|backup|fail|alert|message)$/;

/** The recorded requests that carry code in their body. */
export const carryingCode = (requests: Recorded[]): string[] =>
  requests
    .filter((r) => Object.keys(r.body).some((arg) => CODE_ARG.test(arg)))
    .map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`);

/** Requests that could change something (not GET, not a read command the Postman tests' judge clears), as `METHOD path`. */
export const changing = (requests: Recorded[]): Recorded[] =>
  requests.filter((r) => r.method !== "GET" && judge([r]).changes.length + (r.method === "PUT" || r.path.endsWith("/add") ? 1 : 0) > 0);

export interface Router {
  sim: RunningSimulator;
  recorder: Recorder;
  close(): Promise<void>;
}

/** The server reaches the router over REST, or over the API protocol (`api://`). */
export type Protocol = "rest" | "api";

export async function simulatedRouter(
  model: SchemaModel,
  options: Partial<SimulatorOptions> = {},
  protocol: Protocol = "rest",
): Promise<Router> {
  const sim = await startSimulator({ model, password: PASSWORD, ...options, ...(protocol === "api" ? { apiPort: 0 } : {}) });
  const recorder = protocol === "api" ? await recordingApiProxy(sim.apiPort!) : await recordingProxy(sim.url);
  return {
    sim,
    recorder,
    close: async () => {
      await recorder.close();
      await sim.close();
    },
  };
}

/**
 * The attacks' router, for the describe block that calls this: the dump's
 * model on a simulated router seeded with SEED (commands answered at once,
 * reached over REST or the API protocol),
 * made before the block's tests and closed after them.
 */
export function attackedRouter(file: Dump, protocol: Protocol = "rest"): { readonly model: SchemaModel; readonly router: Router } {
  const target = {} as { model: SchemaModel; router: Router };
  beforeAll(async () => {
    target.model = await loadDump(file);
    target.router = await simulatedRouter(target.model, { store: SEED, commandTimeoutMs: 1 }, protocol);
  });
  afterAll(() => target.router?.close());
  return target;
}

export interface Session {
  client: Client;
  call(name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }>;
  close(): Promise<void>;
}

function session(client: Client, close: () => Promise<void>): Session {
  return {
    client,
    call: async (name, args = {}) => {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      const text = result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");
      return { text, isError: result.isError === true };
    },
    close,
  };
}

/** The server in this process, the client linked to it in memory. */
export async function inMemory(
  model: SchemaModel,
  router: Router,
  doors: { allowWrite?: string[]; allowDisruptive?: string[]; allowProbe?: boolean; facts?: readonly FactInput[] } = {},
): Promise<Session & { engine: Engine; audit: AuditEntry[] }> {
  const audit: AuditEntry[] = [];
  const engine = await openEngine({
    model,
    url: router.recorder.url,
    user: "admin",
    password: PASSWORD,
    audit: (e) => audit.push(e),
    ...doors,
  });
  const server = createMcpServer(engine, "test");
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "rosapi-test", version: "1" });
  await client.connect(clientSide);
  return {
    ...session(client, async () => {
      await client.close();
      await server.close();
      await engine.close();
    }),
    engine,
    audit,
  };
}

/** `rosapi mcp ...args` started as a client starts it, over stdio; its stderr kept. */
export async function overStdio(args: string[], env: Record<string, string> = {}): Promise<Session & { stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, "mcp", ...args],
    env: { ...(process.env as Record<string, string>), ROUTER_PASSWORD: PASSWORD, ...env },
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: "rosapi-test", version: "1" });
  try {
    await client.connect(transport);
  } catch (err) {
    throw new Error(`rosapi mcp did not start: ${(err as Error).message}\n${stderr}`);
  }
  const over = session(client, () => client.close());
  // A server that exits mid-call says why on its stderr: the failure carries it.
  const call: Session["call"] = (name, args) =>
    over.call(name, args).catch((err: Error) => {
      throw new Error(`${err.message}\nrosapi mcp's stderr:\n${stderr}`);
    });
  return { ...over, call, stderr: () => stderr };
}
