/**
 * Schemas of values: one property per arg in request bodies, one per item
 * property in replies. Replies are strings only; the RouterOS type travels
 * in format/pattern and `x-routeros-type`.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Arg, Command, Menu } from "../model/types.js";
import { syntaxText } from "../model/syntax-text.js";
import type { BuildContext } from "./context.js";
import type { EvidenceExtensions, ValueSchema } from "./extensions.js";
import { argValueType, type ValueType } from "./types/index.js";
import { chooseDefault, menuFacts, requiredKeys, writtenValues } from "./evidence.js";
import { versionExtensions } from "./versions.js";

export type Schema = OpenAPIV3.SchemaObject;
/** Schemas carry RouterOS facts in `x-routeros-*` keys. */
type WithExtensions = Schema & { [key: `x-${string}`]: unknown };

/** The `.id` RouterOS gives every item: `*` and hex digits. */
const ID_SCHEMA: Schema = {
  type: "string",
  pattern: "^\\*[0-9A-Fa-f]+$",
  description: "Internal item id: `*` and hex digits",
  example: "*1",
  readOnly: true,
};

function decorate(base: Schema, vt: ValueType, arg: Arg, description: string | undefined): Schema {
  const syntax = syntaxText(arg.syntax);
  const schema: ValueSchema = {
    ...base,
    ...(description ? { description } : {}),
    "x-routeros-type": vt.routerosType,
    ...(syntax !== undefined ? { "x-routeros-syntax": syntax } : {}),
    ...vt.extensions,
  };
  return schema;
}

/**
 * One arg's value type; where the menu's evidence has a default the type
 * refuses, widened to accept it (the source saw RouterOS write it), so that
 * add, set and replies agree.
 */
function valueType(name: string, arg: Arg, ctx: BuildContext, menu: string | undefined): { vt: ValueType; widened: boolean } {
  const vt = argValueType(name, arg, ctx.types);
  const decision = menu === undefined ? undefined : menuFacts(ctx.facts, menu)?.defaults.get(name);
  const written = writtenValues(decision, vt.reply);
  return written.length ? { vt: argValueType(name, arg, ctx.types, written), widened: true } : { vt, widened: false };
}

/**
 * The default of a property in the form its schema accepts; with its evidence where `withEvidence` (once per
 * fact: on the add body of an item menu, on the object of a settings menu).
 */
function defaultKeys(schema: Schema, name: string, ctx: BuildContext, menu: string, widened: boolean, withEvidence: boolean): Schema {
  const decision = menuFacts(ctx.facts, menu)?.defaults.get(name);
  if (!decision) return {};
  const choice = chooseDefault(decision, schema, widened);
  const keys: Schema & EvidenceExtensions = {
    ...(choice.value !== undefined ? { default: choice.value } : {}),
    ...(withEvidence ? { "x-routeros-evidence": { default: choice.evidence } } : {}),
  };
  return keys;
}

/** The schema of one arg in a request body; `menu` (an add or set body's menu) brings in its evidence, `withDefault` its defaults (add). */
function argSchema(name: string, arg: Arg, ctx: BuildContext, menu?: string, withDefault = false): Schema {
  const { vt, widened } = valueType(name, arg, ctx, menu);
  const schema = decorate(vt.request, vt, arg, arg.description);
  return menu === undefined || !withDefault ? schema : { ...schema, ...defaultKeys(schema, name, ctx, menu, widened, true) };
}

/** The schema of an item property as replies carry it, typed by the arg of the same name, with its default. */
function propertySchema(
  name: string,
  arg: Arg | undefined,
  description: string | undefined,
  ctx: BuildContext,
  menu: Menu,
  label: string,
): Schema {
  if (!arg) return { type: "string", ...(description ? { description } : {}) };
  const { vt, widened } = valueType(name, arg, ctx, label);
  const schema = decorate(vt.reply, vt, arg, description ?? arg.description);
  return { ...schema, ...defaultKeys(schema, name, ctx, label, widened, !menu.commands["add"]) };
}

const PROPLIST: Schema = {
  description: "Properties to return: a comma-separated string or a list of names",
  oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
};

const QUERY: Schema = {
  type: "array",
  description: "API query words, e.g. `type=ether`, `name`, `-name`, `<mtu=1500`, `#|` (see the RouterOS API documentation)",
  items: { type: "string" },
};

export interface BodyOptions {
  omit?: string;
  print?: boolean;
  /** An add or set body: the menu whose evidence applies (`/ip/address`). */
  menu?: string;
  /** An add body: its required args and the properties' defaults. */
  add?: boolean;
}

/** A command's body: one property per arg (minus `omit`), nothing else; on an add body with evidence, what it requires. */
export function argsSchema(command: Command, ctx: BuildContext, opts: BodyOptions = {}): Schema {
  const properties: Record<string, Schema> = {};
  for (const name of Object.keys(command.args).sort()) {
    if (name === opts.omit) continue;
    properties[name] = { ...argSchema(name, command.args[name]!, ctx, opts.menu, opts.add), ...versionExtensions(command.args[name]) };
  }
  if (opts.print) Object.assign(properties, { ".proplist": PROPLIST, ".query": QUERY });
  const required = opts.add && opts.menu !== undefined && ctx.facts ? requiredKeys(menuFacts(ctx.facts, opts.menu), command.args) : {};
  return { type: "object", properties, additionalProperties: false, ...required };
}

/**
 * An item as GET returns it: the menu's properties (from print→proplist
 * completions), typed by the add/set arg of the same name; properties that
 * neither add nor set accept are read-only. Without completions the
 * properties fall back to the union of add and set args.
 */
export function itemSchema(menu: Menu, ctx: BuildContext, withId: boolean, label: string): Schema {
  const add = menu.commands["add"]?.args ?? {};
  const set = menu.commands["set"]?.args ?? {};
  const writableArg = (name: string): Arg | undefined => add[name] ?? set[name];
  const listed = menu.properties;
  const properties: Record<string, Schema> = withId ? { ".id": ID_SCHEMA } : {};
  for (const name of propertyNames(menu)) {
    const schema = propertySchema(name, writableArg(name), listed?.[name]?.description, ctx, menu, label);
    const versions = versionExtensions(listed?.[name] ?? writableArg(name));
    properties[name] = writableArg(name) ? { ...schema, ...versions } : { ...schema, readOnly: true, ...versions };
  }
  const schema: WithExtensions = {
    type: "object",
    properties,
    // RouterOS adds properties that no completion lists (e.g. `.about`), all strings; `{type: string}` here would
    // clash with the optional properties in generated TypeScript (TS2411), so the schema only says there may be more.
    additionalProperties: true,
    "x-routeros-properties-from": listed ? "completions" : "args",
  };
  return schema;
}

/** Args of add/set that select items or copy them, not properties of an item. */
const NOT_PROPERTIES = new Set(["numbers", "copy-from", "place-before", ".id"]);

/** An item's property names, sorted: from completions, else the union of add and set args. */
export function propertyNames(menu: Menu): string[] {
  const names = menu.properties
    ? Object.keys(menu.properties)
    : [...Object.keys(menu.commands["add"]?.args ?? {}), ...Object.keys(menu.commands["set"]?.args ?? {})];
  return [...new Set(names)].filter((n) => !NOT_PROPERTIES.has(n)).sort();
}
