/**
 * One builder per kind of operation. Each returns a complete OpenAPI
 * operation carrying `x-routeros-*` extensions that name the menu, the
 * command and the REST verb, so that emitters never re-derive them.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Command, Menu } from "../model/types.js";
import { addSchema, type BuildContext } from "./context.js";
import { errorResponses } from "./errors.js";
import { menuLabel, pascalCase } from "./names.js";
import { argsSchema, itemSchema, type Schema } from "./schemas.js";
import { longRunning } from "../model/long-running.js";
import { takesItems } from "../model/menu-kind.js";

export type Verb = "list" | "get" | "add" | "set" | "remove" | "command";
type Operation = OpenAPIV3.OperationObject;
type Ref = OpenAPIV3.ReferenceObject;

/** Everything the operations of one menu share. */
export interface MenuScope {
  ctx: BuildContext;
  menu: Menu;
  path: string[];
  tag: string;
  /** Reference to the menu's item (or settings object) schema, made on first use. */
  item: () => Ref;
}

export function menuScope(ctx: BuildContext, menu: Menu, path: string[], tag: string, withId: boolean): MenuScope {
  let item: Ref | undefined;
  return {
    ctx,
    menu,
    path,
    tag,
    item: () => (item ??= addSchema(ctx, pascalCase(path) || "Root", itemSchema(menu, ctx, withId))),
  };
}

const json = (schema: Schema | Ref, description: string): OpenAPIV3.ResponseObject => ({
  description,
  content: { "application/json": { schema } },
});

const body = (schema: Ref): OpenAPIV3.RequestBodyObject => ({
  required: true,
  content: { "application/json": { schema } },
});

type Fields = Partial<Operation> & Pick<Operation, "summary" | "responses"> & { [ext: `x-${string}`]: unknown };

function operation(scope: MenuScope, verb: Verb, name: string, fields: Fields): Operation {
  const label = menuLabel(scope.path);
  return {
    operationId: scope.ctx.operationIds.claim([...scope.path, name].join(".")),
    tags: [scope.tag],
    ...fields,
    "x-routeros-menu": label,
    "x-routeros-verb": verb,
  } as Operation;
}

const PROPLIST_PARAM: Ref = { $ref: "#/components/parameters/Proplist" };

/** GET on a menu: the list of items, filtered by property values. */
export function listOperation(scope: MenuScope, filters: string[]): Operation {
  const filterParams: OpenAPIV3.ParameterObject[] = filters.map((name) => ({
    name,
    in: "query",
    required: false,
    description: `Only items whose \`${name}\` equals this value`,
    schema: { type: "string" },
  }));
  return operation(scope, "list", "list", {
    summary: `List ${menuLabel(scope.path)} items`,
    parameters: [PROPLIST_PARAM, ...filterParams],
    responses: { "200": json({ type: "array", items: scope.item() }, "The items"), ...errorResponses(false) },
  });
}

/** GET on a settings menu: its one object. */
export function settingsOperation(scope: MenuScope): Operation {
  return operation(scope, "get", "get", {
    summary: `Get ${menuLabel(scope.path)}`,
    parameters: [PROPLIST_PARAM],
    responses: { "200": json(scope.item(), "The settings"), ...errorResponses(false) },
  });
}

export function getOperation(scope: MenuScope): Operation {
  return operation(scope, "get", "get", {
    summary: `Get one ${menuLabel(scope.path)} item`,
    parameters: [PROPLIST_PARAM],
    responses: { "200": json(scope.item(), "The item"), ...errorResponses(true) },
  });
}

export function addOperation(scope: MenuScope, args: Ref): Operation {
  return operation(scope, "add", "add", {
    summary: `Add a ${menuLabel(scope.path)} item`,
    ...described(scope.menu.commands["add"]),
    requestBody: body(args),
    responses: { "200": json(scope.item(), "The created item, with its `.id`"), ...errorResponses(false) },
    "x-routeros-command": "add",
  });
}

export function setOperation(scope: MenuScope, args: Ref): Operation {
  return operation(scope, "set", "set", {
    summary: `Change a ${menuLabel(scope.path)} item`,
    ...described(scope.menu.commands["set"]),
    requestBody: body(args),
    responses: { "200": json(scope.item(), "The whole item after the change"), ...errorResponses(true) },
    "x-routeros-command": "set",
  });
}

export function removeOperation(scope: MenuScope): Operation {
  return operation(scope, "remove", "remove", {
    summary: `Remove a ${menuLabel(scope.path)} item`,
    ...described(scope.menu.commands["remove"]),
    responses: { "204": { description: "Removed; the body is empty" }, ...errorResponses(true) },
    "x-routeros-command": "remove",
  });
}

/** POST <menu>/<command>: every console command, with its args as the body. */
export function commandOperation(scope: MenuScope, name: string, command: Command, args: Ref): Operation {
  const bound = longRunning(name, command);
  const notes = [
    command.description,
    bound &&
      `Runs until stopped: the REST API ends it after 60 s with 400 \`Session closed\`.` +
        (bound.length ? ` Bound it with ${bound.map((b) => `\`${b}\``).join(", ")}.` : ""),
  ].filter(Boolean);
  return operation(scope, "command", `${name}.post`, {
    summary: `Run ${menuLabel([...scope.path, name])}`,
    ...(notes.length ? { description: notes.join("\n\n") } : {}),
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

const described = (command: Command | undefined): { description?: string } =>
  command?.description ? { description: command.description } : {};

/** The body schema of a command, registered once per command and shape (PUT and POST add share it). */
export function commandArgs(scope: MenuScope, name: string, command: Command, opts: { omit?: string } = {}): Ref {
  const suffix = opts.omit ? "Patch" : "Args";
  const key = `${[...scope.path, name].join("/")} ${suffix}`;
  let ref = scope.ctx.bodies.get(key);
  if (!ref) {
    ref = addSchema(scope.ctx, pascalCase([...scope.path, name]) + suffix, argsSchema(command, scope.ctx, { ...opts, print: name === "print" }));
    scope.ctx.bodies.set(key, ref);
  }
  return ref;
}
