/**
 * One builder per kind of operation. Each returns a complete OpenAPI
 * operation carrying `x-routeros-*` extensions that name the menu, the
 * command and the REST verb, so that emitters never re-derive them.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Command, Menu } from "../model/types.js";
import { addSchema, type BuildContext } from "./context.js";
import { errorResponses } from "./errors.js";
import { menuLabel, menuUrl, pascalCase } from "./names.js";
import { argsSchema, itemSchema, type Schema } from "./schemas.js";
import { longRunning } from "../model/long-running.js";
import { isSelectorArg, takesItems, type MenuKind } from "../model/menu-kind.js";
import type { OperationExtensions, OperationObject, Verb } from "./extensions.js";
import { resolve } from "./refs.js";
import { safetyOf } from "./safety.js";

type Ref = OpenAPIV3.ReferenceObject;

/** Everything the operations of one menu share. */
export interface MenuScope {
  ctx: BuildContext;
  menu: Menu;
  path: string[];
  kind: MenuKind;
  /** Reference to the menu's item (or settings object) schema, made on first use. */
  item: () => Ref;
}

export function menuScope(ctx: BuildContext, menu: Menu, path: string[], kind: MenuKind): MenuScope {
  let item: Ref | undefined;
  return {
    ctx,
    menu,
    path,
    kind,
    item: () => (item ??= addSchema(ctx, pascalCase(path) || "Root", itemSchema(menu, ctx, kind === "items", menuLabel(path)))),
  };
}

/** Each menu is a tag of its own (`/ip/address`; root commands: `/`), so that no tag holds a thousand operations. */
function menuTag(scope: MenuScope): string {
  const label = menuLabel(scope.path);
  if (!scope.ctx.tags.has(label)) {
    const fallback = scope.path.length === 0 ? "Commands at the root of the menu tree (/ping, /export, ...)" : `The ${label} menu`;
    scope.ctx.tags.set(label, scope.menu.description ?? fallback);
  }
  return label;
}

/** The router's own text where it has one, then what the REST call does. */
const describe = (routerText: string | undefined, mapping: string): string => (routerText ? `${routerText}\n\n${mapping}` : mapping);

const json = (schema: Schema | Ref, description: string): OpenAPIV3.ResponseObject => ({
  description,
  content: { "application/json": { schema } },
});

const body = (schema: Ref): OpenAPIV3.RequestBodyObject => ({
  required: true,
  content: { "application/json": { schema } },
});

type Fields = Partial<OpenAPIV3.OperationObject> &
  Pick<OpenAPIV3.OperationObject, "summary" | "description" | "responses"> &
  Partial<OperationExtensions>;

