/** Merging versions on a tiny model: the document's since / removed-in keys (versions.full.test.ts checks the six dumps). */
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { mergeModels } from "../../src/model/merge.js";
import { buildOpenApi, toJson } from "../../src/openapi/index.js";
import { tinyModel } from "../helpers/tiny-model.js";

describe("merge on a tiny model", () => {
  it("a single version's document carries no version keys; a merged one does, and widens a changed range", () => {
    expect(toJson(buildOpenApi(tinyModel()))).not.toContain("x-routeros-since");
    const old = tinyModel();
    old.header.version = "7.1";
    const now = tinyModel();
    now.header.version = "7.2";
    now.root.commands.ping!.args.count!.syntax![0]!.text = "1..10";
    old.root.commands.ping!.args.count!.syntax![0]!.text = "5..100";
    delete now.root.menus.ip!.menus.address!.commands.export;
    const merged = mergeModels([now, old]);
    expect(merged.header).toMatchObject({ version: "7.1..7.2", mergedVersions: ["7.1", "7.2"] });
    expect(merged.root.commands.ping!.args.count!.syntax![0]!.text).toBe("1..100");
    const doc = buildOpenApi(merged) as OpenAPIV3.Document & { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths["/ip/address/export"]).toMatchObject({
      "x-routeros-since": "7.1",
      "x-routeros-removed-in": "7.2",
      post: { "x-routeros-removed-in": "7.2" },
    });
    expect(doc.paths["/ip/address"]).toMatchObject({ "x-routeros-since": "7.1", get: { "x-routeros-since": "7.1" } });
  });
});
