import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { serializeModel } from "../../src/model/load.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import { applyOverlay } from "../../src/openapi/overlay.js";
import { tinyEvidence } from "./helpers.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-overlay-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const modelFile = join(dir, "model.json");
await writeFile(modelFile, serializeModel(tinyModel()));
const { probe, ansible } = await tinyEvidence(dir);

describe("overlays", () => {
  it("exports the evidence as an Overlay 1.0 document that, applied to a document without evidence, gives its required args and defaults", async () => {
    const out = join(dir, "out");
    const run = await runCli(["generate", "--from", modelFile, "--facts", probe, ansible, "--only", "overlay", "openapi", "--out", out]);
    expect(run.stderr).toBe("");
    const overlay = JSON.parse(await readFile(join(out, "overlay.json"), "utf8"));
    expect(overlay).toMatchObject({ overlay: "1.0.0", info: { version: "7.99" } });
    // Another description of the same API, with inline bodies (as restraml's): the targets name paths.
    const plain = buildOpenApi(tinyModel());
    const withEvidence = JSON.parse(await readFile(join(out, "openapi.json"), "utf8"));
    const body = (doc: typeof plain) =>
      (doc.paths["/ip/address"]!.put!.requestBody as { content: Record<string, { schema: Record<string, unknown> }> }).content[
        "application/json"
      ]!;
    body(plain).schema = structuredClone(withEvidence.components.schemas.IpAddressAddArgs);
    for (const p of Object.values(body(plain).schema["properties"] as Record<string, Record<string, unknown>>)) {
      delete p["default"];
      delete p["x-routeros-evidence"];
    }
    delete body(plain).schema["required"];
    const { document, unused } = await applyOverlay(plain, overlay, "overlay.json");
    // The settings object stays a $ref in this document: only the inlined add body takes the actions.
    expect(unused).toEqual([`$.paths['/system/identity'].get.responses['200'].content['application/json'].schema.properties['name']`]);
    expect(body(document).schema["required"]).toEqual(["address", "interface"]);
    expect((body(document).schema["properties"] as Record<string, { default?: unknown }>)["disabled"]!.default).toBe("no");
  });

  it("generate --overlay applies a user's overlay (own descriptions) before anything is emitted, and warns of actions that match nothing", async () => {
    const file = join(dir, "mine.yaml");
    await writeFile(
      file,
      [
        "overlay: 1.0.0",
        "info: {title: mine, version: '1'}",
        "actions:",
        "  - target: \"$.paths['/ip/address'].put\"",
        "    update: {description: Adds an address on our routers}",
        "  - target: \"$.paths['/nowhere']\"",
        "    remove: true",
        "",
      ].join("\n"),
    );
    const out = join(dir, "mine");
    const run = await runCli(["generate", "--from", modelFile, "--overlay", file, "--only", "openapi", "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/overlay action matched nothing: .*mine\.yaml: \$\.paths\['\/nowhere'\]/);
    const doc = JSON.parse(await readFile(join(out, "openapi.json"), "utf8"));
    expect(doc.paths["/ip/address"].put.description).toBe("Adds an address on our routers");
  });

  it("refuses a file that is no overlay: one line, exit 1, nothing written", async () => {
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ overlay: "2.0.0", actions: [] }));
    const out = join(dir, "bad");
    const run = await runCli(["generate", "--from", modelFile, "--overlay", file, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/bad\.json \(an OpenAPI Overlay 1\.0\/1\.1 document\): \$/);
  });
});
