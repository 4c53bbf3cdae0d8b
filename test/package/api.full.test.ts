/**
 * The library API as a user meets it: `import ... from "rosapi"`, resolved through package.json `exports` to the
 * built dist/ (types included). Builds dist/ first (`npm run build`), then type-checks and runs a user's module.
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
    await run(join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], { cwd: ROOT });
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
  }, 300_000);
});
