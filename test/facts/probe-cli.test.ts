import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { serializeModel } from "../../src/model/load.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { factsForModel, readFactFile, readFactFiles } from "../../src/facts/index.js";
import { tinyEvidence } from "./helpers.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-probe-cli-"));
const modelFile = join(dir, "model.json");
let sim: RunningSimulator;
beforeAll(async () => {
  await writeFile(modelFile, serializeModel(tinyModel()));
  const { probe, ansible } = await tinyEvidence(dir);
  sim = await startSimulator({ model: tinyModel(), facts: factsForModel(await readFactFiles([probe, ansible]), tinyModel()) });
});
afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

const probe = (out: string, identity: string, ...more: string[]) =>
  runCli(["probe", "--from", modelFile, "--url", sim.url, "--user", "admin", "--disposable-router", identity, "--out", out, ...more]);

describe("rosapi probe", () => {
  it("refuses a router whose identity is not the one typed: one line, exit 1, nothing written", async () => {
    const out = join(dir, "refused");
    const run = await probe(out, "production-core");
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/identity is "MikroTik", not "production-core"/);
    await expect(readdir(out)).rejects.toThrow();
  });

  it("writes evidence that generate --facts reads back: the same required set and defaults", async () => {
    const out = join(dir, "out");
    const run = await probe(out, "MikroTik");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["required-args.v7.99.json", "required-args.v7.99.meta.json"]);
    const input = await readFactFile(join(out, "required-args.v7.99.json"));
    const facts = factsForModel([input], tinyModel());
    expect(facts.menus.get("/ip/address")?.required?.value).toEqual({ all: ["address", "interface"], groups: [] });
    expect(facts.menus.get("/system/identity")?.defaults.get("name")?.evidence.method).toBe("fresh-router-value");
  });

  it("resumes from its checkpoint without probing again what it has", async () => {
    const out = join(dir, "resumed");
    const row = {
      path: "/ip/address",
      required: ["address"],
      hasAdd: true,
      rawError: "Script Error: missing value(s) of argument(s) address",
    };
    await mkdir(out, { recursive: true });
    await writeFile(join(out, "probe.checkpoint.json"), JSON.stringify({ identity: "MikroTik", rows: [row] }));
    expect((await probe(out, "MikroTik", "--resume")).code).toBe(0);
    const rows = JSON.parse(await readFile(join(out, "required-args.v7.99.json"), "utf8")) as { path: string; required: string[] }[];
    expect(rows.find((r) => r.path === "/ip/address")?.required).toEqual(["address"]);
    expect(await readdir(out)).not.toContain("probe.checkpoint.json");
  });
});
