/**
 * Walks the menu tree into OpenAPI paths, per the REST mapping in
 * design.md: item menus get list/get/add/set/remove, settings menus one
 * object, and every command of every menu is also POST <menu>/<command>.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Menu } from "../model/types.js";
import type { BuildContext } from "./context.js";
import { itemVerbs, menuKind, sortedNames } from "../model/menu-kind.js";
import { menuUrl } from "./names.js";
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

export function buildPaths(ctx: BuildContext): Paths {
  const paths: Paths = {};
  visitMenu(ctx, ctx.model.root, [], paths);
  return paths;
}

function visitMenu(ctx: BuildContext, menu: Menu, path: string[], paths: Paths): void {
  const kind = menuKind(menu);
  const scope = menuScope(ctx, menu, path, kind);
  if (path.length > 0) addRestOperations(scope, paths);
  for (const name of sortedNames(menu.commands)) {
    const command = menu.commands[name]!;
    paths[`${menuUrl(path)}/${name}`] = {
      post: { ...commandOperation(scope, name, command, commandArgs(scope, name, command)), ...versionExtensions(command) },
      ...versionExtensions(command),
    };
  }
  for (const name of sortedNames(menu.menus)) visitMenu(ctx, menu.menus[name]!, [...path, name], paths);
}

function addRestOperations(scope: MenuScope, paths: Paths): void {
  const { menu, path, kind } = scope;
  const url = menuUrl(path);
  if (kind === "settings") {
    if (menu.commands["print"])
      paths[url] = { get: { ...settingsOperation(scope), ...versionExtensions(menu.commands["print"]) }, ...versionExtensions(menu) };
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
  if (verbs.set)
    item.patch = { ...setOperation(scope, commandArgs(scope, "set", menu.commands["set"]!, { omit: "numbers" })), ...since("set") };
  if (verbs.remove) item.delete = { ...removeOperation(scope), ...since("remove") };
  if (item.get || item.patch || item.delete) paths[`${url}/{id}`] = { ...item, ...versionExtensions(menu) };
}
