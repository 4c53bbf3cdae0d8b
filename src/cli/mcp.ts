import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { InvalidArgumentError, type Command } from "commander";
import { UserError } from "../io/errors.js";
import { loadModel } from "../model/load.js";
import { resolveSource } from "../sources/index.js";
import { positive, routerConnection, routerOptions, type RouterFlags } from "./router-options.js";
import { action, UsageError, warn } from "./run.js";
import { TREE_HELP } from "./trees.js";
import { documentInputs, evidenceOptions, type EvidenceFlags } from "./document-inputs.js";

interface McpFlags extends RouterFlags, EvidenceFlags {
  from: string;
  rosVersion?: string;
  timeout: number;
  allowWrite: string[];
  allowDisruptive: string[];
  allowVersionMismatch?: boolean;
  allowProbe?: boolean;
  audit?: string;
  http?: number;
  host: string;
  tokenEnv?: string;
  allowHost: string[];
}

/** How long a server over stdio waits for its client's `tools/list` before it builds the document anyway. */
const CLIENT_GRACE_MS = 1000;

const list = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
];

const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("expected a port from 0 to 65535");
  return n;
};

export function registerMcp(program: Command): void {
  evidenceOptions(
    routerOptions(
      program
        .command("mcp")
        .description("Serve a router's REST API to AI agents (Model Context Protocol): read-only unless you open menus for writes"),
    ),
  )
    .requiredOption(
      "--from <tree>",
      `the router version's tree: ${TREE_HELP} (restraml's base and the cache: env ROSAPI_RESTRAML_BASE, ROSAPI_CACHE)`,
    )
    .option("--ros-version <version>", "the RouterOS version of a tree whose file carries none")
    .option("--timeout <ms>", "time limit per request to the router", positive, 10_000)
    .option(
      "--allow-write <menus>",
      "open writes (through plan, then apply) in these menus and those below them: ip/address,ip/firewall/filter",
      list,
      [],
    )
    .option(
      "--allow-disruptive <operations>",
      "open these disruptive operations one by one: system/reboot, system/scheduler/add (a write carrying code), user/set (the server's own password)",
      list,
      [],
    )
    .option("--allow-probe", "let read send a bounded ping or traceroute to any address (otherwise only to the router itself)")
    .option("--allow-version-mismatch", "serve a router whose version differs from the tree's, with a warning")
    .option("--audit <file>", "append every request sent to the router here, as JSON lines (default: stderr)")
    .option("--http <port>", "serve streamable HTTP on this port (0: a free one) instead of stdio", port)
    .option("--host <address>", "the address --http listens on", "127.0.0.1")
    .option("--token-env <var>", "the bearer token --http requires, from this environment variable (default: a new one, printed on stderr)")
    .option(
      "--allow-host <names>",
      "more names under which --http may be reached (Host and Origin), beside the address it listens on: mcp.example.net:8765",
      list,
      [],
    )
    .addHelpText(
      "after",
      "\nExamples:\n  ROUTER_PASSWORD=... rosapi mcp --from 7.22.3.json --url https://192.168.88.1/rest --user agent --password-env ROUTER_PASSWORD --ca router.pem\n  rosapi mcp --from 7.22.3.json --url http://127.0.0.1:8080/rest --user admin --allow-write ip/address --audit audit.jsonl",
    )
    .action(action(runMcp));
}

