import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { serializeModel } from "../../src/model/load.js";
import { tinyEvidence } from "./helpers.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-facts-cli-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const modelFile = join(dir, "model.json");
await writeFile(modelFile, serializeModel(tinyModel()));
const { probe, ansible } = await tinyEvidence(dir);

describe("rosapi generate --facts", () => {
  it("writes required args and defaults, each with its evidence, and names the sources", async () => {
    const out = join(dir, "out");
    const run = await runCli(["generate", "--from", modelFile, "--facts", probe, ansible, "--out", out, "--only", "openapi"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const doc = JSON.parse(await readFile(join(out, "openapi.json"), "utf8"));
    const body = doc.components.schemas.IpAddressAddArgs;
    expect(body.required).toEqual(["address", "interface"]);
    expect(body["x-routeros-evidence"].required).toMatchObject({
      status: "known",
      source: "observed",
      version: "7.99",
      decidedBy: "observed beats curated",
      others: [{ all: ["address"], source: "curated", agrees: false }],
    });
    expect(body.properties.disabled).toMatchObject({
      default: "no",
      "x-routeros-evidence": { default: { value: false, raw: "default=False" } },
    });
    expect(doc.components.schemas.IpAddress.properties.disabled.default).toBe("false");
    expect(doc.components.schemas.SystemIdentity.properties.name.default).toBe("MikroTik");
    expect(doc["x-routeros"].evidence.map((e: { file: string }) => e.file)).toEqual(["required-args.v7.99.json", "_api_data.py"]);
  });

  it("with --no-facts, no body requires anything and the document says nothing of evidence", async () => {
    const out = join(dir, "plain");
    const run = await runCli(["generate", "--from", modelFile, "--no-facts", "--out", out, "--only", "openapi"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("evidence: none (--no-facts): required args and defaults unknown");
    const text = await readFile(join(out, "openapi.json"), "utf8");
    expect(text).not.toMatch(/x-routeros-evidence|"default": "no"/);
    expect(JSON.parse(text).components.schemas.IpAddressAddArgs.required).toBeUndefined();
  });

  it("with no flag and offline, the package's probes give the required args, inferred, and the line says what is missing", async () => {
    const out = join(dir, "default");
    const cache = join(dir, "empty-cache");
    const run = await runCli(["generate", "--from", modelFile, "--out", out, "--only", "openapi"], { env: { ROSAPI_CACHE: cache } });
    expect(run.code).toBe(0);
    // The tiny model is of 7.99: the nearest probe the package carries is 7.22.1 (lsp-routeros-ts's newest).
    expect(run.stdout).toMatch(
      /^evidence: probe 7\.22\.1 \(inferred for 7\.99\) — 1 add menus known, 0 unknown; 0 defaults; missing: ansible:latest \(.*\): defaults unknown$/m,
    );
    const body = JSON.parse(await readFile(join(out, "openapi.json"), "utf8")).components.schemas.IpAddressAddArgs;
    expect(body.required).toEqual(["address", "interface"]);
    expect(body["x-routeros-evidence"].required).toMatchObject({ source: "observed", version: "7.22.1", inferredFrom: "7.22.1" });
  });

  it("a bad evidence file: one line, exit 1, nothing written", async () => {
    const out = join(dir, "bad");
    const bad = join(dir, "required-args.v7.98.json");
    await writeFile(bad, "[{]");
    const run = await runCli(["generate", "--from", modelFile, "--facts", bad, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/required-args\.v7\.98\.json is not valid JSON/);
    await expect(readdir(out)).rejects.toThrow();
  });
});
