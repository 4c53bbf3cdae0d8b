/**
 * A version's tree as the checker reads it: menus and commands from the
 * model, each command's arg schemas, required args and defaults from the
 * document built for it (with its evidence), through the view.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Facts } from "../facts/index.js";
import type { Arg, Command, Menu, SchemaModel } from "../model/types.js";
import type { RequiredEvidence } from "../openapi/extensions.js";
import { buildView } from "../view/index.js";

type Schema = OpenAPIV3.SchemaObject;

interface CommandSchemas {
  /** Each arg's value schema, resolved. */
  args: Map<string, Schema>;
  /** On an add: what the evidence says it requires (`unknown` where no source says). */
  required?: RequiredEvidence;
}

export interface CheckTree {
  /** The tree as the user named it (`restraml:7.16`, a file). */
  label: string;
  /** The RouterOS version it describes (`unknown` when the tree carried none). */
  version: string;
  model: SchemaModel;
  /** The evidence resolved for its version (for the upgrade's changed defaults), when given. */
  facts?: Facts;
  /** The args' schemas of a command (`/ip/address`, `add`), undefined where the document has no such operation. */
  schemas(menu: string, command: string): CommandSchemas | undefined;
}

/** A resolved menu walk: the menus named, the command if one was, the words left over. */
export interface Resolved {
  /** The menu reached (`/ip/address`). */
  menu: string;
  node: Menu;
  command?: { name: string; node: Command };
  /** Index in the words of the first name that is neither a menu nor a command here (undefined: all resolved). */
  unknownAt?: number;
  /** Words after the command (`/ping 10.0.0.1`): its unnamed args. */
  extra?: string[];
}

/** Walks `words` from `start` (a menu path) down the tree: menus first, then at most one command. */
export function resolvePath(root: Menu, start: string, words: readonly string[]): Resolved | undefined {
  let node: Menu | undefined = root;
  const names: string[] = [];
  for (const name of start.split("/").filter(Boolean)) {
    node = Object.hasOwn(node.menus, name) ? node.menus[name] : undefined;
    if (!node) return undefined;
    names.push(name);
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const menu: Menu | undefined = Object.hasOwn(node.menus, word) ? node.menus[word] : undefined;
    if (menu) {
      node = menu;
      names.push(word);
      continue;
    }
    const command = Object.hasOwn(node.commands, word) ? node.commands[word] : undefined;
    const at = { menu: `/${names.join("/")}`, node };
    if (!command) return { ...at, unknownAt: i };
    return { ...at, command: { name: word, node: command }, ...(i < words.length - 1 ? { extra: words.slice(i + 1) } : {}) };
  }
  return { menu: `/${names.join("/")}`, node };
}

/** An arg of a command, by name. */
export const argOf = (command: Command, name: string): Arg | undefined =>
  Object.hasOwn(command.args, name) ? command.args[name] : undefined;

export function checkTree(model: SchemaModel, document: OpenAPIV3.Document, label: string, facts?: Facts): CheckTree {
  const view = buildView(document);
  const byCommand = new Map<string, CommandSchemas>();
  for (const op of view.operations) {
    if (!op.command || !op.body) continue;
    const key = `${op.menu} ${op.command}`;
    // The add's PUT and POST carry the same body: the first one read is kept.
    if (byCommand.has(key)) continue;
    const args = new Map<string, Schema>();
    for (const [name, value] of view.properties(op.body)) args.set(name, value.schema);
    const required = (op.body as { "x-routeros-evidence"?: { required?: RequiredEvidence } })["x-routeros-evidence"]?.required;
    byCommand.set(key, { args, ...(required ? { required } : {}) });
  }
  return {
    label,
    version: model.header.version ?? "unknown",
    model,
    ...(facts ? { facts } : {}),
    schemas: (menu, command) => byCommand.get(`${menu} ${command}`),
  };
}
