/**
 * What sending an operation may do to the router, decided by allowlist from
 * the operation's facts (verb, command, the long-running knowledge), never
 * from a list of dangerous names: a command nobody classified changes the
 * router. Only `disruptive` is a list, and it only ever makes a class stricter.
 *
 * - `reads`: GET (list, get); the commands `print`, `get`, `export` (sent
 *   without `file`); a monitor (`monitor`, `monitor-traffic`) bounded by
 *   `once`; a probe (`ping`, `traceroute`, `bandwidth-test`...) bounded by
 *   `count` or `duration` and aimed at the router itself (`127.0.0.1`);
 *   `/console/inspect`.
 * - `adds`: PUT and POST `add`.
 * - `own-item`: PATCH, DELETE, POST `set`/`remove` on one named item.
 * - `changes-router`: everything else (settings `set`, `reset`, `enable`,
 *   `move`, unknown commands of future versions...).
 * - `disruptive`: of those, what ends the session, loses configuration, the
 *   licence or the device mode, changes the installed software, or runs code
 *   (`/execute`, `/system/script/run`: code.ts).
 *
 * Beside the class, `code` names the body args that carry code (code.ts).
 */
import type { OpenAPIV3 } from "openapi-types";
import { isSelectorArg } from "../model/menu-kind.js";
import { carriesCode, RUNS_CODE } from "./code.js";
import { PROBING, WATCHING } from "../model/long-running.js";
import type { SafetyFact, Verb } from "./extensions.js";
import { resolveValue } from "./refs.js";
import { fits } from "./types/fits.js";

/** Commands that show and never write (once `readsWithout` is left out of the body). */
const SHOWING = new Set(["print", "get", "export"]);

/** A probe's target, set to the router itself. */
const PROBE_TARGET = { arg: "address", value: "127.0.0.1" } as const;

/** The value each bound is sent with, where its schema takes it. */
const BOUND_VALUES: Record<string, string> = { count: "3", once: "", duration: "1s" };

/** Args that make a reading command write a file or run until stopped (`interval` repeats a print; a probe's only paces it). */
const NOT_READING = ["file", "follow", "follow-only"];
const NOT_SHOWING = [...NOT_READING, "interval"];

/** Commands that are disruptive wherever they stand. */
const DISRUPTIVE_COMMANDS = new Set([
  "reboot",
  "shutdown",
  "reset-configuration",
  "upgrade",
  "firmware-upgrade",
  "downgrade",
  "uninstall",
  "apply-changes",
  "card-reinstall",
  "generate-new-id",
]);

/** Menus (not their sub-menus) where every change is disruptive: the device mode, the licence, the installed packages. */
const DISRUPTIVE_MENUS = ["/system/device-mode", "/system/license", "/system/package"];

/**
 * Commands disruptive at one place: a password, a whole configuration or database loaded, the session ended, new
 * software fetched to install (`install` reboots into it; `download` leaves it for the next reboot).
 */
const DISRUPTIVE_AT = new Set([
  "/password",
  "/quit",
  "/import",
  "/system/backup/load",
  "/user/expire-password",
  "/user-manager/database/load",
  "/dude/import-db",
  "/system/package/update/install",
  "/system/package/update/download",
]);

export interface SafetyInput {
  /** `/ip/address` (root: `/`). */
  menu: string;
  verb: Verb;
  command?: string;
  /** For commands that run until stopped: the args that bound them. */
  bounds?: string[];
  /** The request body's schema, resolved. */
  body?: OpenAPIV3.SchemaObject;
}

/** `root` resolves the `$ref`s in the body's properties (a document, or an object shaped like one). */
export function safetyOf(root: object, op: SafetyInput): SafetyFact {
  const property = (name: string) => {
    const schema = op.body?.properties?.[name];
    return schema ? resolveValue(root, schema).schema : undefined;
  };
  const code = Object.keys(op.body?.properties ?? {}).filter((name) => carriesCode(op.menu, name, property(name)));
  const fact = classOf(op, property);
  return code.length ? { ...fact, code } : fact;
}

function classOf(op: SafetyInput, property: (name: string) => OpenAPIV3.SchemaObject | undefined): SafetyFact {
  // Stryker disable next-line StringLiteral: equivalent, no command is named "" or "Stryker was here!"
  const command = op.command ?? "";
  const readsWithout = (SHOWING.has(command) ? NOT_SHOWING : NOT_READING).filter((name) => op.body?.properties?.[name]);
  const reads = (readsWith?: Record<string, string>): SafetyFact => ({
    class: "reads",
    ...(readsWith ? { readsWith } : {}),
    ...(readsWithout.length ? { readsWithout } : {}),
  });
  if (op.verb === "list" || op.verb === "get") return reads();
  if (op.verb === "add") return { class: "adds" };
  if (op.verb === "set" || op.verb === "remove") return { class: "own-item" };
  if (command === "add") return { class: "adds" };
  if (SHOWING.has(command) && !op.bounds) return reads();
  const readsWith = readingArgs(op, command, property);
  if (readsWith) return reads(readsWith);
  if (op.menu === "/console" && command === "inspect") return reads();
  if (isDisruptive(op.menu, command)) return { class: "disruptive" };
  const takesItem = Object.keys(op.body?.properties ?? {}).some(isSelectorArg);
  if ((command === "set" || command === "remove") && takesItem) return { class: "own-item" };
  return { class: "changes-router" };
}

function isDisruptive(menu: string, command: string): boolean {
  const at = `${menu === "/" ? "" : menu}/${command}`;
  return DISRUPTIVE_COMMANDS.has(command) || DISRUPTIVE_AT.has(at) || RUNS_CODE.has(at) || DISRUPTIVE_MENUS.includes(menu);
}

/** The value that bounds a command by `bound`, if its schema takes one: the usual value, else the schema's own example. */
function boundValue(schema: OpenAPIV3.SchemaObject | undefined, bound: string): string | undefined {
  if (!schema) return undefined;
  if (fits(schema, BOUND_VALUES[bound])) return BOUND_VALUES[bound];
  return schema.example === undefined ? undefined : String(schema.example);
}

/** The args a streaming command is sent with to read: `once` for a monitor, `count` or `duration` and the router itself for a probe. */
function readingArgs(
  op: SafetyInput,
  command: string,
  property: (name: string) => OpenAPIV3.SchemaObject | undefined,
): Record<string, string> | undefined {
  // Stryker disable next-line ArrayDeclaration: equivalent, a bound the body does not take has no value and is dropped
  const listed = op.bounds ?? [];
  const bounds = new Map(listed.flatMap((b) => [[b, boundValue(property(b), b)] as const]).filter(([, v]) => v !== undefined));
  if (WATCHING.has(command)) return bounds.has("once") ? { once: bounds.get("once")! } : undefined;
  const target = property(PROBE_TARGET.arg);
  if (!PROBING.has(command) || !target || !fits(target, PROBE_TARGET.value)) return undefined;
  const bound = bounds.has("count") ? "count" : bounds.has("duration") ? "duration" : undefined;
  return bound ? { [bound]: bounds.get(bound)!, [PROBE_TARGET.arg]: PROBE_TARGET.value } : undefined;
}
