/** The generated documents pass Redocly's recommended lint rules with zero errors (and zero warnings). */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildOpenApi, toJson } from "../../src/openapi/index.js";
import { DUMPS } from "../helpers/dumps.js";
import { documentOf } from "../helpers/fixtures.js";
import { ROOT } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-redocly-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("redocly lint (recommended rules)", () => {
  it("finds no problem in the tiny model's document and every dump's", async () => {
    const files = [join(dir, "tiny.json")];
    await writeFile(files[0]!, toJson(buildOpenApi(tinyModel())));
    for (const d of DUMPS) {
      const file = join(dir, `${d.name}.json`);
      await writeFile(file, toJson(await documentOf(d)));
      files.push(file);
    }
    const { stdout } = await promisify(execFile)(join(ROOT, "node_modules/.bin/redocly"), ["lint", "--format=json", ...files], {
      maxBuffer: 256 << 20,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    }).catch((err: { stdout?: string; stderr?: string }) => {
      throw new Error(`redocly lint failed:\n${err.stdout?.slice(0, 4000)}\n${err.stderr?.slice(0, 2000)}`);
    });
    // One JSON report per file, printed back to back.
    const reports = stdout
      .slice(stdout.indexOf("{"))
      .split(/(?<=\n?\})(?=\{)/)
      .map((text) => JSON.parse(text) as { totals: { errors: number; warnings: number }; problems: unknown[] });
    expect(reports).toHaveLength(files.length);
    for (const report of reports)
      expect(report.totals, JSON.stringify(report.problems.slice(0, 3))).toMatchObject({ errors: 0, warnings: 0 });
  });
});
