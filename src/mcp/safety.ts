/**
 * The safety fact of an operation, as the Postman collection decides what it
 * sends: which class it is, and for a bounded read the args that keep it one.
 */
import type { EmitterView, ViewOperation } from "../emit/view.js";
import { boundValue, PROBE_TARGET, readingBound, safetyOf } from "../emit/postman/safety.js";

export type SafetyClass = "reads" | "adds" | "own-item" | "changes-router" | "disruptive";

export interface SafetyFact {
  class: SafetyClass;
  /** Args a bounded read must carry to stay a read (`{once: ""}`, `{count: "3", address: "127.0.0.1"}`). */
  readsWith?: Record<string, string>;
  /** Body args that would make a read write or stream. */
  readsWithout?: string[];
}

/** Args that stream, write files, or select by condition: a read leaves them out. */
const NOT_READING = ["follow", "follow-only", "file", "interval"];

/** Commands that end the router's service, its configuration or its licence: opened one by one. */
const DISRUPTIVE = new Set(["reboot", "shutdown", "reset-configuration", "upgrade", "downgrade", "install", "load", "import"]);
const DISRUPTIVE_MENUS = new Set(["/system/device-mode", "/system/license", "/password"]);

export function safetyFact(view: EmitterView, op: ViewOperation): SafetyFact {
  const safety = safetyOf(view.document, op);
  if (safety === "reads") {
    const bound = readingBound(view.document, op);
    const readsWith: Record<string, string> = {};
    if (bound) readsWith[bound] = String(boundValue(view.document, op, bound));
    if (bound && bound !== "once") readsWith[PROBE_TARGET.arg] = PROBE_TARGET.value;
    const readsWithout = NOT_READING.filter((arg) => op.body?.properties?.[arg]);
    return {
      class: "reads",
      ...(Object.keys(readsWith).length ? { readsWith } : {}),
      ...(readsWithout.length ? { readsWithout } : {}),
    };
  }
  if (safety === "changes-router" && (DISRUPTIVE.has(op.command ?? "") || DISRUPTIVE_MENUS.has(op.menu))) return { class: "disruptive" };
  return { class: safety };
}
