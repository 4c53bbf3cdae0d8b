/**
 * Every TypeScript block of the README and of docs/ compiles under `tsc --strict`: client examples against the
 * sample tree's generated client, library examples against the library API as package.json exports it to users:
 * `"rosapi"` is dist/index.d.ts, `"rosapi/openapi"` dist/openapi/index.d.ts (built from src by the CLI's setup).
 * Only the blocks are checked (skipLibCheck): the declarations they import are checked elsewhere (typecheck, the
 * client's tests), and checking them again here, with src and its dependencies' types, was 30 s of CPU.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleModel } from "../src/sample/index.js";
import { ROOT } from "./helpers/cli.js";
import { compile, removeClient, writeClient } from "./helpers/generated-client.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeClient)));

/** The ```ts blocks of a Markdown text. */
export const typeScriptBlocks = (markdown: string): string[] => [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

const DOCS = ["README.md", ...(await readdir(join(ROOT, "docs"))).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

describe("README and docs/", () => {
  it("have TypeScript blocks, and every one compiles", async () => {
    const blocks = (await Promise.all(DOCS.map(async (doc) => typeScriptBlocks(await readFile(join(ROOT, doc), "utf8"))))).flat();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const dir = await writeClient(sampleModel(), "readme");
    dirs.push(dir);
    const library = (subpath = "") => relative(dir, join(ROOT, "dist", subpath, "index.js")).replace(/\\/g, "/");
    const files = await Promise.all(
      blocks.map(async (code, i) => {
        const file = join(dir, `block${i + 1}.ts`);
        const local = code
          .replace(/from "\.\/generated\/[^"]+\/client\/index\.js"/g, 'from "./client/index.js"')
          .replace(/from "rosapi(?:\/([a-z]+))?"/g, (_, subpath?: string) => `from "${library(subpath)}"`);
        await writeFile(file, `${local}\nexport {};\n`);
        return file;
      }),
    );
    expect(await compile([...files, "--skipLibCheck"])).toBe("");
  });
});
