/**
 * `rosapi mcp`: the RouterOS REST API as a few tools for AI agents, over the
 * document of the router's own version, read-only unless the user opens a
 * door. Served over stdio or streamable HTTP.
 */
import { buildView, type EmitterView } from "../view/index.js";
import { UserError } from "../io/errors.js";
import type { SchemaModel } from "../model/types.js";
import { buildDocument, type DocumentInputs } from "../openapi/index.js";
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

const viewOf = async (model: SchemaModel, inputs: DocumentInputs): Promise<EmitterView> =>
  buildView((await buildDocument(model, inputs)).document);

/** The engine over the model's document, once the router has said it runs the document's version. */
export async function openEngine(options: McpOptions): Promise<Engine> {
  const { model, facts, overlays, arch } = options;
  const inputs: DocumentInputs = { ...(facts ? { facts } : {}), ...(overlays ? { overlays } : {}), ...(arch ? { arch } : {}) };
  const plain = Object.keys(inputs).length === 0;
  let view = plain ? views.get(model) : undefined;
  if (!view) {
    view = viewOf(model, inputs);
    if (plain) views.set(model, view);
  }
  return engineOver(await view, options);
}

async function engineOver(view: EmitterView, options: McpOptions): Promise<Engine> {
  const doors: Doors = {
    write: (options.allowWrite ?? []).map(menuName),
    disruptive: (options.allowDisruptive ?? []).map(menuName),
    ...(options.allowProbe ? { probe: true } : {}),
  };
  checkDoors(view, doors);
  const router = new Router(options, options.audit);
  try {
    const running = await routerVersion(router);
    if (running !== view.version) {
      const line = `the router runs RouterOS ${running ?? "(it did not say which)"}, the document describes ${view.version}`;
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
  return new Engine(view, router, doors, options.user);
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
