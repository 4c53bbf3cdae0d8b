/**
 * Derives the table of MikroTik help pages by menu (src/emit/site/help-pages.json) from the MIT-licensed page list
 * that tikoci/rosetta publishes (ros-html-assessment.json: each page of help.mikrotik.com's RouterOS space with its
 * id, its title and the menu paths it names). Two rules, both on the page's title:
 * - a title that is a menu (`/routing/bgp`): that menu, and every menu under it the page names, are the page's;
 * - a title that is the last word of a menu the page names (`Netwatch` naming `/tool/netwatch/add`: /tool/netwatch;
 *   `Speed Test`: /tool/speed-test): that menu is the page's, unless a title-menu page has it.
 * Only menus of the real trees are kept (the page list also names paths of other systems, or in part).
 * Run: npx tsx scripts/derive-help-pages.ts [rosetta git directory or checkout (reads its HEAD)] [dumps folder].
 */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadModel } from "../src/model/load.js";
import { forEachMenu } from "../src/model/walk.js";

interface Page {
  pageId: number;
  title: string;
  menuPaths: string[];
}

const repo = process.argv[2] ?? "../rosetta";
const dumps = process.argv[3] ?? "../shared/routeros";
const TREES = [
  "7.16/inspect.json",
  "7.20.8/extra/inspect.json",
  "7.22.3/deep-inspect.json",
  "7.22.3/extra/inspect.json",
  "7.23.3/inspect.json",
];
const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
const commit = git("rev-parse", "HEAD").trim();
const { pages } = JSON.parse(git("show", "HEAD:ros-html-assessment.json")) as { pages: Page[] };
const license = git("show", "HEAD:LICENSE").trim();

const MENU = /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;
/** `Speed Test` → `speed-test`. */
const slug = (title: string) => title.trim().toLowerCase().replace(/\s+/g, "-");
/** `/tool/netwatch/add` → `/tool`, `/tool/netwatch`, `/tool/netwatch/add`. */
const prefixes = (path: string) =>
  path
    .split("/")
    .slice(1)
    .map((_, i, parts) => `/${parts.slice(0, i + 1).join("/")}`);

const menus = new Set<string>();
for (const tree of TREES)
  forEachMenu((await loadModel(join(dumps, tree))).root, (_, path) => {
    if (path.length) menus.add(`/${path.join("/")}`);
  });

const byTitleMenu = new Map<string, Page>();
const byLastWord = new Map<string, Page>();
for (const page of pages) {
  const paths = page.menuPaths.filter((p) => MENU.test(p));
  if (MENU.test(page.title)) {
    for (const path of [page.title, ...paths.filter((p) => p.startsWith(`${page.title}/`))]) byTitleMenu.set(path, page);
    continue;
  }
  const word = slug(page.title);
  const named = [...new Set(paths.flatMap(prefixes).filter((p) => p.endsWith(`/${word}`) && menus.has(p)))];
  // One menu only: a title whose word ends two menus the page names says not which it is.
  if (named.length === 1 && !byLastWord.has(named[0]!)) byLastWord.set(named[0]!, page);
}
/** Read by hand on the page: "VLAN" is /interface/vlan's page; it names /interface/bridge/vlan only in an example. */
const NOT_ITS_PAGE = new Set(["/interface/bridge/vlan"]);
const entries = new Map<string, Page>([...byLastWord, ...byTitleMenu].filter(([menu]) => menus.has(menu) && !NOT_ITS_PAGE.has(menu)));
const table = {
  about:
    "MikroTik's help page for a menu (https://help.mikrotik.com/docs/spaces/ROS/pages/<id>), from the page list of tikoci/rosetta (ros-html-assessment.json), derived by scripts/derive-help-pages.ts.",
  source: `https://github.com/tikoci/rosetta/blob/${commit}/ros-html-assessment.json`,
  license: `MIT. ${license}`,
  pages: Object.fromEntries(
    [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([menu, page]) => [menu, { id: page.pageId, title: page.title }]),
  ),
};
await writeFile(new URL("../src/emit/site/help-pages.json", import.meta.url), JSON.stringify(table, null, 2) + "\n");
process.stderr.write(`${entries.size} menus\n`);
