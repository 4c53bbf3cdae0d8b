/**
 * The ecosystem check: the documents of the 7.22.3 deep and extra trees, fed
 * to the generators users already have, whose output must compile under
 * `tsc --strict`; and the linters, which must find nothing.
 *
 *   npm run check:ecosystem            (about 10 minutes on two cores)
 *
 * - openapi-typescript and orval (fetch client) on both documents;
 * - @hey-api/openapi-ts (types, SDK, fetch client) on the extra document, within 5 minutes;
 * - redocly lint (recommended) and spectral (spectral:oas) on both: zero errors, zero warnings
 *   from redocly, zero `operation-description` warnings from spectral.
 *
 * Versions are the devDependencies (the releases npm installs on Node 20). Exits 1 on any failure.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadModel } from "../../src/model/index.js";
import { buildOpenApi, toJson } from "../../src/openapi/index.js";
import { ROOT } from "../helpers/cli.js";
import { dump } from "../helpers/dumps.js";

const BIN = join(ROOT, "node_modules/.bin");
const HEY_API_LIMIT_MS = 5 * 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident memory of the command, in MB (GNU time). */
  mb: number | undefined;
  /** Stopped at the time limit. */
  stopped: boolean;
}

/**
 * Runs a tool under GNU time (for its peak memory) in its own process group,
 * so that the time limit stops the tool and all it started, not only `time`.
 */
function run(command: string, args: string[], cwd: string, timeoutMs = 30 * 60_000): Promise<Run> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/time", ["-f", "%M rosapi-peak-kb", join(BIN, command), ...args], {
      cwd,
      detached: true,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NODE_OPTIONS: "--max-old-space-size=6144" },
    });
    let stopped = false;
    const timer = setTimeout(() => {
      stopped = true;
      process.kill(-child.pid!, "SIGKILL");
    }, timeoutMs);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      const kb = stderr.match(/(\d+) rosapi-peak-kb/)?.[1];
      resolve({
        code: stopped ? null : code,
        stdout,
        stderr,
        ms: performance.now() - start,
        mb: kb ? Math.round(Number(kb) / 1024) : undefined,
        stopped,
      });
    });
  });
}

const failures: string[] = [];

/** `TS2411 ×3, TS2451 ×1`: how often each word occurs. */
function tally(words: string[]): string {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].map(([word, n]) => `${word} ×${n}`).join(", ");
}
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** `12.3 s, 456 MB`: a run's time and peak memory. */
const cost = (r: Run): string => `${seconds(r.ms)}, ${r.mb ?? "?"} MB${r.stopped ? ", stopped at the limit" : ""}`;

function report(label: string, ok: boolean, detail: string): void {
  console.log(`${ok ? "ok  " : "FAIL"} ${label.padEnd(44)} ${detail}`);
  if (!ok) failures.push(label);
}

/** `tsc --strict` over generated files: error count by code, time and memory. */
async function compile(label: string, dir: string, files: string[]): Promise<void> {
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: "ES2022",
      module: "ESNext",
      moduleResolution: "Bundler",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [],
    },
    files,
  };
  await writeFile(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  const r = await run("tsc", ["-p", "tsconfig.json"], dir);
  const errors = r.stdout.match(/error TS\d+/g) ?? [];
  report(
    `${label}: tsc --strict`,
    r.code === 0 && errors.length === 0,
    `${errors.length} errors ${tally(errors.map((e) => e.slice(6)))} (${cost(r)})`,
  );
  if (errors.length)
    console.log(
      r.stdout
        .split("\n")
        .filter((l) => l.includes("error TS"))
        .slice(0, 5)
        .join("\n"),
    );
}

async function openapiTypescript(name: string, dir: string): Promise<void> {
  const out = join(dir, `openapi-typescript-${name}`);
  await mkdir(out);
  const r = await run("openapi-typescript", [join(dir, `${name}.json`), "-o", join(out, "schema.ts")], dir);
  report(`${name}: openapi-typescript`, r.code === 0, cost(r));
  if (r.code === 0) await compile(`${name}: openapi-typescript`, out, ["schema.ts"]);
  else console.log(r.stderr.slice(0, 2000));
}

