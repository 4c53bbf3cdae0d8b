/**
 * A page per pair of consecutive versions: the release checklist of
 * `rosapi diff` (breaking changes first, each with what a REST client sees),
 * then the same changes by menu, each menu with an anchor that its pages
 * link to.
 */
import type { Change, ModelDiff } from "../../diff/diff.js";
import type { Gap } from "../../diff/gaps.js";
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
  /** Changes that other trees of the site contradict: a node only the newer dump lacks, or only the older one. */
  gaps?: ReadonlyMap<Change, Gap>;
  /** Each version's index, from the site's root. */
  fromIndex: string;
  toIndex: string;
}

const FOLD = 20;

/** What a gap's line says in place of removed or added. */
const GAP_VERB: Record<Gap, string> = { absent: "absent from this dump", back: "back after a dump that lacked it" };

export function diffPages(pairs: readonly VersionPair[]): OutputFile[] {
  return pairs.map((pair) => {
    const path = diffPage(pair.from, pair.to);
    const gapOf = (c: Change) => pair.gaps?.get(c);
    // Gaps apart, so that no line joins a gap with a real change.
    const all = [...lines(pair.diff.changes.filter((c) => !gapOf(c))), ...lines(pair.diff.changes.filter((c) => gapOf(c)))];
    const numbered = all.map((line, i) => ({ line, id: `c-${i + 1}`, gap: gapOf(line.change) }));
    const say = (e: { line: Line; gap?: Gap }) => (e.gap ? sentence(e.line, GAP_VERB[e.gap]) : sentence(e.line));
    const byMenu = new Map<string, (typeof numbered)[number][]>();
    for (const entry of numbered) for (const menu of entry.line.change.menus) byMenu.set(menu, [...(byMenu.get(menu) ?? []), entry]);
    const item = (entry: (typeof numbered)[number]) => {
      const c = entry.line.change;
      const breaking = c.breaking && !entry.gap;
      return html`<li id="${entry.id}" class="change${breaking ? " breaking" : entry.gap ? " gap" : ""}">
        ${breaking ? html`<span class="badge breaking">breaking</span> ` : ""}${say(entry)}${
          c.rest.length && !entry.gap
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
    const section = (title: string, chosen: typeof numbered, why = "") =>
      chosen.length
        ? html`<h2>${title} (${chosen.length})</h2>
            ${why ? html`<p>${why}</p>` : ""}
            <ol class="checklist">
              ${chosen.map(item)}
            </ol>`
        : "";
    const real = numbered.filter((e) => !e.gap);
    // The counts are those of the lists below (a change may read as several lines or lines as one).
    const breaking = real.filter((e) => e.line.change.breaking).length;
    const gaps = numbered.length - real.length;
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
        <p>${numbered.length} changes, ${breaking} of them breaking${gaps ? `, ${gaps} of them a gap of one dump` : ""}.</p>
        ${
          pair.packages
            ? html`<p class="caution">
                These trees have different package sets (${pair.from}: ${pair.packages[0]}; ${pair.to}: ${pair.packages[1]}): what one has
                and the other lacks may come from a package rather than the version.
              </p>`
            : ""
        }
        ${section(
          "Breaking",
          real.filter((e) => e.line.change.breaking),
        )}
        ${section(
          "Not breaking",
          real.filter((e) => !e.line.change.breaking),
        )}
        ${section(
          "Absent from this dump",
          numbered.filter((e) => e.gap === "absent"),
          `${pair.to}'s tree lacks these, but a later tree of the same packages has them again: a gap of this one dump, not a removal.`,
        )}
        ${section(
          "Back after a dump that lacked them",
          numbered.filter((e) => e.gap === "back"),
          `${pair.from}'s tree lacks these, but an earlier tree of the same packages had them: they return, they are not new.`,
        )}
        <h2>By menu</h2>
        ${[...byMenu]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(
            ([menu, entries]) =>
              html`<section id="${menuAnchor(menu)}" aria-label="${menu}">
                <h3><code>${menu}</code></h3>
                <ul>
                  ${entries.slice(0, FOLD).map((e) => html`<li><a href="#${e.id}">${say(e)}</a></li>`)}${
                    entries.length > FOLD ? html`<li>and ${entries.length - FOLD} more above</li>` : ""
                  }
                </ul>
              </section>`,
          )}`,
    ).text;
    return { path, content };
  });
}
