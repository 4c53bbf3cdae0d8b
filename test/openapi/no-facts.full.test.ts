/**
 * `--no-facts` gives the document rosapi gave before evidence was on by default: for each shared dump, the files of
 * `rosapi generate --no-facts --only openapi` are byte for byte those recorded (first from main at 9534564, the document before this wave)
 * (test/fixtures/no-facts-digests.json, written by scripts/no-facts-digests.ts in a checkout of that commit). A change
 * made on purpose to the document re-records them, and says so in its commit.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { DUMPS, DUMPS_DIR } from "../helpers/dumps.js";
import recorded from "../fixtures/no-facts-digests.json" with { type: "json" };

const dir = await mkdtemp(join(tmpdir(), "rosapi-no-facts-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("generate --no-facts", () => {
  it.each(DUMPS.map((d) => [d.name, d] as const))("%s: the document of before, byte for byte", async (name, d) => {
    const out = join(dir, name);
    const run = await runCli(["generate", "--from", d.file, "--no-facts", "--only", "openapi", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("evidence: none (--no-facts)");
    const expected = (recorded as Record<string, Record<string, string>>)[relative(DUMPS_DIR, d.file)];
    const digests = Object.fromEntries(
      await Promise.all(
        Object.keys(expected!).map(async (file) => [
          file,
          createHash("sha256")
            .update(await readFile(join(out, file)))
            .digest("hex"),
        ]),
      ),
    );
    expect(digests).toEqual(expected);
  });
});
