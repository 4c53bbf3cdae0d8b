import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildHistory, formatHistory, formatWhere, whereIs } from "../../src/history/index.js";
import { readFactFiles } from "../../src/facts/index.js";
import { tinyModel } from "../helpers/tiny-model.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-facts-history-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** An observed probe of /ip/address for `version` requiring `required`. */
async function probe(version: string, required: string[]): Promise<string> {
  const file = join(dir, `required-args.v${version}.json`);
  const rawError = `Script Error: missing value(s) of argument(s) ${required.join(" ")} (/ip/address/add; line 1)`;
  await writeFile(file, JSON.stringify([{ path: "/ip/address", required, hasAdd: true, rawError }]));
  await writeFile(join(dir, `required-args.v${version}.meta.json`), JSON.stringify({ routerosVersion: version }));
  return file;
}

describe("history and where with evidence", () => {
  const older = { ...tinyModel(), header: { ...tinyModel().header, version: "7.98" } };
  const models = [older, tinyModel()];

  it("where shows, per version, what the add demands of an arg and its default; history lists an arg that became required", async () => {
    const facts = await readFactFiles([await probe("7.98", ["address"]), await probe("7.99", ["address", "interface"])]);
    const where = whereIs(models, "ip/address/add/interface", [], facts);
    expect(where.nodes[0]!.evidence).toEqual({ required: ["optional", "required"], default: [null, null] });
    expect(formatWhere(where)).toMatch(/7\.98 +yes +\[optional\]\n +7\.99 +yes +\[required\]/);
    const history = buildHistory(models, [], facts);
    expect(formatHistory(history)).toContain(`~ arg      /ip/address/add interface required: "optional" -> "required"`);
  });

  it("without evidence nothing changes", () => {
    expect(whereIs(models, "ip/address/add/interface").nodes[0]!.evidence).toBeUndefined();
  });
});
