/** Checks over a built site on disk: every internal link and anchor resolves, and no dump string became markup. */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { SearchIndex } from "../../src/emit/site/search-index.js";

export async function siteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

const idsIn = (text: string): Set<string> => new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
const unescape = (value: string): string =>
  value
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Links that may leave the site: MikroTik's help pages (a link, never a resource a page loads). */
const HELP_LINK = /^https:\/\/help\.mikrotik\.com\/docs\/spaces\/ROS\/pages\/\d+$/;

/** Broken links (`page -> target`) over the HTML pages whose path (from `dir`) passes `only`; a help page link is not followed. */
export async function brokenLinks(dir: string, only: (path: string) => boolean = () => true): Promise<string[]> {
  const pages = (await siteFiles(dir)).filter((p) => p.endsWith(".html") && only(p));
  const idCache = new Map<string, Set<string>>();
  const idsOf = async (file: string) => idCache.get(file) ?? idCache.set(file, idsIn(await readFile(file, "utf8"))).get(file)!;
  const broken: string[] = [];
  for (const page of pages) {
    const file = join(dir, page);
    const text = await readFile(file, "utf8");
    for (const [, name, attr] of text.matchAll(/\s(href|src)="([^"]*)"/g)) {
      const link = unescape(attr!);
      if (name === "href" && HELP_LINK.test(link)) continue;
      if (/^[a-z]+:/i.test(link)) {
        broken.push(`${page} -> ${link} (leaves the site)`);
        continue;
      }
      const [path, fragment] = link.split("#", 2) as [string, string | undefined];
      const target = path === "" ? file : resolve(dirname(file), path);
      if (!target.startsWith(resolve(dir)) || !existsSync(target)) broken.push(`${page} -> ${link}`);
      else if (fragment && target.endsWith(".html") && !(await idsOf(target)).has(fragment)) broken.push(`${page} -> ${link} (no anchor)`);
    }
  }
  return broken;
}

/** Script elements other than the site's own, and attributes that run code: what a dump string must never become. */
export function markupFromDump(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) if (!/^<script src="[^"]*assets\/site\.js" defer>$/.test(tag)) found.push(tag);
  // Quoted attribute values are text (an escaped value holds no quote): an event handler is an attribute outside them.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) if (/\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"/g, '""'))) found.push(tag);
  for (const [tag] of html.matchAll(/<(?:img|iframe|object|embed|svg)\b[^>]*>/gi)) found.push(tag);
  return found;
}

/** The links of a version's search index (`<folder>/search-index.js`), as the page's script makes them: `m/ip.address.html#put-ip.address`. */
export async function searchLinks(dir: string, folder: string): Promise<string[]> {
  const text = await readFile(join(dir, folder, "search-index.js"), "utf8");
  const index = JSON.parse(text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"))) as SearchIndex;
  return index.entries.map((e) => {
    if (e[0] === 0) return index.pages[e[1]]!;
    const [page, anchor] = index.ops[e[1]]!;
    return `${index.pages[page]}#${e[0] === 1 ? anchor : (e[4] ?? `${anchor}--${e[2]}`)}`;
  });
}

/** Links (from `folder`) whose page or anchor does not exist. */
export async function brokenTargets(dir: string, folder: string, links: readonly string[]): Promise<string[]> {
  const ids = new Map<string, Set<string>>();
  const broken: string[] = [];
  for (const link of links) {
    const [path, fragment] = link.split("#", 2) as [string, string | undefined];
    const file = join(dir, folder, path);
    if (!existsSync(file)) {
      broken.push(link);
      continue;
    }
    const known = ids.get(file) ?? ids.set(file, idsIn(await readFile(file, "utf8"))).get(file)!;
    if (fragment && !known.has(fragment)) broken.push(link);
  }
  return broken;
}
