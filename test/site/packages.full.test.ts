/**
 * Versions compared honestly: a site of 7.20.8 (base package) and 7.22.3
 * (every extra package) marks what the packages may explain, and says
 * "since 7.22.3" for none of it (/container, /dude, /iot come from packages).
 */
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFilesAtomic } from "../../src/io/files.js";
import { loadModel } from "../../src/model/load.js";
import { buildSite } from "../../src/site.js";
import { dump, dumpsPresent } from "../helpers/dumps.js";
import { siteFiles } from "../helpers/site-check.js";

const BASE = dump("7.20.8");
const EXTRA = dump("7.22.3-extra");

describe.skipIf(!dumpsPresent || !BASE || !EXTRA)("a site of base 7.20.8 and extra 7.22.3", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    const trees = await Promise.all([BASE!, EXTRA!].map(async (d) => ({ model: await loadModel(d.file), source: d.file })));
    await writeFilesAtomic(dir, await buildSite(trees, { downloads: false }));
  }, 300_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("marks the menus of extra packages as package differences, with no since", async () => {
    for (const menu of ["container", "dude", "iot"]) {
      const page = await readFile(join(dir, `7.22.3/m/${menu}.html`), "utf8");
      const h1 = page.slice(page.indexOf("<h1>"), page.indexOf("</h1>"));
      expect(h1, menu).toContain('class="badge packages"');
      expect(h1, menu).toContain("7.20.8 (base package) → 7.22.3 (extra packages)");
      expect(h1, menu).not.toContain("since");
    }
  });

  it("says since on no page of the newer tree, and its diff page says the package sets differ", async () => {
    const pages = (await siteFiles(dir)).filter((p) => p.startsWith("7.22.3/") && p.endsWith(".html"));
    for (const path of pages) expect(await readFile(join(dir, path), "utf8"), path).not.toContain('class="badge since"');
    const diff = await readFile(join(dir, "diff/7.20.8..7.22.3.html"), "utf8");
    expect(diff).toContain("These trees have different package sets");
  }, 120_000);
});
