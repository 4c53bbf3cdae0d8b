/**
 * `rosapi mcp`: the RouterOS REST API as a few tools for AI agents, over the
 * document of the router's own version, read-only unless the user opens a
 * door. Served over stdio or streamable HTTP.
 */
import type { EmitterView } from "../view/index.js";
import { UserError } from "../io/errors.js";
import type { SchemaModel } from "../model/types.js";
import type { DocumentInputs } from "../openapi/index.js";
import { isLoginRefused, TrapError, type ClientOptions } from "../transport/index.js";
import { commandName, mayBeDisruptive, menuName, type Doors } from "./doors.js";
import { Engine } from "./engine.js";
import { Router, type AuditSink } from "./router.js";

export { createMcpServer } from "./tools.js";
export { serveHttp, type HttpOptions, type HttpServing } from "./http.js";
export { auditToFile, type AuditEntry, type AuditSink } from "./router.js";
export { Engine } from "./engine.js";
export { describeDoors, type Doors } from "./doors.js";

/** The document's inputs (evidence, overlays) as every command takes them: `describe` and `plan` read the evidence. */
export interface McpOptions extends ClientOptions, DocumentInputs {
  model: SchemaModel;
  /** Menus open for writes (`ip/address`) and disruptive commands named one by one (`system/reboot`). */
  allowWrite?: readonly string[];
  allowDisruptive?: readonly string[];
  /** read sends bounded probes (ping, traceroute) to any address. */
  allowProbe?: boolean;
  audit: AuditSink;
  /** Serve a router whose version differs from the document's, with a warning, instead of refusing it. */
  allowVersionMismatch?: boolean;
  warn?: (message: string) => void;
}

/** Views built, per model (without other inputs): a model serves several engines (sessions of tests, of a library user) at the cost of one build. */
const views = new WeakMap<SchemaModel, Promise<EmitterView>>();

/** The engine over the model's document, once the router has said it runs the document's version. */
export async function openEngine(options: McpOptions): Promise<Engine> {
  const { facts, overlays, arch } = options;
  const inputs = { ...(facts ? { facts } : {}), ...(overlays ? { overlays } : {}), ...(arch ? { arch } : {}) };
  return (await startEngine(options, inputs)).ready();
}

/**
 * An engine in two steps: what the tool list needs (the doors as given, the
 * model's version) at once, and the engine itself once the document is
 * built. A server answers `initialize` and `tools/list` before it builds;
 * every tool call waits for the build. `ready` starts the build (once) and
 * fails with its one-line reason (a door that names nothing, evidence that
 * cannot be read).
 */
export interface StartingEngine {
  doors: Doors;
  /** The RouterOS version the document will describe. */
  version: string;
  ready: () => Promise<Engine>;
}

/** Checks the router now (it answers, with the model's version); the document is built from `inputs` (read then, where a function) when `ready` is first called. */
export async function startEngine(
  options: Omit<McpOptions, keyof DocumentInputs>,
  inputs: DocumentInputs | (() => Promise<DocumentInputs>),
): Promise<StartingEngine> {
  const doors: Doors = {
    write: (options.allowWrite ?? []).map(menuName),
    disruptive: (options.allowDisruptive ?? []).map(menuName),
    ...(options.allowProbe ? { probe: true } : {}),
  };
  const version = options.model.header.version ?? "unknown";
  const router = await checkedRouter(options, version);
  let engine: Promise<Engine> | undefined;
  const build = async (): Promise<Engine> => {
    try {
      const view = await viewOf(options.model, typeof inputs === "function" ? await inputs() : inputs);
      checkDoors(view, doors);
      return new Engine(view, router, doors, options.user);
    } catch (err) {
      await router.close();
      throw err;
    }
  };
  return { doors, version, ready: () => (engine ??= build()) };
}

/** The view of the model's document: built once per model where no other inputs are given. */
function viewOf(model: SchemaModel, inputs: DocumentInputs): Promise<EmitterView> {
  const plain = Object.keys(inputs).length === 0;
  let view = plain ? views.get(model) : undefined;
  if (!view) {
    view = buildViewOf(model, inputs);
    if (plain) views.set(model, view);
  }
  return view;
}

/** The builders are imported at the first build: a server answers its tool list without them. */
async function buildViewOf(model: SchemaModel, inputs: DocumentInputs): Promise<EmitterView> {
  const [{ buildDocument }, { buildView }] = await Promise.all([import("../openapi/index.js"), import("../view/index.js")]);
  return buildView((await buildDocument(model, inputs)).document);
}

/** The router, once it has answered with the document's version (or the user allowed another). */
async function checkedRouter(options: Omit<McpOptions, keyof DocumentInputs>, version: string): Promise<Router> {
  const router = new Router(options, options.audit);
  try {
    const running = await routerVersion(router);
    if (running !== version) {
      const line = `the router runs RouterOS ${running ?? "(it did not say which)"}, the document describes ${version}`;
      if (!options.allowVersionMismatch) throw new UserError(`${line}: crawl this router, or pass --allow-version-mismatch`);
      options.warn?.(`${line}; serving it anyway (--allow-version-mismatch)`);
    }
  } catch (err) {
    await router.close();
    if (err instanceof UserError) throw err;
    if (isLoginRefused(err))
      throw new UserError(
        `the router at ${options.url} refused user ${options.user}: wrong name or password (${err instanceof TrapError ? err.message : "HTTP 401"})`,
      );
    throw new UserError(`cannot reach the router at ${options.url}: ${(err as Error).message}`);
  }
  return router;
}

/** A door that names nothing in this version is a typo, not a silent no-op. */
function checkDoors(view: EmitterView, doors: Doors): void {
  for (const menu of doors.write)
    if (!view.operations.some((op) => op.menu === menu || op.menu.startsWith(`${menu}/`)))
      throw new UserError(`--allow-write ${menu.slice(1)}: RouterOS ${view.version} has no menu ${menu}`);
  for (const name of doors.disruptive) {
    const ops = view.operations.filter((o) => commandName(o) === name);
    if (ops.length === 0) throw new UserError(`--allow-disruptive ${name.slice(1)}: RouterOS ${view.version} has no operation ${name}`);
    if (!ops.some(mayBeDisruptive))
      throw new UserError(
        `--allow-disruptive ${name.slice(1)}: ${name} is not disruptive (${ops[0]!.safety.class}); --allow-write ${ops[0]!.menu.slice(1)} opens it`,
      );
  }
}

/** `7.22.3 (stable)` → `7.22.3`. */
async function routerVersion(router: Router): Promise<string | undefined> {
  const resource = (await router.send("start", { menu: "/system/resource", verb: "get" })) as { version?: string } | undefined;
  return resource?.version?.split(" ")[0];
}
