/** The openapi emitter as a plugin: its `split` option, its default, and the flag the CLI derives from it. */
import { describe, expect, it } from "vitest";
import { EMITTERS, optionsOf } from "../../../src/emit/registry.js";
import { generate } from "../../../src/generate.js";
import { sampleModel } from "../../../src/sample/index.js";

const openapi = EMITTERS.find((e) => e.name === "openapi")!;
const paths = (files: { path: string }[]) => files.map((f) => f.path).sort();

describe("the openapi emitter", () => {
  it("writes the document alone by default, and drops an earlier split", async () => {
    expect(optionsOf(openapi)).toEqual({ split: false });
    const { files, dropped } = await generate({ model: sampleModel(), targets: ["openapi"] });
    expect(paths(files)).toEqual(["openapi.json", "openapi.yaml"]);
    expect(dropped).toEqual(["openapi"]);
  });

  it("with split, also one document per top-level menu", async () => {
    const { files, dropped } = await generate({ model: sampleModel(), targets: ["openapi"], options: { openapi: { split: true } } });
    expect(paths(files)).toEqual(expect.arrayContaining(["openapi.json", "openapi/ip.json", "openapi/root.json", "openapi/system.json"]));
    expect(dropped).toEqual([]);
  });

  it("declares no option another emitter declares (each becomes one generate flag)", () => {
    const keys = EMITTERS.flatMap((e) => Object.keys(e.options));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
