/** `npm start` (rosapi demo): simulator → crawl → generate, giving exactly the committed generated/sample/. */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { sampleModel, sampleStore } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { ROOT, runCli } from "../helpers/cli.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-demo-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function tree(base: string, sub = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(base, sub), { withFileTypes: true })) {
    const path = join(sub, entry.name);
    if (entry.isDirectory()) out.push(...(await tree(base, path)));
    else out.push(path);
  }
  return out.sort();
}

describe("rosapi demo", () => {
  it("crawls the sample simulator back into the sample tree", async () => {
    const sim = await startSimulator({ model: sampleModel(), store: sampleStore() });
    try {
      expect((await crawl({ url: sim.url, user: "admin", password: "" })).root).toEqual(sampleModel().root);
    } finally {
      await sim.close();
    }
  });

  it("writes what is committed in generated/sample", async () => {
    const result = await runCli(["demo", "--out", dir]);
    expect(result.code, result.stderr).toBe(0);
    const committed = join(ROOT, "generated/sample");
    const files = await tree(dir);
    expect(files).toEqual(await tree(committed));
    for (const file of files) expect(await readFile(join(dir, file), "utf8"), file).toBe(await readFile(join(committed, file), "utf8"));
  });
});
