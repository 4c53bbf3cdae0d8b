/**
 * The library API as a user meets it: `import ... from "rosapi"`, resolved through package.json `exports` to the
 * built dist/ (types included): type-checks and runs a user's module. dist/ is the run's own build (`npm run build`'s
 * command, made by the CLI's setup before any file): building it again here would rewrite, file by file, the modules
 * that other files' CLI processes are importing at that moment.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { compile, OUT, removeClient } from "../helpers/generated-client.js";

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeClient)));

describe('import from "rosapi"', () => {
  it("type-checks and runs: crawl, generate, buildOpenApi, the emitters, the simulator", async () => {
    await mkdir(OUT, { recursive: true });
    const dir = await mkdtemp(join(OUT, "api-"));
    dirs.push(dir);
    const user = join(dir, "user.ts");
    await writeFile(
      user,
      `import { buildOpenApi, buildView, crawl, EMITTERS, generate, startSimulator, type EmitterView, type SchemaModel } from "rosapi";\n` +
        `export async function roundTrip(model: SchemaModel): Promise<string[]> {\n` +
        `  const sim = await startSimulator({ model });\n` +
        `  try {\n` +
        `    const crawled = await crawl({ url: sim.url, user: "admin", password: "" });\n` +
        `    const { files } = await generate({ model: crawled, targets: ["openapi"] });\n` +
        `    const view: EmitterView = buildView(buildOpenApi(crawled));\n` +
        `    return [...files.map((f) => f.path), ...EMITTERS.map((e) => e.name), String(view.operations.length)];\n` +
        `  } finally {\n` +
        `    await sim.close();\n` +
        `  }\n` +
        `}\n`,
    );
    expect(await compile([user])).toBe("");
    const { stdout } = await run(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const m = await import("rosapi"); console.log(["crawl", "generate", "buildOpenApi", "EMITTERS", "startSimulator"].map((k) => typeof m[k]).join(","));',
      ],
      { cwd: dir },
    );
    expect(stdout.trim()).toBe("function,function,function,object,function");

    // The subpaths type-check, and neither they nor "rosapi" load TypeScript (only the client emitter does, when it runs).
    const subpaths = join(dir, "subpaths.ts");
    await writeFile(
      subpaths,
      `import { buildOpenApi, toJson, validateOpenApi } from "rosapi/openapi";\n` +
        `import { startSimulator } from "rosapi/simulator";\n` +
        `import { diffModels, formatDiff } from "rosapi/diff";\n` +
        `import { crawl, type CrawlOptions } from "rosapi/crawl";\n` +
        `import { createMcpServer, type Doors } from "rosapi/mcp";\n` +
        `import type { SchemaModel } from "rosapi";\n` +
        `export const used = [buildOpenApi, toJson, validateOpenApi, startSimulator, diffModels, formatDiff, crawl, createMcpServer];\n` +
        `export const options = (model: SchemaModel, doors?: Doors): CrawlOptions | Doors | string => doors ?? model.header.version ?? "";\n`,
    );
    expect(await compile([subpaths])).toBe("");
    for (const entry of ["rosapi", "rosapi/openapi", "rosapi/simulator", "rosapi/diff", "rosapi/crawl", "rosapi/mcp"]) {
      const loaded = await run(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `await import(${JSON.stringify(entry)}); const { createRequire } = await import("node:module");` +
            `console.log(Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules\\/(typescript|ts-morph)\\//.test(f)).length);`,
        ],
        { cwd: dir },
      );
      expect(loaded.stdout.trim(), entry).toBe("0");
    }
  }, 300_000);
});

describe("the package", () => {
  it("ships the built library, the command line and the runtime template, and no tests, sources or source maps", async () => {
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, maxBuffer: 64 << 20 });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/cli/main.js",
        "src/templates/runtime.ts",
      ]),
    );
    expect(files.filter((f) => !/^(dist\/|src\/templates\/|package\.json$|README\.md$|docs\/)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith(".map") || f.startsWith("test/"))).toEqual([]);
    // The sample tree's JSON files come along with the code that imports them.
    expect(files).toEqual(expect.arrayContaining(["dist/sample/store.json", "dist/sample/tree.json"]));
  }, 120_000);
});
