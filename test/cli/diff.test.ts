import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serializeModel } from "../../src/model/load.js";
import { runCli } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-diff-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("rosapi diff", () => {
  it("prints a summary, or JSON with --json", async () => {
    const older = join(dir, "old.json");
    const newer = join(dir, "new.json");
    const model = tinyModel();
    await writeFile(older, serializeModel(model));
    delete model.root.menus.ip!.menus.address!.commands.export;
    await writeFile(newer, serializeModel(model));
    const text = await runCli(["diff", older, newer]);
    expect(text.code).toBe(0);
    // On stderr only the evidence each side was read with (on by default): one line per version.
    expect(text.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^rosapi: evidence for 7\.99: /),
      expect.stringMatching(/^rosapi: evidence for 7\.99: /),
    ]);
    expect(text.stdout).toContain("- command /ip/address/export removed");
    const json = await runCli(["diff", older, newer, "--json"]);
    expect(JSON.parse(json.stdout).changes).toMatchObject([
      { kind: "removed", level: "command", path: "/ip/address/export", breaking: true },
    ]);
  });

  it("fails with one message on a missing file", async () => {
    const result = await runCli(["diff", join(dir, "nope.json"), join(dir, "nope2.json")]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
