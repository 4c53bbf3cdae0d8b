/** The six shared trees as one site: every page through the link and escape checks (site.full.test.ts checks the rest). */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFilesAtomic } from "../../src/io/files.js";
import { buildSite } from "../../src/site.js";
import { DUMPS, dumpsPresent } from "../helpers/dumps.js";
import { loadModel } from "../../src/model/load.js";
import { brokenLinks, markupFromDump, siteFiles } from "../helpers/site-check.js";

describe.skipIf(!dumpsPresent || DUMPS.length < 6)("one site over the six shared trees", () => {
  it("builds, and every page passes the link and escape checks", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    try {
      const trees = await Promise.all(DUMPS.map(async (d) => ({ model: await loadModel(d.file), source: d.file })));
      await writeFilesAtomic(dir, await buildSite(trees, { downloads: false }));
      const files = await siteFiles(dir);
      // Two trees of one version (base and extra packages) are two entries of the switcher.
      for (const folder of ["7.16", "7.20.8", "7.20.8-extra", "7.22.3", "7.22.3-extra", "7.23.3"])
        expect(files).toContain(`${folder}/index.html`);
      expect(files).toContain("diff/7.22.3-extra..7.23.3.html");
      expect(await brokenLinks(dir)).toEqual([]);
      for (const page of files.filter((f) => f.endsWith(".html")))
        expect(markupFromDump(await readFile(join(dir, page), "utf8")), page).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
