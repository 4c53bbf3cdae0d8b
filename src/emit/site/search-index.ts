/**
 * The search index of one version: every menu, every command and every arg
 * (with its console syntax, the nearest thing a dump has to a description),
 * shipped as a script that assigns a global (a page opened from `file://`
 * may not `fetch()` a JSON file). Compact: operations, pages and texts are
 * tables that entries point into, an arg's label and anchor are its
 * operation's plus its name. The page's script scans it linearly: ~48,000
 * short entries answer in a few milliseconds, no inverted index needed.
 */
import type { EmitterView, MenuNode } from "../../view/index.js";
import { consoleCommand } from "./context.js";
import { scriptJson } from "./html.js";
import { argAnchor, menuPage, operationAnchor } from "./paths.js";

export const SEARCH_GLOBAL = "ROSAPI_SEARCH";

/**
 * - `pages`: menu pages, inside the version's folder;
 * - `texts`: details (summaries, syntax texts), each once;
 * - `ops`: `[page, anchor, label, console, order]` of each operation entries point to: its REST request
 *   (`PUT /ip/address`), its console words (`/ip/address add`), and where a noun query ranks it among the
 *   menu's commands (0 add, 1 the other item operations, 2 any other command);
 * - `entries`, in the order results rank their kinds: `[0, page, label]` a menu, `[1, op, text]` a command,
 *   `[2, op, name, text, anchor?]` an arg (its anchor given only where it is not the op's `--name`); text -1: none.
 */
export interface SearchIndex {
  pages: string[];
  texts: string[];
  ops: [number, string, string, string, number][];
  entries: ([0, number, string] | [1, number, number] | [2, number, string, number] | [2, number, string, number, string])[];
}

/** Where a noun query (`bridge port`) ranks a menu's commands: the item's add, then its other item operations. */
const ITEM_ORDER: Record<string, number> = { add: 0, print: 1, set: 1, remove: 1, get: 1 };

function table<T>(): { list: T[]; at(value: T): number } {
  const list: T[] = [];
  const index = new Map<T, number>();
  return { list, at: (value) => index.get(value) ?? (index.set(value, list.push(value) - 1), list.length - 1) };
}

function buildSearchIndex(view: EmitterView): SearchIndex {
  const pages = table<string>();
  const texts = table<string>();
  const text = (value: string | undefined) => (value ? texts.at(value) : -1);
  const ops: SearchIndex["ops"] = [];
  const entries: SearchIndex["entries"] = [];
  const walk = (node: MenuNode) => {
    const page = pages.at(menuPage(node.menu));
    if (node.menu !== "/") entries.push([0, page, node.menu]);
    // One entry per console command and arg: PUT and POST add share theirs, the first operation stands for both.
    const seen = new Set<string>();
    for (const op of node.operations) {
      const command = consoleCommand(op);
      const anchor = operationAnchor(op.method, op.path);
      // Only operations that entries name are listed (the others are reached through their menu).
      let index: number | undefined;
      const rest = `${op.method.toUpperCase()} ${op.path}`;
      const words = `${node.menu === "/" ? "" : node.menu} ${command}`.trim();
      const opIndex = () => (index ??= ops.push([page, anchor, rest, words, ITEM_ORDER[command] ?? 2]) - 1);
      if (!seen.has(command)) entries.push([1, opIndex(), text(op.operation.summary)]);
      seen.add(command);
      for (const [name, value] of op.body ? view.properties(op.body) : []) {
        if (seen.has(`${command} ${name}`)) continue;
        seen.add(`${command} ${name}`);
        const own = argAnchor(anchor, name);
        const detail = text(value.facts["x-routeros-syntax"]);
        entries.push(own === `${anchor}--${name}` ? [2, opIndex(), name, detail] : [2, opIndex(), name, detail, own]);
      }
    }
    for (const child of node.children.values()) walk(child);
  };
  walk(view.tree);
  return { pages: pages.list, texts: texts.list, ops, entries };
}

export const searchIndex = (view: EmitterView): string => `window.${SEARCH_GLOBAL}=${scriptJson(buildSearchIndex(view)).text};\n`;