function operation(scope: MenuScope, verb: Verb, name: string, fields: Fields): OperationObject {
  const menu = menuLabel(scope.path);
  const components = { components: { schemas: scope.ctx.schemas } };
  const media = (fields.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content["application/json"];
  const command = fields["x-routeros-command"];
  const bounds = fields["x-routeros-runs-until-stopped"]?.bounds;
  const args = media?.schema ? resolve<OpenAPIV3.SchemaObject>(components, media.schema) : undefined;
  const selector = Object.keys(args?.properties ?? {}).find(isSelectorArg);
  const extensions: OperationExtensions = {
    "x-routeros-menu": menu,
    "x-routeros-menu-kind": scope.kind,
    "x-routeros-verb": verb,
    "x-routeros-safety": safetyOf(components, {
      menu,
      verb,
      ...(command ? { command } : {}),
      ...(bounds ? { bounds } : {}),
      ...(args ? { body: args } : {}),
    }),
    ...(selector ? { "x-routeros-selector": selector } : {}),
  };
  return {
    operationId: scope.ctx.operationIds.claim([...scope.path, name].join(".")),
    tags: [menuTag(scope)],
    ...fields,
    ...extensions,
  };
}

/** `GET /rest/ip/address/{id}` and `the console's /ip/address print`, for descriptions. */
const rest = (method: string, scope: MenuScope, suffix = ""): string => `\`${method} /rest${menuUrl(scope.path)}${suffix}\``;
const consoleCommand = (scope: MenuScope, name: string): string => `\`${scope.path.length ? `${menuLabel(scope.path)} ` : "/"}${name}\``;

const PROPLIST_PARAM: Ref = { $ref: "#/components/parameters/Proplist" };

/** GET on a menu: the list of items, filtered by property values. */
export function listOperation(scope: MenuScope, filters: string[]): OperationObject {
  const filterParams: OpenAPIV3.ParameterObject[] = filters.map((name) => ({
    name,
    in: "query",
    required: false,
    description: `Only items whose \`${name}\` equals this value`,
    schema: { type: "string" },
  }));
  return operation(scope, "list", "list", {
    summary: `List ${menuLabel(scope.path)} items`,
    description: describe(
      scope.menu.commands["print"]?.description,
      `${rest("GET", scope)} runs ${consoleCommand(scope, "print")}: every item, each an object of strings. ` +
        "Query parameters keep the items whose property equals the value; `.proplist` names the properties to return.",
    ),
    parameters: [PROPLIST_PARAM, ...filterParams],
    responses: { "200": json({ type: "array", items: scope.item() }, "The items"), ...errorResponses(false) },
  });
}

/** GET on a settings menu: its one object. */
export function settingsOperation(scope: MenuScope): OperationObject {
  return operation(scope, "get", "get", {
    summary: `Get ${menuLabel(scope.path)}`,
    description: describe(
      scope.menu.commands["print"]?.description,
      `${rest("GET", scope)} runs ${consoleCommand(scope, "print")}: the menu's one settings object, every value a string. ` +
        `Change it with ${rest("POST", scope, "/set")}.`,
    ),
    parameters: [PROPLIST_PARAM],
    responses: { "200": json(scope.item(), "The settings"), ...errorResponses(false) },
  });
}

export function getOperation(scope: MenuScope): OperationObject {
  return operation(scope, "get", "get", {
    summary: `Get one ${menuLabel(scope.path)} item`,
    description: `${rest("GET", scope, "/{id}")}: the item with that \`.id\` (or name), as ${consoleCommand(scope, "print")} shows it, every value a string.`,
    parameters: [PROPLIST_PARAM],
    responses: { "200": json(scope.item(), "The item"), ...errorResponses(true) },
  });
}

export function addOperation(scope: MenuScope, args: Ref): OperationObject {
  return operation(scope, "add", "add", {
    summary: `Add a ${menuLabel(scope.path)} item`,
    description: describe(
      scope.menu.commands["add"]?.description,
      `${rest("PUT", scope)} runs ${consoleCommand(scope, "add")} with the body's properties as its arguments; the reply is the new item, \`.id\` included.`,
    ),
    requestBody: body(args),
    responses: { "200": json(scope.item(), "The created item, with its `.id`"), ...errorResponses(false) },
    "x-routeros-command": "add",
  });
}

export function setOperation(scope: MenuScope, args: Ref): OperationObject {
  return operation(scope, "set", "set", {
    summary: `Change a ${menuLabel(scope.path)} item`,
    description: describe(
      scope.menu.commands["set"]?.description,
      `${rest("PATCH", scope, "/{id}")} runs ${consoleCommand(scope, "set")} on that item with the body's properties as its arguments; the reply is the whole item.`,
    ),
    requestBody: body(args),
    responses: { "200": json(scope.item(), "The whole item after the change"), ...errorResponses(true) },
    "x-routeros-command": "set",
  });
}

export function removeOperation(scope: MenuScope): OperationObject {
  return operation(scope, "remove", "remove", {
    summary: `Remove a ${menuLabel(scope.path)} item`,
    description: describe(
      scope.menu.commands["remove"]?.description,
      `${rest("DELETE", scope, "/{id}")} runs ${consoleCommand(scope, "remove")} on that item.`,
    ),
    responses: { "204": { description: "Removed; the body is empty" }, ...errorResponses(true) },
    "x-routeros-command": "remove",
  });
}

/** POST <menu>/<command>: every console command, with its args as the body. */
export function commandOperation(scope: MenuScope, name: string, command: Command, args: Ref): OperationObject {
  const bound = longRunning(name, command);
  const notes = [
    command.description,
    `${rest("POST", scope, `/${name}`)} runs ${consoleCommand(scope, name)} with the body's properties as its arguments.`,
    bound &&
      `Runs until stopped: the REST API ends it after 60 s with 400 \`Session closed\`.` +
        (bound.length ? ` Bound it with ${bound.map((b) => `\`${b}\``).join(", ")}.` : ""),
  ].filter(Boolean);
  return operation(scope, "command", `${name}.post`, {
    summary: `Run ${menuLabel([...scope.path, name])}`,
    description: notes.join("\n\n"),
    requestBody: body(args),
    responses: { "200": json(commandReply(scope, name), replyDescription(name)), ...errorResponses(takesItems(command)) },
    "x-routeros-command": name,
    ...(bound ? { "x-routeros-runs-until-stopped": { bounds: bound } } : {}),
  });
}

function commandReply(scope: MenuScope, name: string): Schema | Ref {
  if (name === "print") return { type: "array", items: scope.item() };
  if (name === "add") return { $ref: "#/components/schemas/AddReply" };
  if (name === "get") return { $ref: "#/components/schemas/GetReply" };
  return { $ref: "#/components/schemas/CommandReply" };
}

function replyDescription(name: string): string {
  if (name === "print") return "The items";
  if (name === "add") return "The `.id` of the new item in `ret`";
  if (name === "get") return "The value in `ret`";
  return "A list of records, an object with the result, or an empty list";
}

/** The body schema of a command, registered once per command and shape (PUT and POST add share it). */
export function commandArgs(scope: MenuScope, name: string, command: Command, opts: { omit?: string } = {}): Ref {
  const suffix = opts.omit ? "Patch" : "Args";
  const key = `${[...scope.path, name].join("/")} ${suffix}`;
  let ref = scope.ctx.bodies.get(key);
  if (!ref) {
    ref = addSchema(
      scope.ctx,
      pascalCase([...scope.path, name]) + suffix,
      argsSchema(command, scope.ctx, {
        ...opts,
        print: name === "print",
        ...(name === "add" || name === "set" ? { menu: menuLabel(scope.path) } : {}),
        ...(name === "add" && scope.kind === "items" ? { add: true } : {}),
      }),
    );
    scope.ctx.bodies.set(key, ref);
  }
  return ref;
}
