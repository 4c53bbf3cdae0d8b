/** Every dump's generated client compiles under `tsc --strict` (one tsc run for all); compile.full.test.ts checks the rest. */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleModel } from "../../../src/sample/index.js";
import { DUMPS } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";
import { compile, removeClient, writeClient } from "../../helpers/generated-client.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeClient)));

describe("generated TypeScript client", () => {
  it("compiles for the sample tree and every dump, under --strict and NodeNext", async () => {
    dirs.push(await writeClient(sampleModel(), "sample"));
    for (const d of DUMPS) dirs.push(await writeClient(await documentOf(d), d.name));
    expect(await compile(dirs.map((dir) => join(dir, "client/index.d.ts")))).toBe("");
  });
});
