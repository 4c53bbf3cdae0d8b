/**
 * The simulator's answers as API sentences: what the REST side answers for a
 * call, turned into RouterOS's reply words (`!re` per row, `!done` with
 * `=ret=`, `!trap` with the REST error's text as its `message`).
 */
import type { Reply } from "../rest.js";

/** A value as a word carries it: strings as they are, anything else as its text. */
const text = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/** `=name=value` for each property of an item. */
export function itemWords(item: Record<string, unknown>): string[] {
  return Object.entries(item).map(([name, value]) => `=${name}=${text(value)}`);
}

/** The `!trap` of a failed command: `message`, and `category` where RouterOS's meaning is known (2: interrupted). */
export function trap(message: string, category?: number): string[] {
  return ["!trap", ...(category === undefined ? [] : [`=category=${category}`]), `=message=${message}`];
}

/** The text a REST error carries for a person: its detail, else its reason (`Unauthorized`). */
function errorText(body: unknown): string {
  const { detail, message } = (body ?? {}) as { detail?: unknown; message?: unknown };
  return String(detail ?? message ?? "failure");
}

/**
 * A REST reply as API sentences, ending with `!done`. `empty`: the router says `!empty` for a print that finds
 * nothing (RouterOS 7.18 and later).
 */
export function replySentences(reply: Reply, options: { print: boolean; empty: boolean }): string[][] {
  if (reply.status >= 400) return [trap(errorText(reply.body)), ["!done"]];
  const { body } = reply;
  if (Array.isArray(body)) {
    const rows = body.map((row) => ["!re", ...itemWords(row as Record<string, unknown>)]);
    if (rows.length === 0 && options.print && options.empty) rows.push(["!empty"]);
    return [...rows, ["!done"]];
  }
  if (body !== null && typeof body === "object") {
    const entries = Object.keys(body);
    // `add` and `get` with a value-name answer `{ret}`: over the API that is the `!done` sentence's own word.
    if (entries.length === 1 && entries[0] === "ret") return [["!done", ...itemWords(body as Record<string, unknown>)]];
    return [["!re", ...itemWords(body as Record<string, unknown>)], ["!done"]];
  }
  return [["!done"]];
}