async function runMcp(flags: McpFlags): Promise<void> {
  if (flags.http === undefined && (flags.tokenEnv !== undefined || flags.host !== "127.0.0.1"))
    throw new UsageError(`${flags.tokenEnv !== undefined ? "--token-env" : "--host"} needs --http`);
  const token = flags.http === undefined ? undefined : httpToken(flags.tokenEnv);
  if (flags.user.includes(":"))
    throw new UsageError("--user takes a name only: give the password with --password-env, --password-file or at the prompt");
  if (flags.http === undefined && flags.allowHost.length) throw new UsageError("--allow-host needs --http");
  if (flags.audit) openAudit(flags.audit);
  const router = await routerConnection(flags);
  // Heavy imports here: other commands start without them.
  const { auditToFile, createMcpServer, describeDoors, startEngine, serveHttp } = await import("../mcp/index.js");
  const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
  // The tree is read and checked before anything is served: a broken file stops the start.
  const model = await loadModel(await resolveSource(flags.from), { rosVersion: flags.rosVersion });
  // The evidence (a fetch, then facts resolved for the model) is read with the document, after the tool list.
  let evidence: ReturnType<typeof documentInputs> | undefined;
  const starting = await startEngine(
    {
      model,
      ...router,
      timeoutMs: flags.timeout,
      allowWrite: flags.allowWrite,
      allowDisruptive: flags.allowDisruptive,
      allowVersionMismatch: flags.allowVersionMismatch ?? false,
      allowProbe: flags.allowProbe ?? false,
      audit: flags.audit ? auditToFile(flags.audit) : (entry) => process.stderr.write(`rosapi: audit ${JSON.stringify(entry)}\n`),
      warn,
    },
    async () => {
      const { inputs } = await (evidence = documentInputs(flags, [model], [flags.from]));
      return inputs[0]!.facts ? { facts: inputs[0]!.facts } : {};
    },
  );
  const version = packageVersion();
  const doors = describeDoors(starting.doors);
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  if (token !== undefined) {
    const engine = await starting.ready();
    for (const line of (await evidence!).lines) process.stderr.write(`rosapi: ${line}\n`);
    const serving = await serveHttp(engine, {
      host: flags.host,
      port: flags.http!,
      token: token.value,
      version,
      allowHosts: flags.allowHost,
    });
    if (flags.host !== "127.0.0.1" && flags.host !== "::1" && flags.host !== "localhost")
      warn(`--host ${flags.host}: the MCP endpoint is reachable from other machines; anyone with the token drives the router`);
    process.stderr.write(
      `rosapi mcp: RouterOS ${starting.version}, ${doors}, at ${serving.url}${token.generated ? `\n  bearer token: ${token.value}` : ""}\n`,
    );
    await stopped;
    await serving.close();
    await engine.close();
    return;
  }
  const server = createMcpServer(starting, version);
  const transport = new StdioServerTransport();
  const closed = Promise.race([stopped, new Promise<void>((resolve) => process.stdin.once("end", resolve))]);
  await server.connect(transport);
  // The tool list needs no document: it is answered first, and the document built once the client has it, or at
  // its first call (which waits for it), or when it leaves; without a client, a moment after start, so that a
  // refused start (a door naming nothing) is still said in one line.
  let asked!: () => void;
  const listed = new Promise<void>((resolve) => (asked = resolve));
  const unasked = setTimeout(asked, CLIENT_GRACE_MS);
  const deliver = transport.onmessage!;
  transport.onmessage = (message) => {
    deliver(message);
    if ("method" in message && message.method.startsWith("tools/")) setImmediate(asked);
  };
  const engine = await Promise.race([listed, closed])
    .finally(() => clearTimeout(unasked))
    .then(starting.ready)
    .catch(async (err: unknown) => {
      await server.close();
      throw err;
    });
  for (const line of (await evidence!).lines) process.stderr.write(`rosapi: ${line}\n`);
  process.stderr.write(`rosapi mcp: RouterOS ${starting.version}, ${doors}, over stdio\n`);
  // The client closing our stdin ends the session.
  await closed;
  await server.close();
  await engine.close();
}

/** The audit log: created readable by its owner only; an existing one that others can read is refused (it holds every request sent). */
function openAudit(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, "a", 0o600);
  } catch (err) {
    throw new UserError(`cannot write the audit log ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let stat;
  try {
    stat = fstatSync(fd);
  } finally {
    closeSync(fd);
  }
  if (stat.isFile() && stat.mode & 0o044)
    throw new UserError(
      `the audit log ${file} is readable by others (mode ${(stat.mode & 0o777).toString(8)}): chmod 600 it, or name a new file`,
    );
}

function httpToken(variable: string | undefined): { value: string; generated: boolean } {
  if (variable === undefined) return { value: randomBytes(24).toString("base64url"), generated: true };
  const value = process.env[variable];
  if (!value) throw new UserError(`environment variable ${variable} is not set (the bearer token --http requires)`);
  return { value, generated: false };
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
