/**
 * Probe mode, for disposable routers only (a CHR in a pipeline): for every
 * menu with `add`, the evidence's method (`:local id [/m add]; :put $id;
 * /m remove $id` through /execute), its answer read into an observed-probe
 * row; defaults read back from a minimal add (removed again) and from
 * settings menus. Before anything, the router's identity must be the one
 * the user typed. Each menu's items are listed before and after: whatever the
 * probe created and left is removed, and reported.
 */
import type { Menu, SchemaModel } from "../model/types.js";
import { forEachMenu } from "../model/walk.js";
import { isSelectorArg, itemVerbs, menuKind } from "../model/menu-kind.js";
import { HttpError } from "../transport/errors.js";
import { UserError } from "../io/errors.js";
import type { ProbeMeta, ProbeRow } from "../facts/observed.js";
import { requiredArgsOf } from "./reading.js";

/** The REST calls a probe makes (a RestClient). */
interface ProbeTransport {
  get(path: string): Promise<unknown>;
  post(path: string, body: unknown): Promise<unknown>;
}

export interface ProbeOptions {
  transport: ProbeTransport;
  /** The tree whose menus are probed (crawled from, or a dump of, the same version). */
  model: SchemaModel;
  /** The router's identity (`/system/identity` name) as the user typed it: the confirmation that it is disposable. */
  confirm: string;
  /** Rows of an interrupted run (its checkpoint): those menus are not probed again. */
  done?: readonly ProbeRow[];
  /** Called after each menu, to checkpoint. */
  onRow?: (row: ProbeRow, done: number, total: number) => void | Promise<void>;
}

export interface ProbeResult {
  rows: ProbeRow[];
  meta: ProbeMeta & Record<string, unknown>;
  /** Items a probe created and did not remove (then removed here): `menu *id`. None on a router that behaves. */
  leftovers: string[];
}

const ID = /^\*[0-9A-Fa-f]+$/;
const label = (path: string[]) => "/" + path.join("/");
const url = (menu: string) => menu.slice(1);

/** What an error answer says: RouterOS's `detail`, or the message. */
function answerOf(err: unknown): string {
  if (err instanceof HttpError) return String((err.body as { detail?: unknown } | undefined)?.detail ?? err.message);
  throw err;
}

async function ids(t: ProbeTransport, menu: string): Promise<string[]> {
  const items = (await t.post(`${url(menu)}/print`, { ".proplist": ".id" })) as { ".id"?: string }[];
  return items.flatMap((i) => (i[".id"] ? [i[".id"]] : []));
}

const writableArgs = (menu: Menu, command: string) => Object.keys(menu.commands[command]?.args ?? {}).filter((n) => !isSelectorArg(n));

/** Values of `item` for `args`: the defaults it was given. */
const valuesOf = (item: Record<string, unknown>, args: string[]): Record<string, string> =>
  Object.fromEntries(args.filter((a) => typeof item[a] === "string").map((a) => [a, item[a] as string]));

async function probeAdd(t: ProbeTransport, menu: string, node: Menu): Promise<ProbeRow> {
  const script = `:local id [${menu} add]; :put $id; ${menu} remove $id`;
  const answer = await t
    .post("execute", { script, "as-string": "" })
    .then((reply) => String((reply as { ret?: unknown } | undefined)?.ret ?? ""))
    .catch(answerOf);
  const addArgs = writableArgs(node, "add");
  if (answer !== "" && !ID.test(answer)) return { path: menu, required: requiredArgsOf(answer, addArgs), hasAdd: true, rawError: answer };
  // Nothing required: a minimal add shows what the router fills in, then goes.
  const added = String(((await t.post(`${url(menu)}/add`, {})) as { ret?: unknown }).ret ?? "");
  const [item] = (await t.post(`${url(menu)}/print`, { ".query": [`.id=${added}`] })) as Record<string, unknown>[];
  await t.post(`${url(menu)}/remove`, { numbers: added });
  return {
    path: menu,
    required: [],
    hasAdd: true,
    rawError: "",
    defaults: valuesOf(item ?? {}, addArgs),
    defaultsFrom: "read-back-after-add",
  };
}

async function probeSettings(t: ProbeTransport, menu: string, node: Menu): Promise<ProbeRow> {
  const object = (await t.get(url(menu))) as Record<string, unknown>;
  return {
    path: menu,
    required: [],
    hasAdd: false,
    rawError: "",
    defaults: valuesOf(object, writableArgs(node, "set")),
    defaultsFrom: "fresh-router-value",
  };
}

/** The router's identity, checked against the confirmation, and what it is (version, architecture, board). */
async function confirmRouter(t: ProbeTransport, confirm: string): Promise<ProbeMeta & Record<string, unknown>> {
  const identity = String(((await t.get("system/identity")) as { name?: unknown }).name ?? "");
  if (identity !== confirm)
    throw new UserError(
      `this router's identity is "${identity}", not "${confirm}": probe mode adds and removes items on every menu, so it runs only on the disposable router you name`,
    );
  const resource = (await t.get("system/resource")) as Record<string, string>;
  const version = (resource["version"] ?? "").split(" ")[0];
  if (!version) throw new UserError("the router does not say its version (/system/resource)");
  return {
    routerosVersion: version,
    ...(resource["architecture-name"] ? { architecture: resource["architecture-name"] } : {}),
    ...(resource["board-name"] ? { board: resource["board-name"] } : {}),
    identity,
  };
}

export async function probeRouter(options: ProbeOptions): Promise<ProbeResult> {
  const t = options.transport;
  const meta = await confirmRouter(t, options.confirm);
  const menus: [string, Menu][] = [];
  forEachMenu(options.model.root, (menu, path) => {
    const kind = menuKind(menu);
    if (path.length > 0 && ((kind === "items" && itemVerbs(menu).add) || (kind === "settings" && menu.commands["set"])))
      menus.push([label(path), menu]);
  });
  const rows = [...(options.done ?? [])];
  const done = new Set(rows.map((r) => r.path));
  const leftovers: string[] = [];
  for (const [menu, node] of menus) {
    if (done.has(menu)) continue;
    let row: ProbeRow;
    if (menuKind(node) === "settings") row = await probeSettings(t, menu, node);
    else {
      const before = new Set(await ids(t, menu));
      row = await probeAdd(t, menu, node);
      for (const id of (await ids(t, menu)).filter((i) => !before.has(i))) {
        await t.post(`${url(menu)}/remove`, { numbers: id });
        leftovers.push(`${menu} ${id}`);
      }
    }
    rows.push(row);
    await options.onRow?.(row, rows.length, menus.length);
  }
  const adds = rows.filter((r) => r.hasAdd);
  return {
    rows,
    leftovers,
    meta: {
      ...meta,
      capturedAt: new Date().toISOString(),
      method:
        "rosapi probe: :local id [/m add]; :put $id; /m remove $id through /execute; defaults read back from a minimal add and from settings menus",
      totalMenus: adds.length,
      requiredMenus: adds.filter((r) => r.required.length > 0).length,
      settingsMenus: rows.length - adds.length,
    },
  };
}
