/**
 * Changes between two consecutive trees of a series that the other trees contradict. A node one crawl
 * lacks while the trees before and after it have it was not removed and added again: that one dump is
 * missing it (a crawl that skipped a menu, a package not installed that day). Only a series can tell.
 */
import { nodeKey, type NodeIndex } from "../model/nodes.js";
import type { Change } from "./diff.js";

/** `absent`: a removal that a later tree has again (absent from this dump); `back`: an addition that an earlier tree had. */
export type Gap = "absent" | "back";

/** The places of a change, as node keys. */
const keys = (c: Change): string[] => (c.places ?? [c.path]).map((path) => nodeKey(c.level, path));

/**
 * The gaps among the changes between two consecutive trees: a removal each of whose places some tree
 * `later` than the newer one has, an addition each of whose places some tree `earlier` than the older one
 * had. The caller passes only trees that can contradict (of the same package set as the one that lacks it).
 */
export function dumpGaps(
  changes: readonly Change[],
  { earlier, later }: { earlier: readonly NodeIndex[]; later: readonly NodeIndex[] },
): Map<Change, Gap> {
  const gaps = new Map<Change, Gap>();
  const inAny = (set: readonly NodeIndex[], c: Change) => keys(c).every((key) => set.some((tree) => tree.has(key)));
  for (const c of changes) {
    if (c.kind === "removed" && inAny(later, c)) gaps.set(c, "absent");
    if (c.kind === "added" && inAny(earlier, c)) gaps.set(c, "back");
  }
  return gaps;
}
