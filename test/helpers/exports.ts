/**
 * The real `/export` files in ../shared/routeros-exports (see its README),
 * read by the configuration parser (src/config): each file parsed, and every
 * `add`/`set` line as menu, command and args, the way the router wrote them.
 * Where that folder is absent: test/helpers/inputs.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseConfig, type ParsedConfig } from "../../src/config/index.js";
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
