/**
 * One pipeline: the same inputs (a shared dump, its evidence, an overlay) through every command that
 * builds a document give the same bytes: `rosapi generate`, the library's `generate`, a site's
 * downloaded openapi.json, and the document of the view MCP serves.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFactFiles } from "../src/facts/index.js";
import { generate } from "../src/generate.js";
import { openEngine } from "../src/mcp/index.js";
import { toJson } from "../src/openapi/index.js";
import { startSimulator } from "../src/simulator/index.js";
import { buildSite } from "../src/site.js";
import { runCli } from "./helpers/cli.js";
import { DUMPS, dumpsPresent, loadDump } from "./helpers/dumps.js";
import { ANSIBLE, evidencePresent, PROBE_7221 } from "./facts/helpers.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-pipeline-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An overlay every document takes (its target is in every document): a text of the user's own. */
const OVERLAY = {
  overlay: "1.0.0",
  info: { title: "the user's words", version: "1" },
  actions: [{ target: "$.info", update: { description: "Described by the one-pipeline test." } }],
};
const overlayFile = join(dir, "overlay.json");
await writeFile(overlayFile, JSON.stringify(OVERLAY));
const factFiles = evidencePresent ? [PROBE_7221, ANSIBLE] : [];

describe.skipIf(!dumpsPresent)("one pipeline", () => {
  it.each(DUMPS.map((d) => [d.name, d] as const))(
    "%s: generate, the library, the site and MCP build the same document",
    async (name, d) => {
      const model = await loadDump(d);
      const inputs = { facts: await readFactFiles(factFiles), overlays: [{ overlay: OVERLAY, source: overlayFile }] };

      const out = join(dir, name);
      const cli = await runCli([
        "generate",
        "--from",
        d.file,
        "--out",
        out,
        "--only",
        "openapi",
        "--overlay",
        overlayFile,
        ...(factFiles.length ? ["--facts", ...factFiles] : []),
      ]);
      expect(cli.code, cli.stderr).toBe(0);
      const fromCli = await readFile(join(out, "openapi.json"), "utf8");

      const library = (await generate({ model, ...inputs, targets: ["openapi"] })).files.find((f) => f.path === "openapi.json")!.content;

      const site = await buildSite([{ model, source: d.file, ...inputs }]);
      const fromSite = site.find((f) => f.path.endsWith("/download/openapi.json"))!.content;

      const sim = await startSimulator({ model });
      try {
        const engine = await openEngine({ model, ...inputs, url: sim.url, user: "admin", password: "", audit: () => {} });
        try {
          expect(toJson(engine.view.document)).toBe(fromCli);
        } finally {
          await engine.close();
        }
      } finally {
        await sim.close();
      }

      expect(library).toBe(fromCli);
      expect(fromSite).toBe(fromCli);
      // The inputs are in it: the overlay's words, and the evidence where it was read.
      const document = JSON.parse(fromCli) as { info: { description: string }; "x-routeros": { evidence?: unknown[] } };
      expect(document.info.description).toBe("Described by the one-pipeline test.");
      if (factFiles.length) expect(document["x-routeros"].evidence?.length).toBe(2);
    },
  );
});
