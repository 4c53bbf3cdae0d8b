/**
 * How a menu maps onto REST: a list of items, a single settings object, or
 * only commands. RouterOS does not say so directly; the commands tell.
 */
import type { Command, Menu } from "./types.js";

export type MenuKind = "items" | "settings" | "commands";

/** Args that name the items a command acts on: `numbers` (set, remove, enable...) or `number` (get). */
const SELECTOR_ARGS: ReadonlySet<string> = new Set(["numbers", "number"]);

/** Whether an arg names the items a command acts on rather than a value. */
export const isSelectorArg = (name: string): boolean => SELECTOR_ARGS.has(name);

/** Whether a command addresses items. */
export const takesItems = (command: Command | undefined): boolean => command !== undefined && Object.keys(command.args).some(isSelectorArg);

export function menuKind(menu: Menu): MenuKind {
  const { commands } = menu;
  const itemCommand = ["set", "remove", "get", "enable", "disable"].some((name) => takesItems(commands[name]));
  if (commands["print"] && (commands["add"] || itemCommand)) return "items";
  // /system/identity, /system/resource: print (and set/get) without item numbers.
  if (commands["print"] || commands["get"] || commands["set"]) return "settings";
  return "commands";
}

/** Which REST verbs an item menu supports, from the commands it has. */
export interface ItemVerbs {
  list: boolean;
  add: boolean;
  set: boolean;
  remove: boolean;
}

export function itemVerbs(menu: Menu): ItemVerbs {
  const { commands } = menu;
  return {
    list: commands["print"] !== undefined,
    add: commands["add"] !== undefined,
    set: takesItems(commands["set"]),
    remove: commands["remove"] !== undefined,
  };
}

/** Names of children in a stable order, so that output does not depend on the source's order. */
export const sortedNames = (record: Record<string, unknown>): string[] => Object.keys(record).sort();
