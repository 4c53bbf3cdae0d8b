/**
 * Which requests may harm a real router when a whole folder or collection is
 * run: those that change or remove an existing item (the id variable may name
 * the first item a list showed, such as the port the engineer is connected
 * through), and those that change the router as a whole (reboot, settings).
 * They carry a pre-request guard (scripts.ts) instead of being left out, so
 * that every operation stays in the collection.
 */
import type { Operation } from "../operations.js";
import { isSelectorArg } from "../../model/menu-kind.js";

/** "item": runs only on the item this collection added; "router": only when allowed. */
export type Guard = "item" | "router";

/** Commands that restart the router, replace its configuration or run code whose effect nobody can tell. */
const ROUTER_COMMANDS = new Set(["reboot", "shutdown", "reset-configuration", "load", "install", "downgrade", "upgrade", "import", "run"]);

/** Commands that take an item and only read it. */
const READING = new Set(["get", "print", "export", "monitor"]);

const selectsItems = (op: Operation): boolean => Object.keys(op.body?.properties ?? {}).some(isSelectorArg);

/** PATCH of an item, or POST set on an item menu. */
export const changesItem = (op: Operation): boolean => op.verb === "set" || (op.command === "set" && selectsItems(op));

/** The guard a request needs, given the body it sends. */
export function guardOf(op: Operation, example: Record<string, unknown> | undefined): Guard | undefined {
  if (op.command && ROUTER_COMMANDS.has(op.command)) return "router";
  const changes = Object.keys(example ?? {}).filter((name) => !isSelectorArg(name));
  const commentOnly = changes.length === 1 && changes[0] === "comment";
  if (op.verb === "remove") return "item";
  if (changesItem(op)) return commentOnly ? undefined : "item";
  if (op.verb !== "command" || READING.has(op.command ?? "")) return undefined;
  if (selectsItems(op)) return "item";
  // A settings menu's set changes the router (its identity, its services...).
  return op.command === "set" ? "router" : undefined;
}
