/**
 * A page per pair of consecutive versions: the release checklist of
 * `rosapi diff` (breaking changes first, each with what a REST client sees),
 * then the same changes by menu, each menu with an anchor that its pages
 * link to.
 */
import type { ModelDiff } from "../../diff/diff.js";
import { lines, sentence, type Line } from "../../diff/format.js";
import type { OutputFile } from "../../io/files.js";
import { html } from "./html.js";
import { page } from "./layout.js";
import { diffPage, menuAnchor } from "./paths.js";

export interface VersionPair {
  from: string;
  to: string;
  diff: ModelDiff;
  /** The package sets of the two trees, where they differ: a change may come from a package, not the version. */
  packages?: [string, string];
  /** Each version's index, from the site's root. */
  fromIndex: string;
  toIndex: string;
}

const FOLD = 20;

export function diffPages(pairs: readonly VersionPair[]): OutputFile[] {
  return pairs.map((pair) => {
    const path = diffPage(pair.from, pair.to);
    const all = lines(pair.diff.changes);
    const numbered = all.map((line, i) => ({ line, id: `c-${i + 1}` }));
    const byMenu = new Map<string, { line: Line; id: string }[]>();
    for (const entry of numbered) for (const menu of entry.line.change.menus) byMenu.set(menu, [...(byMenu.get(menu) ?? []), entry]);
    const item = ({ line, id }: { line: Line; id: string }) => {
      const c = line.change;
      return html`<li id="${id}" class="change${c.breaking ? " breaking" : ""}">
        ${c.breaking ? html`<span class="badge breaking">breaking</span> ` : ""}${sentence(line)}${
          c.rest.length
            ? html`<ul>
                ${c.rest.map((r) => html`<li><code>${r}</code></li>`)}
              </ul>`
            : ""
        }${
          c.places && c.places.length > 1
            ? html`<details>
                <summary>${c.places.length} places</summary>
                <ul>
                  ${c.places.map((p) => html`<li><code>${p}</code></li>`)}
                </ul>
              </details>`
            : ""
        }
      </li>`;
    };
    const section = (title: string, breaking: boolean) => {
      const chosen = numbered.filter((e) => e.line.change.breaking === breaking);
      return chosen.length
        ? html`<h2>${title} (${chosen.length})</h2>
            <ol class="checklist">
              ${chosen.map(item)}
            </ol>`
        : "";
    };
    // The counts are those of the lists below (a change may read as several lines or lines as one).
    const breaking = numbered.filter((e) => e.line.change.breaking).length;
    const content = page(
      {
        path,
        title: `RouterOS ${pair.from} → ${pair.to}`,
        switcher: [],
        crumbs: [
          { text: pair.from, path: pair.fromIndex },
          { text: pair.to, path: pair.toIndex },
        ],
      },
      html`<h1>RouterOS ${pair.from} → ${pair.to}</h1>
        <p>${numbered.length} changes, ${breaking} of them breaking.</p>
        ${
          pair.packages
            ? html`<p class="caution">
                These trees have different package sets (${pair.from}: ${pair.packages[0]}; ${pair.to}: ${pair.packages[1]}): what one has
                and the other lacks may come from a package rather than the version.
              </p>`
            : ""
        }
        ${section("Breaking", true)} ${section("Not breaking", false)}
        <h2>By menu</h2>
        ${[...byMenu]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(
            ([menu, entries]) =>
              html`<section id="${menuAnchor(menu)}" aria-label="${menu}">
                <h3><code>${menu}</code></h3>
                <ul>
                  ${entries.slice(0, FOLD).map((e) => html`<li><a href="#${e.id}">${sentence(e.line)}</a></li>`)}${
                    entries.length > FOLD ? html`<li>and ${entries.length - FOLD} more above</li>` : ""
                  }
                </ul>
              </section>`,
          )}`,
    ).text;
    return { path, content };
  });
}
