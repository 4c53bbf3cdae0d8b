/**
 * The `site` emitter: a static reference of the API that any browser opens
 * from disk or from any static host, with nothing fetched from elsewhere.
 * One version here; `src/site.ts` builds one site over several versions.
 */
import type { OutputFile } from "../../io/files.js";
import type { EmitterView } from "../../view/index.js";
import { SITE_CSS, SITE_JS } from "./assets.js";
import { singleVersion, type VersionContext } from "./context.js";
import { SCRIPT, STYLESHEET } from "./layout.js";
import { versionFolder } from "./paths.js";
import { indexPage, versionPages } from "./version-pages.js";

export type { Change, ConsoleNode, Lifespan, VersionContext } from "./context.js";
export { diffPages } from "./diff-pages.js";
export { diffPage, menuAnchor, menuPage, versionFolder } from "./paths.js";

/** The files every site has once: its stylesheet and script. */
const siteAssets = (): OutputFile[] => [
  { path: STYLESHEET, content: SITE_CSS },
  { path: SCRIPT, content: SITE_JS },
];

/** The pages of each version, and at the site's root the index of the newest (the last). */
export function sitePages(versions: readonly { view: EmitterView; context: VersionContext }[]): OutputFile[] {
  const newest = versions[versions.length - 1]!;
  return [
    ...siteAssets(),
    ...versions.flatMap(({ view, context }) => versionPages(view, context)),
    { path: "index.html", content: indexPage(newest.view, newest.context, "index.html") },
  ];
}

/** The emitter: the site of one document, in `site/`. */
export function emitSite(view: EmitterView): OutputFile[] {
  const label = view.version;
  return sitePages([{ view, context: singleVersion(label, versionFolder(label)) }]).map((f) => ({ ...f, path: `site/${f.path}` }));
}
