/**
 * Every TypeScript block of the README compiles under `tsc --strict`: client examples against the sample tree's
 * generated client, library examples against the library API (src/index.ts, what `"rosapi"` exports).
 */
import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleModel } from "../src/sample/index.js";
import { ROOT } from "./helpers/cli.js";
import { compile, removeClient, writeClient } from "./helpers/generated-client.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeClient)));

/** The ```ts blocks of a Markdown text. */
export const typeScriptBlocks = (markdown: string): string[] => [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

describe("README", () => {
  it("has TypeScript blocks, and every one compiles", async () => {
    const blocks = typeScriptBlocks(await readFile(join(ROOT, "README.md"), "utf8"));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const dir = await writeClient(sampleModel(), "readme");
    dirs.push(dir);
    const library = relative(dir, join(ROOT, "src/index.js")).replace(/\\/g, "/");
    const files = await Promise.all(
      blocks.map(async (code, i) => {
        const file = join(dir, `block${i + 1}.ts`);
        const local = code
          .replace(/from "\.\/generated\/[^"]+\/client\/index\.js"/g, 'from "./client/index.js"')
          .replace(/from "rosapi"/g, `from "${library}"`);
        await writeFile(file, `${local}\nexport {};\n`);
        return file;
      }),
    );
    expect(await compile(files)).toBe("");
  }, 300_000);
});
