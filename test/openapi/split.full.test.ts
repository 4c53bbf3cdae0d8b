/**
 * The per-top-level-menu split, as `rosapi generate --split` writes it: every
 * part a valid document on its own, every path of the whole in exactly one
 * part; and the part files follow the document (a run without the split
 * removes them, --check reports them).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { splitByTopMenu, validateOpenApi } from "../../src/openapi/index.js";
import { serializeModel } from "../../src/model/load.js";
import { runCli } from "../helpers/cli.js";
import { dump } from "../helpers/dumps.js";
import { documentOf } from "../helpers/fixtures.js";
import { tinyModel } from "../helpers/tiny-model.js";

/** Every path of the whole document in exactly one part, and nothing else. */
function expectPathsOnce(doc: OpenAPIV3.Document, parts: Iterable<OpenAPIV3.Document>): void {
  const seen = new Map<string, number>();
  for (const part of parts) for (const path of Object.keys(part.paths)) seen.set(path, (seen.get(path) ?? 0) + 1);
  expect([...seen.keys()].sort()).toEqual(Object.keys(doc.paths).sort());
  expect([...seen].filter(([, n]) => n !== 1)).toEqual([]);
}

const extra = dump("7.22.3-extra");
const METHODS = ["get", "put", "patch", "delete", "post"] as const;

describe.skipIf(!extra)("splitByTopMenu on 7.22.3 extra", () => {
  it("gives one valid document per top-level menu, holding every path exactly once", async () => {
    const doc = await documentOf(extra!);
    const parts = splitByTopMenu(doc);
    expect(parts.size).toBeGreaterThan(20);
    expectPathsOnce(doc, parts.values());
    for (const [top, part] of parts) {
      await expect(validateOpenApi(part), top).resolves.toBeUndefined();
      const menus = Object.values(part.paths).flatMap((item) =>
        METHODS.flatMap((m) => (item?.[m] ? [(item[m] as Record<string, unknown>)["x-routeros-menu"]] : [])),
      );
      expect(
        menus.filter((menu) => typeof menu !== "string" || (menu.split("/")[1] || "root") !== top),
        top,
      ).toEqual([]);
    }
  });
});

describe("rosapi generate --split", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it("writes openapi/<top>.json beside openapi.json; without --split they go, and --check says so first", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-split-"));
    dirs.push(dir);
    const model = join(dir, "model.json");
    await writeFile(model, serializeModel(tinyModel()));
    const out = join(dir, "out");
    const generate = (...flags: string[]) => runCli(["generate", "--from", model, "--out", out, "--only", "openapi", ...flags]);

    const split = await generate("--split");
    expect(split.code, split.stderr).toBe(0);
    expect((await readdir(join(out, "openapi"))).sort()).toEqual(["ip.json", "root.json", "system.json"]);
    const whole = JSON.parse(await readFile(join(out, "openapi.json"), "utf8")) as OpenAPIV3.Document;
    const parts = await Promise.all(
      ["ip", "root", "system"].map(
        async (top) => JSON.parse(await readFile(join(out, "openapi", `${top}.json`), "utf8")) as OpenAPIV3.Document,
      ),
    );
    expectPathsOnce(whole, parts);
    for (const part of parts) await expect(validateOpenApi(part)).resolves.toBeUndefined();
    expect((await generate("--split", "--check")).code).toBe(0);

    await writeFile(join(out, "openapi", "gone.json"), "{}");
    const check = await generate("--split", "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/stale: openapi\/gone\.json \(extra\)/);

    const unsplit = await generate("--check");
    expect(unsplit.code).toBe(1);
    expect(unsplit.stderr).toMatch(/openapi\/ip\.json \(extra\)/);
    expect((await generate()).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["openapi.json", "openapi.yaml"]);
    expect((await generate("--check")).code).toBe(0);
  });
});
