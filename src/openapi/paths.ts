/**
 * Walks the menu tree into OpenAPI paths, per the REST mapping in
 * design.md: item menus get list/get/add/set/remove, settings menus one
 * object, and every command of every menu is also POST <menu>/<command>.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Menu } from "../model/types.js";
import type { BuildContext } from "./context.js";
import { itemVerbs, menuKind, sortedNames } from "../model/menu-kind.js";
import { menuLabel, menuUrl } from "./names.js";
import {
  addOperation,
  commandArgs,
  commandOperation,
  getOperation,
  listOperation,
  menuScope,
  removeOperation,
  setOperation,
  settingsOperation,
  type MenuScope,
} from "./operations.js";
import { propertyNames } from "./schemas.js";
import { versionExtensions } from "./versions.js";

type Paths = OpenAPIV3.PathsObject;

/** Tag of the top-level menu a path lies under; commands at the root share the tag "root". */
function tagOf(ctx: BuildContext, path: string[], isMenu: boolean): string {
  const top = path.length > 1 || (isMenu && path.length === 1) ? path[0]! : "root";
  if (!ctx.tags.has(top)) {
    const description = top === "root" ? "Commands at the root of the menu tree (/ping, /export, ...)" : `The ${menuLabel([top])} menu`;
    ctx.tags.set(top, ctx.model.root.menus[top]?.description ?? description);
  }
  return top;
}

export function buildPaths(ctx: BuildContext): Paths {
  const paths: Paths = {};
  visitMenu(ctx, ctx.model.root, [], paths);
  return paths;
}

function visitMenu(ctx: BuildContext, menu: Menu, path: string[], paths: Paths): void {
  const kind = menuKind(menu);
  const scope = menuScope(ctx, menu, path, tagOf(ctx, path, true), kind === "items");
  if (path.length > 0) addRestOperations(scope, kind, paths);
  for (const name of sortedNames(menu.commands)) {
    const command = menu.commands[name]!;
    const commandScope = path.length === 0 ? { ...scope, tag: tagOf(ctx, [name], false) } : scope;
    paths[`${menuUrl(path)}/${name}`] = {
      post: { ...commandOperation(commandScope, name, command, commandArgs(commandScope, name, command)), ...versionExtensions(command) },
      ...versionExtensions(command),
    };
  }
  for (const name of sortedNames(menu.menus)) visitMenu(ctx, menu.menus[name]!, [...path, name], paths);
}

function addRestOperations(scope: MenuScope, kind: ReturnType<typeof menuKind>, paths: Paths): void {
  const { menu, path } = scope;
  const url = menuUrl(path);
  if (kind === "settings") {
    if (menu.commands["print"]) paths[url] = { get: { ...settingsOperation(scope), ...versionExtensions(menu.commands["print"]) }, ...versionExtensions(menu) };
    return;
  }
  if (kind !== "items") return;
  const verbs = itemVerbs(menu);
  // A merged model's spans: the path's from its menu, each operation's from its command.
  const since = (command: string) => versionExtensions(menu.commands[command]);
  const collection: OpenAPIV3.PathItemObject = {};
  if (verbs.list) collection.get = { ...listOperation(scope, propertyNames(menu)), ...since("print") };
  if (verbs.add) collection.put = { ...addOperation(scope, commandArgs(scope, "add", menu.commands["add"]!)), ...since("add") };
  if (Object.keys(collection).length > 0) paths[url] = { ...collection, ...versionExtensions(menu) };

  const item: OpenAPIV3.PathItemObject = { parameters: [{ $ref: "#/components/parameters/ItemId" }] };
  if (verbs.list) item.get = { ...getOperation(scope), ...since("print") };
  if (verbs.set) item.patch = { ...setOperation(scope, commandArgs(scope, "set", menu.commands["set"]!, { omit: "numbers" })), ...since("set") };
  if (verbs.remove) item.delete = { ...removeOperation(scope), ...since("remove") };
  if (item.get || item.patch || item.delete) paths[`${url}/{id}`] = { ...item, ...versionExtensions(menu) };
}
