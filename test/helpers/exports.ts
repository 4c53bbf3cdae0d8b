/**
 * The real `/export` files in ../shared/routeros-exports (see its README):
 * every `add`/`set` line as menu, command and args, the way the router wrote
 * them. Where that folder is absent: test/helpers/inputs.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inputPresent, SHARED_DIR } from "./inputs.js";

const EXPORTS_DIR = join(SHARED_DIR, "routeros-exports/");
export const exportsPresent = inputPresent([EXPORTS_DIR], "tests over real RouterOS exports");

export interface ExportLine {
  file: string;
  /** RouterOS version the export names in its header (`7.18.2`). */
  version: string;
  /** `/ip/firewall/filter`. */
  menu: string;
  command: "add" | "set";
  /** `set` with a selector (`[ find ... ]`, a number): an item; else a settings menu or an add. */
  selected: boolean;
  args: Record<string, string>;
}

/** Joins `\` continuations, drops comments and blank lines. */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = pending ? raw.replace(/^\s+/, "") : raw;
    if (line.endsWith("\\") && !line.endsWith("\\\\")) {
      pending += line.slice(0, -1);
      continue;
    }
    const full = pending + line;
    pending = "";
    if (full.trim() && !full.startsWith("#")) out.push(full);
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", a: "\x07", b: "\b", f: "\f", v: "\v", _: " " };

/** Splits a command's text into words, unquoting `"..."` values with RouterOS escapes (`\"`, `\\`, `\$`, `\n`, `\41`). */
function words(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === " ") i++;
    if (i >= text.length) break;
    let word = "";
    let depth = 0;
    while (i < text.length && (text[i] !== " " || depth > 0)) {
      const c = text[i]!;
      if (c === "[") depth++;
      if (c === "]") depth--;
      if (c === '"' && depth === 0) {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === "\\") {
            const next = text[i + 1]!;
            const hex = /^[0-9A-F]{2}/.exec(text.slice(i + 1, i + 3));
            if (hex) {
              word += String.fromCharCode(parseInt(hex[0], 16));
              i += 3;
              continue;
            }
            word += ESCAPES[next] ?? next;
            i += 2;
            continue;
          }
          word += text[i++];
        }
        i++;
        continue;
      }
      word += c;
      i++;
    }
    out.push(word);
  }
  return out;
}

/** Parses one export file into its add/set lines. */
function parseExport(file: string, text: string): ExportLine[] {
  const version = /by RouterOS (\S+)/.exec(text)?.[1] ?? "unknown";
  const out: ExportLine[] = [];
  let menu = "/";
  for (const line of logicalLines(text)) {
    if (line.startsWith(":")) continue;
    let rest = line;
    if (line.startsWith("/")) {
      // `/ip firewall filter` alone, or terse: `/ip firewall filter add ...`.
      const tokens = line.slice(1).split(" ");
      const at = tokens.findIndex((t) => t === "add" || t === "set" || t.includes("="));
      const menuTokens = at < 0 ? tokens : tokens.slice(0, at);
      menu = `/${menuTokens.filter(Boolean).join("/")}`;
      if (at < 0) continue;
      rest = tokens.slice(at).join(" ");
    }
    const [command, ...parts] = words(rest);
    if (command !== "add" && command !== "set") continue;
    const args: Record<string, string> = {};
    let selected = false;
    let group = "";
    for (const part of parts) {
      const eq = part.indexOf("=");
      if (part.startsWith("[") || eq < 0) {
        selected = true;
        continue;
      }
      // `configuration.country=x .mode=ap`: a leading dot continues the previous arg's group.
      let name = part.slice(0, eq);
      if (name.startsWith(".") && group) name = group + name;
      else if (name.includes(".")) group = name.slice(0, name.indexOf("."));
      args[name] = part.slice(eq + 1);
    }
    out.push({ file, version, menu, command, selected, args });
  }
  return out;
}

/** Every export's add/set lines. */
export function loadExports(): ExportLine[] {
  if (!exportsPresent) return [];
  return readdirSync(EXPORTS_DIR)
    .filter((f) => f.endsWith(".rsc"))
    .sort()
    .flatMap((f) => parseExport(f, readFileSync(join(EXPORTS_DIR, f), "utf8")));
}
