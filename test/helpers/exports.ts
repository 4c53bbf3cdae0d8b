/**
 * The real `/export` files in ../shared/routeros-exports (see its README),
 * read by the configuration parser (src/config): each file parsed, and every
 * `add`/`set` line as menu, command and args, the way the router wrote them.
 * Tests skip with a clear message where that folder is absent.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { parseConfig, type ParsedConfig } from "../../src/config/index.js";

const EXPORTS_DIR = fileURLToPath(new URL("../../../shared/routeros-exports/", import.meta.url));
export const exportsPresent = existsSync(EXPORTS_DIR);
if (!exportsPresent) console.warn(`[rosapi tests] ${EXPORTS_DIR} is absent: tests over real RouterOS exports are skipped.`);

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

/** Every export file, parsed (name, text and parse), in name order. */
export function parsedExports(): { file: string; text: string; parsed: ParsedConfig }[] {
  if (!exportsPresent) return [];
  return readdirSync(EXPORTS_DIR)
    .filter((f) => f.endsWith(".rsc"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(EXPORTS_DIR, file), "utf8");
      return { file, text, parsed: parseConfig(text, file) };
    });
}

/** Every export's add/set lines. */
export function loadExports(): ExportLine[] {
  return parsedExports().flatMap(({ file, parsed }) =>
    parsed.items.flatMap((item): ExportLine[] => {
      if (item.kind !== "command" || (item.command !== "add" && item.command !== "set")) return [];
      const args = Object.fromEntries(item.args.flatMap((a) => (a.value?.text === undefined ? [] : [[a.name, a.value.text]])));
      return [
        {
          file,
          version: parsed.header.version ?? "unknown",
          menu: item.menu,
          command: item.command,
          selected: item.selector !== undefined,
          args,
        },
      ];
    }),
  );
}
