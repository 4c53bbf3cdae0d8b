/**
 * restraml's dump formats (tikoci/restraml): `inspect.json` (tree + syntax
 * text of single-row args) and `deep-inspect.json` (plus `_completion` and
 * `_meta`). Import turns them into our model; export writes the deep shape
 * back, keeping only what restraml keeps, so crawls can be compared.
 */
import { UserError } from "../io/errors.js";
import { deriveProperties } from "./properties.js";
import type { Arg, Command, Completion, Menu, MenuNodeType, SchemaModel, SyntaxRow } from "./types.js";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "./types.js";

type Json = Record<string, unknown>;

interface RestramlCompletion {
  style: string;
  preference: number;
  desc?: string;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** True when `data` looks like a restraml tree: some child carries a `_type`. */
export function isRestramlTree(data: unknown): data is Json {
  if (!isObject(data)) return false;
  return Object.entries(data).some(([k, v]) => !k.startsWith("_") && isObject(v) && typeof v["_type"] === "string");
}

function isDeepInspect(data: Json): boolean {
  return "_meta" in data;
}

export function importRestraml(data: Json, file?: string): SchemaModel {
  const deep = isDeepInspect(data);
  const root = importMenu(data, "path", [], deep);
  deriveProperties(root);
  const meta = isObject(data["_meta"]) ? data["_meta"] : {};
  const version = typeof meta["version"] === "string" ? meta["version"] : versionFromPath(file);
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    header: {
      ...(version ? { version } : {}),
      source: { kind: deep ? "restraml-deep-inspect" : "restraml-inspect", ...(file ? { file } : {}) },
      unknown: [...(version ? [] : ["version"]), "architecture", "board", "packages"],
    },
    root,
  };
}

/**
 * restraml's inspect.json carries no version, but restraml files its dumps
 * under the version (`docs/7.20.8/inspect.json`, `docs/7.20.8/extra/...`):
 * the nearest folder named like a RouterOS version says it.
 */
export function versionFromPath(file: string | undefined): string | undefined {
  const folders = (file ?? "").split(/[\\/]/).slice(0, -1).reverse();
  return folders.find((name) => /^\d+\.\d+(\.\d+)?((beta|rc)\d+)?$/.test(name));
}

/** A node's children: the schema (schemas/restraml.schema.json) has checked that each is a node with a `_type`. */
function children(node: Json): [string, Json][] {
  // `desc` is the syntax text of an arg, not a child (an arg never has children).
  return Object.entries(node).filter(([name, value]) => !name.startsWith("_") && !(name === "desc" && typeof value === "string")) as [
    string,
    Json,
  ][];
}

function importMenu(node: Json, nodeType: MenuNodeType, path: string[], deep: boolean): Menu {
  const menu: Menu = { kind: "menu", nodeType, menus: {}, commands: {} };
  for (const [name, child] of children(node)) {
    const type = child["_type"];
    const childPath = [...path, name];
    if (type === "path" || type === "dir") menu.menus[name] = importMenu(child, type, childPath, deep);
    else if (type === "cmd") menu.commands[name] = importCommand(child, childPath, deep);
    else throw new UserError(`not a RouterOS tree: ${formatPath(childPath)} has _type ${String(type)} inside a menu`);
  }
  return menu;
}

function importCommand(node: Json, path: string[], deep: boolean): Command {
  const args: Record<string, Arg> = {};
  for (const [name, child] of children(node)) {
    if (child["_type"] !== "arg") {
      throw new UserError(`not a RouterOS tree: ${formatPath([...path, name])} inside a command is not an arg`);
    }
    args[name] = importArg(child, deep);
  }
  return { kind: "command", args };
}

function importArg(node: Json, deep: boolean): Arg {
  const arg: Arg = { kind: "arg" };
  // restraml keeps `desc` only for a single non-empty definition row.
  if (typeof node["desc"] === "string") arg.syntax = [definitionRow(node["desc"])];
  const completion = node["_completion"] as Record<string, Partial<RestramlCompletion>> | undefined;
  if (completion) {
    arg.completions = Object.entries(completion).map(([word, c]) => importCompletion(word, c));
  } else if (deep) {
    arg.completions = [];
  }
  return arg;
}

function importCompletion(word: string, c: Partial<RestramlCompletion>): Completion {
  return {
    word,
    style: c.style ?? "none",
    preference: c.preference ?? 0,
    ...(c.desc ? { text: c.desc } : {}),
  };
}

export function definitionRow(text: string): SyntaxRow {
  return { symbol: "", symbolType: "definition", text, nested: 0, nonorm: false };
}

/** restraml's `desc`: the text of a single-row syntax answer, when not empty. */
function restramlDesc(arg: Arg): string | undefined {
  const rows = arg.syntax;
  return rows && rows.length === 1 && rows[0]!.text !== "" ? rows[0]!.text : undefined;
}

/** Writes the model in restraml's deep-inspect shape (inspect shape when it has no completions). */
export function exportRestraml(model: SchemaModel): Json {
  const out = exportMenu(model.root);
  if (model.header.version) return { _meta: { version: model.header.version }, ...out };
  return out;
}

function exportMenu(menu: Menu): Json {
  const out: Json = {};
  // restraml lists children by name, menus and commands mixed.
  const names = [...Object.keys(menu.menus), ...Object.keys(menu.commands)].sort();
  for (const name of names) {
    const sub = menu.menus[name];
    out[name] = sub ? { _type: sub.nodeType, ...exportMenu(sub) } : exportCommand(menu.commands[name]!);
  }
  return out;
}

function exportCommand(command: Command): Json {
  const out: Json = { _type: "cmd" };
  for (const name of Object.keys(command.args).sort()) out[name] = exportArg(command.args[name]!);
  return out;
}

function exportArg(arg: Arg): Json {
  const out: Json = { _type: "arg" };
  const desc = restramlDesc(arg);
  if (desc !== undefined) out["desc"] = desc;
  if (arg.completions && arg.completions.length > 0) {
    const completion: Json = {};
    for (const c of arg.completions) {
      completion[c.word] = { style: c.style, preference: c.preference, ...(c.text ? { desc: c.text } : {}) };
    }
    out["_completion"] = completion;
  }
  return out;
}

function formatPath(path: readonly string[]): string {
  return "/" + path.join("/");
}
