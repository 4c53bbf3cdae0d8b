import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportRestraml, importRestraml, versionFromPath } from "../../src/model/restraml.js";
import { countTree } from "../../src/model/walk.js";
import { parseModel, serializeModel } from "../../src/model/load.js";
import { DUMPS, dump, loadDump } from "../helpers/dumps.js";

describe.skipIf(DUMPS.length === 0)("restraml dumps", () => {
  it.each(DUMPS.map((d) => [d.name, d] as const))("%s: imports and exports back to the same tree", async (_name, d) => {
    const raw = JSON.parse(readFileSync(d.file, "utf8"));
    const model = importRestraml(raw, d.file);
    expect(model.header.source.kind).toBe(d.deep ? "restraml-deep-inspect" : "restraml-inspect");
    const counts = countTree(model.root);
    expect(counts.commands).toBeGreaterThan(3000);
    expect(counts.args).toBeGreaterThan(20000);
    const back = exportRestraml(model);
    if (!d.deep) delete back["_meta"];
    else back["_meta"] = raw._meta; // our header keeps only the version of restraml's _meta
    expect(back).toEqual(raw);
  });

  it.skipIf(!dump("7.22.3-deep"))("reads item properties from print→proplist completions", async () => {
    const model = await loadDump(dump("7.22.3-deep")!);
    expect(model.header.version).toBe("7.22.3");
    const props = model.root.menus["ip"]!.menus["address"]!.properties!;
    for (const p of ["address", "interface", "network", "actual-interface", "dynamic", "invalid", "disabled", "comment"]) {
      expect(props).toHaveProperty(p);
    }
    expect(props["address"]!.description).toBe("Local IP address");
  });

  it.skipIf(!dump("7.20.8-extra"))("takes the version of an inspect.json from the folder restraml files it under", async () => {
    expect((await loadDump(dump("7.20.8-extra")!)).header).toMatchObject({
      version: "7.20.8",
      unknown: ["architecture", "board", "packages"],
    });
  });

  it.skipIf(!dump("7.22.3-deep"))("round-trips through our own format", async () => {
    const model = await loadDump(dump("7.22.3-deep")!);
    const again = parseModel(serializeModel(model), "model.json");
    expect(again).toEqual(model);
  });
});

describe("format detection", () => {
  it.each([
    ["not JSON", "{oops", /not valid JSON/],
    ["JSON that is not a tree", '{"a": 1}', /not a RouterOS schema tree/],
    ["an array", "[1,2]", /not a RouterOS schema tree/],
    ["a node without _type", '{"ip": {"_type": "path", "address": {"x": 1}}}', /^in\.json: \$\.ip\.address\.x: expected an object/],
    ["an arg in a menu", '{"ip": {"_type": "arg"}}', /inside a menu/],
    ["a future model version", '{"format": "rosapi-model", "formatVersion": 99, "root": {}}', /unsupported model format version/],
  ])("rejects %s with a clear message", (_name, text, message) => {
    expect(() => parseModel(text, "in.json")).toThrow(message);
  });
});

describe("version from a dump's path", () => {
  it.each([
    ["docs/7.20.8/inspect.json", "7.20.8"],
    ["docs/7.20.8/extra/inspect.json", "7.20.8"],
    ["C:\\dumps\\7.19rc2\\inspect.json", "7.19rc2"],
    ["7.16/inspect.json", "7.16"],
    ["dumps/inspect.json", undefined],
    ["7.22.3.json", undefined],
    [undefined, undefined],
  ])("%s → %s", (file, version) => {
    expect(versionFromPath(file)).toBe(version);
  });
});
