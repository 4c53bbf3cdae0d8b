/**
 * The MCP face of the engine: five tools, not one per operation. plan and
 * apply are listed only when the user opened a door; a closed server's list
 * is search, describe and read. Each server is one session, with its own plans.
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { HttpError, NetworkError, TrapError } from "../transport/index.js";
import { describeDoors } from "./doors.js";
import { MAX_REPLY_CHARS, Plans, type Engine } from "./engine.js";
import { ToolError } from "./errors.js";

const menu = z.string().describe("menu path, e.g. /ip/address");
const operation = z.string().describe("list, get, add, set, remove, or a command name (describe lists them)");
const id = z.string().optional().describe("item .id (*1) or name, for get/set/remove");
const args = z.record(z.string(), z.string()).optional().describe("RouterOS args, values as strings");

export function createMcpServer(engine: Engine, version: string): McpServer {
  const plans = new Plans();
  const server = new McpServer(
    { name: "rosapi", version },
    {
      instructions: `RouterOS ${engine.view.version} REST API (${describeDoors(engine.doors)}). Find menus with search, read describe before calling, read to show state${engine.doors.write.length || engine.doors.disruptive.length ? "; change through plan, then apply" : ""}.`,
    },
  );
  server.registerTool(
    "search",
    {
      description: "Find RouterOS menus, commands and args by words (e.g. 'dhcp lease').",
      inputSchema: { query: z.string(), limit: z.number().int().min(1).max(50).optional() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ query, limit }) => run(() => engine.search(query, limit)),
  );
  server.registerTool(
    "describe",
    {
      description: "A menu's operations (safety class, open or not), or one operation's args: types, allowed words, ranges, example.",
      inputSchema: { menu, operation: operation.optional() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ menu, operation }) => run(() => engine.describe(menu, operation)),
  );
  server.registerTool(
    "read",
    {
      description:
        "Run a read on the router: list (args filter; the default), get (a settings menu's default), print, or a monitor/probe bounded to end by itself. Changes nothing.",
      inputSchema: { menu, operation: operation.optional(), id, args },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    ({ menu, operation, id, args }) => run(() => engine.read(menu, operation, id, args ?? {})),
  );
  if (engine.doors.write.length || engine.doors.disruptive.length) {
    server.registerTool(
      "plan",
      {
        description: `Check a change against the document and show the exact request and the current state; sends nothing that changes. Open: ${describeDoors(engine.doors)}.`,
        inputSchema: { menu, operation, id, args },
        annotations: { readOnlyHint: true, openWorldHint: true },
      },
      ({ menu, operation, id, args }) => run(() => engine.plan(plans, menu, operation, id, args ?? {})),
    );
    server.registerTool(
      "apply",
      {
        description: "Send a plan's request to the router, once.",
        inputSchema: { plan: z.string().describe("the plan's id") },
        annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
      },
      ({ plan }) => run(() => engine.apply(plans, plan)),
    );
  }
  return server;
}

/** A tool's answer: text as it is, anything else as JSON; every failure a tool error with the router's own words. */
async function run(work: () => unknown): Promise<CallToolResult> {
  try {
    const value = await work();
    return { content: [{ type: "text", text: typeof value === "string" ? value : cut(JSON.stringify(value ?? null)) }] };
  } catch (err) {
    return { isError: true, content: [{ type: "text", text: failure(err) }] };
  }
}

function failure(err: unknown): string {
  if (err instanceof ToolError) return err.message;
  // RouterOS's own {error, message, detail}, as it sent it.
  if (err instanceof HttpError) return `RouterOS refused it: ${err.body === undefined ? `HTTP ${err.status}` : JSON.stringify(err.body)}`;
  // Over the API: the `!trap`'s message (and category).
  if (err instanceof TrapError)
    return `RouterOS refused it: ${JSON.stringify({ message: err.message, ...(err.category ? { category: err.category } : {}) })}`;
  if (err instanceof NetworkError) return `the router did not answer: ${err.message}`;
  return `internal error: ${err instanceof Error ? err.message : String(err)}`;
}

const cut = (text: string): string =>
  text.length <= MAX_REPLY_CHARS
    ? text
    : `${text.slice(0, MAX_REPLY_CHARS)}\n... cut at ${MAX_REPLY_CHARS} of ${text.length} characters: filter with args, or name properties with .proplist`;
