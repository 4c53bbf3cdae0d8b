/**
 * MikroTik's own help page for a menu, where one is known: the table (help-pages.json, its source and licence
 * inside) is derived by scripts/derive-help-pages.ts from the help site's page titles.
 */
import table from "./help-pages.json" with { type: "json" };

const PAGES: Readonly<Record<string, { id: number; title: string } | undefined>> = table.pages;

/** The help site's pages, addressed by id (the title in a page's address may change; its id does not). */
export const HELP_SITE = "https://help.mikrotik.com/docs/spaces/ROS/pages/";

/** The help page of a menu (`/interface/wifi`), or undefined where the table has none. */
export function helpPage(menu: string): { url: string; title: string } | undefined {
  const page = Object.hasOwn(PAGES, menu) ? PAGES[menu] : undefined;
  return page && { url: `${HELP_SITE}${page.id}`, title: page.title };
}
