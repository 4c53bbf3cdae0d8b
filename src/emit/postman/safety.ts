/**
 * What a request may do to the router, decided by allowlist from the
 * operation's facts (verb, command, the long-running knowledge), never from a
 * list of dangerous names: a command nobody classified is a change.
 *
 * The rule (also in the collection's description and the README):
 * - `reads`: GET (list, get); the commands `print`, `get`, `export` (sent
 *   without `file`); a monitor (`monitor`, `monitor-traffic`) bounded by
 *   `once`; a probe (`ping`, `traceroute`, `bandwidth-test`...) bounded by
 *   `count` or `duration` and aimed at the router itself (`127.0.0.1`);
 *   `/console/inspect`. Sent by default, with bodies that carry only what
 *   keeps them reading (no `file`, no `follow`, no flags).
 * - `adds`: PUT and POST `add`: the item is the run's own (added disabled
 *   where the menu has `disabled`). Sent by default.
 * - `own-item`: PATCH, DELETE, POST `set`/`remove` on an item: sent by
 *   default only on the item this run added (add → get → set → remove).
 * - `changes-router`: everything else (settings `set`, `reset`, `enable`,
 *   `move`, reboot, unknown commands of future versions...): skipped unless
 *   `allowDisruptive` is `true`.
 */
import type { OpenAPIV3 } from "openapi-types";
import { resolveValue, type Operation } from "../operations.js";
import { exampleValue, fits } from "./examples.js";
import { isSelectorArg } from "../../model/menu-kind.js";
import { PROBING, WATCHING } from "../../model/long-running.js";

export type Safety = "reads" | "adds" | "own-item" | "changes-router";

/** Commands that show and never write (once `file` is left out of the body). */
const SHOWING = new Set(["print", "get", "export"]);

/** A probe's target, set to the router itself. */
export const PROBE_TARGET = { arg: "address", value: "127.0.0.1" } as const;

export const takesItem = (op: Operation): boolean => Object.keys(op.body?.properties ?? {}).some(isSelectorArg);

const BOUND_VALUES: Record<string, string> = { count: "3", once: "", duration: "1s" };

/** The value that bounds a command by `bound`, if its schema takes one. */
export function boundValue(doc: OpenAPIV3.Document, op: Operation, bound: string): unknown {
  const schema = op.body?.properties?.[bound];
  if (!schema) return undefined;
  return fits(resolveValue(doc, schema).schema, BOUND_VALUES[bound]) ? BOUND_VALUES[bound] : exampleValue(doc, schema, undefined, bound);
}

/** The bound a reading command is sent with, if it is one: `once` for a monitor, `count` or `duration` for a probe whose target takes 127.0.0.1. */
export function readingBound(doc: OpenAPIV3.Document, op: Operation): "once" | "count" | "duration" | undefined {
  const bounds = (op.bounds ?? []).filter((b) => boundValue(doc, op, b) !== undefined);
  if (WATCHING.has(op.command ?? "")) return bounds.includes("once") ? "once" : undefined;
  const target = op.body?.properties?.[PROBE_TARGET.arg];
  if (!PROBING.has(op.command ?? "") || !target || !fits(resolveValue(doc, target).schema, PROBE_TARGET.value)) return undefined;
  return bounds.includes("count") ? "count" : bounds.includes("duration") ? "duration" : undefined;
}

export function safetyOf(doc: OpenAPIV3.Document, op: Operation): Safety {
  if (op.verb === "list" || op.verb === "get") return "reads";
  if (op.verb === "add") return "adds";
  if (op.verb === "set" || op.verb === "remove") return "own-item";
  const command = op.command ?? "";
  if (command === "add") return "adds";
  if (SHOWING.has(command) && !op.bounds) return "reads";
  if (readingBound(doc, op)) return "reads";
  if (op.menu === "/console" && command === "inspect") return "reads";
  if ((command === "set" || command === "remove") && takesItem(op)) return "own-item";
  return "changes-router";
}