async function orval(name: string, dir: string): Promise<void> {
  const out = join(dir, `orval-${name}`);
  const config = join(dir, `orval-${name}.config.cjs`);
  await writeFile(
    config,
    `module.exports = { api: { input: { target: ${JSON.stringify(join(dir, `${name}.json`))} }, output: { target: ${JSON.stringify(join(out, "api.ts"))}, client: "fetch", mode: "single" } } };\n`,
  );
  const r = await run("orval", ["--config", config], dir);
  report(`${name}: orval (fetch)`, r.code === 0, cost(r));
  if (r.code === 0) await compile(`${name}: orval`, out, ["api.ts"]);
  else console.log(r.stderr.slice(0, 2000));
}

async function heyApi(name: string, dir: string): Promise<void> {
  const out = join(dir, `hey-api-${name}`);
  const config = join(dir, `hey-api-${name}.config.mjs`);
  const plugins = ["@hey-api/typescript", "@hey-api/sdk", "@hey-api/client-fetch"];
  await writeFile(
    config,
    `export default { input: ${JSON.stringify(join(dir, `${name}.json`))}, output: ${JSON.stringify(out)}, plugins: ${JSON.stringify(plugins)} };\n`,
  );
  const r = await run("openapi-ts", ["-f", config], dir, HEY_API_LIMIT_MS);
  report(`${name}: @hey-api/openapi-ts`, r.code === 0 && r.ms < HEY_API_LIMIT_MS, `${cost(r)} (limit ${seconds(HEY_API_LIMIT_MS)})`);
  if (r.code === 0) await compile(`${name}: @hey-api/openapi-ts`, out, ["index.ts"]);
  else console.log(r.stderr.slice(0, 2000));
}

async function lint(name: string, dir: string): Promise<void> {
  const file = join(dir, `${name}.json`);
  const redocly = await run("redocly", ["lint", "--format=json", file], dir);
  const totals = (JSON.parse(redocly.stdout.slice(redocly.stdout.indexOf("{"))) as { totals: { errors: number; warnings: number } }).totals;
  report(
    `${name}: redocly lint (recommended)`,
    totals.errors === 0 && totals.warnings === 0,
    `${totals.errors} errors, ${totals.warnings} warnings (${cost(redocly)})`,
  );

  const ruleset = join(dir, ".spectral.yaml");
  await writeFile(ruleset, "extends: spectral:oas\n");
  const spectral = await run("spectral", ["lint", "--ruleset", ruleset, "--format", "json", "--quiet", file], dir);
  const results = JSON.parse(spectral.stdout || "[]") as { code: string; severity: number }[];
  const missing = results.filter((r) => r.code === "operation-description").length;
  report(
    `${name}: spectral (spectral:oas)`,
    missing === 0,
    `${missing} operation-description; all: ${tally(results.map((r) => r.code)) || "none"} (${cost(spectral)})`,
  );
}

const dir = await mkdtemp(join(tmpdir(), "rosapi-ecosystem-"));
try {
  for (const name of ["7.22.3-deep", "7.22.3-extra"]) {
    const d = dump(name);
    if (!d) {
      report(`${name}: document`, false, "the dump is absent (../shared/routeros)");
      continue;
    }
    const json = toJson(buildOpenApi(await loadModel(d.file)));
    await writeFile(join(dir, `${name}.json`), json);
    console.log(`${name}: openapi.json ${(json.length / 1e6).toFixed(1)} MB`);
    await lint(name, dir);
    await openapiTypescript(name, dir);
    await orval(name, dir);
    if (name.endsWith("extra")) await heyApi(name, dir);
  }
} finally {
  if (process.env["KEEP"]) console.log(`outputs kept in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`\n${failures.length} check(s) failed: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("\nall ecosystem checks passed");
