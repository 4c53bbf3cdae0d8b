/**
 * The site in a real browser (Debian's Chromium, from file://): search, a
 * menu page, a since badge to its diff page, no console error, no failed
 * request and no request leaving the site over every page of one version,
 * axe-core's serious and critical rules, and hostile strings as text.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFilesAtomic } from "../../src/io/files.js";
import { loadModel } from "../../src/model/load.js";
import { buildSite } from "../../src/site.js";
import { browserPath, openBrowser } from "../helpers/browser.js";
import { dump, dumpsPresent } from "../helpers/dumps.js";
import { siteFiles } from "../helpers/site-check.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { hostileModel } from "./hostile-model.js";
import { hostileModel as sharedHostileModel, PWNED } from "../helpers/hostile.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const OLD = dump("7.22.3-extra");
const NEW = dump("7.23.3");

type Styles = { getComputedStyle(element: unknown): { backgroundColor: string } };

/** Everything a page did wrong: console errors, failed requests, requests outside `root`. */
function watch(page: Page, root: string): string[] {
  const problems: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && problems.push(`console: ${m.text()}`)));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("request", (r) => void (!r.url().startsWith(root) && problems.push(`outside: ${r.url()}`)));
  return problems;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } })
      .axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}, ${v.count})`);
}

describe.skipIf(!browserPath || !dumpsPresent || !OLD || !NEW)("the site of 7.22.3 extra and 7.23.3 in Chromium", () => {
  let dir: string;
  let root: string;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    root = pathToFileURL(dir).href + "/";
    const trees = await Promise.all([OLD!, NEW!].map(async (d) => ({ model: await loadModel(d.file), source: d.file })));
    await writeFilesAtomic(dir, await buildSite(trees, { downloads: false }));
    browser = await openBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("searches address, opens /ip/address and shows PUT with its body args", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, root);
    await page.goto(`${root}index.html`);
    await page.locator("#search").fill("address");
    const result = page.locator("#search-results a", { hasText: /^\/ip\/address$/ });
    await result.first().click();
    await page.waitForURL(/\/m\/ip\.address\.html$/);
    const put = page.locator("#put-ip\\.address");
    await expect(put.locator("h2").textContent()).resolves.toContain("PUT");
    // Its args are the menu's, shown once: each operation's anchor of an arg leads to the arg's row.
    await expect(page.locator("tr:has(#put-ip\\.address--address)").textContent()).resolves.toContain("address");
    expect(await page.locator("#args table.args tbody tr").count()).toBeGreaterThan(3);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("follows a since badge to the diff page", async () => {
    const pages = (await siteFiles(dir)).filter((p) => p.startsWith("7.23.3/m/"));
    const page = await browser.context.newPage();
    const problems = watch(page, root);
    let found = false;
    for (const path of pages) {
      await page.goto(root + path);
      const badge = page.locator("a.badge.since").first();
      if ((await badge.count()) === 0) continue;
      await badge.click();
      await page.waitForURL(/\/diff\/7\.22\.3\.\.7\.23\.3\.html/);
      await expect(page.locator("h1").textContent()).resolves.toContain("7.22.3 → 7.23.3");
      found = true;
      break;
    }
    expect(found).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("loads every page of one version without a console error, a failed request or a request outside the site", async () => {
    const pages = (await siteFiles(dir)).filter((p) => p.startsWith("7.23.3/") && p.endsWith(".html"));
    const page = await browser.context.newPage();
    const problems = watch(page, root);
    for (const path of pages) await page.goto(root + path, { waitUntil: "load" });
    expect(pages.length).toBeGreaterThan(400);
    expect(problems).toEqual([]);
    await page.close();
  }, 600_000);

  it("has no serious or critical axe-core violation on the index with results, a menu page and a diff page", async () => {
    const page = await browser.context.newPage();
    for (const path of ["index.html", "7.23.3/m/ip.address.html", "diff/7.22.3..7.23.3.html"]) {
      await page.goto(root + path);
      if (path === "index.html") {
        await page.locator("#search").fill("firewall filter");
        await page.locator("#search-results a").first().waitFor();
      }
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  }, 120_000);

  it("keeps the search at hand after scrolling, marks the current menu beside the page and highlights a deep-linked heading", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, root);
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto(`${root}7.23.3/m/ip.address.html#put-ip.address`);
    // The heading the URL names stands out from the others (the highlight is the only background a heading has).
    const background = (selector: string) =>
      page.locator(selector).evaluate((el) => (globalThis as unknown as Styles).getComputedStyle(el).backgroundColor);
    const plain = await background("#get-ip\\.address h2");
    expect(await background("#put-ip\\.address h2")).not.toBe(plain);
    // Its ready request is open.
    expect(await page.locator("#put-ip\\.address details.ready").getAttribute("open")).not.toBeNull();
    expect(await page.locator(".side a[aria-current=page]").textContent()).toBe("address");
    expect(await page.locator(".side").isVisible()).toBe(true);
    await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
    const box = await page.locator("#search").boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    await page.keyboard.press("/");
    await page.keyboard.type("ip route");
    await page.locator("#search-results a").first().waitFor();
    expect(await page.locator("#search-results a").first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("copies what a ready request block shows", async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, root);
    // The clipboard records what is written to it (a headless browser's own clipboard may not be readable).
    await page.addInitScript({
      content: `window.__copied = []; Object.defineProperty(navigator, "clipboard", { value: { writeText: (t) => (window.__copied.push(t), Promise.resolve()) } });`,
    });
    await page.goto(`${root}7.23.3/m/ip.address.html#put-ip.address`);
    const ready = page.locator("#put-ip\\.address details.ready");
    const blocks = ready.locator("pre");
    expect(await blocks.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      await ready.locator("button.copy").nth(i).click();
      const copied = await page.evaluate(() => (globalThis as unknown as { __copied: string[] }).__copied.at(-1));
      expect(copied).toBe(await blocks.nth(i).innerText());
    }
    expect(await ready.locator("button.copy").first().textContent()).toBe("Copied");
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("shows /interface/wifi of 7.22.3 extra under a third of its old height at 1366 px (68,472 px before)", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto(`${root}7.22.3/m/interface.wifi.html`);
    const height = await page.evaluate<number>("document.documentElement.scrollHeight");
    expect(height).toBeLessThan(68_472 / 3);
    await page.close();
  }, 60_000);

  it("remembers the dark theme the reader chose", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${root}7.23.3/m/ip.address.html`);
    await page.locator("#theme").click();
    const theme = await page.locator("html").getAttribute("data-theme");
    expect(theme === "dark" || theme === "light").toBe(true);
    await page.goto(`${root}7.23.3/index.html`);
    expect(await page.locator("html").getAttribute("data-theme")).toBe(theme);
    await page.close();
  }, 60_000);

  it("shows a result as its REST request with the console words beside it, and ranks a menu's add first for a noun query", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${root}7.23.3/index.html`);
    await page.locator("#search").fill("bridge port");
    const results = page.locator("#search-results a");
    await results.first().waitFor();
    expect(await results.nth(0).getAttribute("href")).toMatch(/m\/interface\.bridge\.port\.html$/);
    expect(await results.nth(1).getAttribute("href")).toMatch(/#put-interface\.bridge\.port$/);
    expect(await results.nth(1).textContent()).toMatch(/^PUT \/interface\/bridge\/port\/interface\/bridge\/port add/);
    expect(await results.nth(1).locator(".console").textContent()).toBe("/interface/bridge/port add");
    await page.close();
  }, 60_000);

  it("moves through results with the keyboard", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${root}7.23.3/index.html`);
    await page.keyboard.press("/");
    await page.keyboard.type("ip address");
    await page.locator("#search-results a").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const second = await page.locator("#search-results a").nth(1).getAttribute("href");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.href.endsWith(second!.replace(/^\.?\/?/, "")));
    await page.close();
  }, 60_000);
});

describe.skipIf(!browserPath)("a site of hostile strings in Chromium", () => {
  it("runs nothing of the shared hostile dump on any page", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    const browser = await openBrowser();
    try {
      await writeFilesAtomic(dir, await buildSite([{ model: await sharedHostileModel(), source: "hostile" }], { downloads: false }));
      const root = pathToFileURL(dir).href + "/";
      const page = await browser.context.newPage();
      const problems = watch(page, root);
      for (const path of (await siteFiles(dir)).filter((p) => p.endsWith(".html"))) {
        await page.goto(root + path);
        expect(await page.evaluate((flag) => (globalThis as Record<string, unknown>)[flag], PWNED), path).toBeUndefined();
      }
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("runs none of them and shows them as text", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    const browser = await openBrowser();
    try {
      const old = tinyModel();
      old.header.version = "7.1";
      const now = hostileModel();
      now.header.version = "7.2";
      await writeFilesAtomic(
        dir,
        await buildSite(
          [
            { model: old, source: "a" },
            { model: now, source: "b" },
          ],
          { downloads: false },
        ),
      );
      const root = pathToFileURL(dir).href + "/";
      const page = await browser.context.newPage();
      const problems = watch(page, root);
      for (const path of (await siteFiles(dir)).filter((p) => p.endsWith(".html"))) {
        await page.goto(root + path);
        expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
      }
      await page.goto(`${root}index.html`);
      await page.locator("#search").fill("pwned");
      await page.locator("#search-results a").first().waitFor();
      expect(await page.locator("#search-results").textContent()).toContain("<script>window.__pwned=1</script>");
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
