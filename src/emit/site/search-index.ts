/**
 * The search index of one version: every menu, every command and every arg
 * (with its console syntax, the nearest thing a dump has to a description),
 * as one compact array, shipped as a script that assigns a global (a page
 * opened from `file://` may not `fetch()` a JSON file). The page's script
 * scans it: a linear scan over ~45,000 short entries answers in a few
 * milliseconds, so no prebuilt inverted index is needed.
 */
import type { EmitterView } from "../view.js";
import { consoleCommand } from "./context.js";
import { scriptJson } from "./html.js";
import { argAnchor, menuPage, operationAnchor } from "./paths.js";

export const SEARCH_GLOBAL = "ROSAPI_SEARCH";

/** Kinds of entries, in the order results rank them. */
const MENU = 0;
const COMMAND = 1;
const ARG = 2;

/** `[kind, page index, anchor, label, detail]`; the label's last word is the entry's name. */
type Entry = [number, number, string, string, string];

export function searchIndex(view: EmitterView): string {
  const pages: string[] = [];
  const pageIndex = new Map<string, number>();
  const page = (menu: string) => pageIndex.get(menu) ?? (pageIndex.set(menu, pages.push(menuPage(menu)) - 1), pages.length - 1);
  const entries: Entry[] = [];
  const walk = (menus: Iterable<EmitterView["tree"]>) => {
    for (const node of menus) {
      if (node.menu !== "/") entries.push([MENU, page(node.menu), "", node.menu, ""]);
      // One entry per console command and arg: PUT and POST add share theirs, the first operation stands for both.
      const seen = new Set<string>();
      for (const op of node.operations) {
        const command = consoleCommand(op);
        const anchor = operationAnchor(op.method, op.path);
        const label = `${node.menu === "/" ? "" : node.menu} ${command}`.trim();
        if (!seen.has(command)) entries.push([COMMAND, page(node.menu), anchor, label, op.operation.summary ?? ""]);
        for (const [name, value] of op.body ? view.properties(op.body) : []) {
          const key = `${command} ${name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          entries.push([ARG, page(node.menu), argAnchor(anchor, name), `${label} ${name}`, value.facts["x-routeros-syntax"] ?? ""]);
        }
        seen.add(command);
      }
      walk(node.children.values());
    }
  };
  walk([view.tree]);
  return `window.${SEARCH_GLOBAL}=${scriptJson({ pages, entries }).text};\n`;
}
