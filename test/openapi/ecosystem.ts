/**
 * The ecosystem check: the documents of the 7.22.3 deep and extra trees, fed
 * to the generators users already have, whose output must compile under
 * `tsc --strict`; and the linters, which must find nothing.
 *
 *   npm run check:ecosystem            (about 45 minutes on two busy cores)
 *   STEPS=hey-api npm run check:ecosystem   (only these: lint, openapi-typescript, orval, hey-api)
 *
 * - openapi-typescript and orval (fetch client) on both documents;
 * - @hey-api/openapi-ts (types, SDK, fetch client) on the extra document: the whole document
 *   within 5 minutes (a known limitation of 0.95 when stopped), and every part of the
 *   per-top-level-menu split, all compiled;
 * - redocly lint (recommended) and spectral (spectral:oas) on both: zero errors, zero warnings
 *   from redocly, zero `operation-description` warnings from spectral.
 *
 * Each line gives the tool's time and peak memory. Versions are the devDependencies (the
 * releases npm installs on Node 20). Exits 1 on any failure; `KEEP=1` keeps the outputs.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadModel } from "../../src/model/index.js";
import type { OpenAPIV3 } from "openapi-types";
import { buildOpenApi, splitByTopMenu, toJson } from "../../src/openapi/index.js";
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
const knownLimits: string[] = [];

/** `TS2411 ×3, TS2451 ×1`: how often each word occurs. */
function tally(words: string[]): string {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].map(([word, n]) => `${word} ×${n}`).join(", ");
}
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
/** `12.3 s, 456 MB`: a run's time and peak memory. */
const cost = (r: Run): string => `${seconds(r.ms)}, ${r.mb ?? "?"} MB${r.stopped ? ", stopped at the limit" : ""}`;

/** A check that cannot pass for a reason outside our document, shown with its figures. */
function known(label: string, detail: string): void {
  console.log(`KNOWN ${label.padEnd(43)} ${detail}`);
  knownLimits.push(label);
}

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

/** One @hey-api/openapi-ts run (types, SDK, fetch client) of `input` into `out`, within `limitMs`. */
async function heyApiRun(input: string, out: string, dir: string, limitMs: number): Promise<Run> {
  const config = `${out}.config.mjs`;
  const plugins = ["@hey-api/typescript", "@hey-api/sdk", "@hey-api/client-fetch"];
  await writeFile(
    config,
    `export default { input: ${JSON.stringify(input)}, output: ${JSON.stringify(out)}, plugins: ${JSON.stringify(plugins)} };\n`,
  );
  return run("openapi-ts", ["-f", config], dir, limitMs);
}

/**
 * @hey-api/openapi-ts on the whole document, stopped at 5 minutes: 0.95's
 * time grows with the square of the operations (README, "Ecosystem check"),
 * so this is reported as a known limitation of the generator, not a failure.
 * Then on each part of the per-top-level-menu split (`rosapi generate
 * --split`), which must all generate and compile.
 */
async function heyApi(name: string, dir: string, document: OpenAPIV3.Document): Promise<void> {
  const whole = await heyApiRun(join(dir, `${name}.json`), join(dir, `hey-api-${name}`), dir, HEY_API_LIMIT_MS);
  if (whole.code === 0) {
    report(`${name}: @hey-api/openapi-ts`, whole.ms < HEY_API_LIMIT_MS, `${cost(whole)} (limit ${seconds(HEY_API_LIMIT_MS)})`);
    await compile(`${name}: @hey-api/openapi-ts`, join(dir, `hey-api-${name}`), ["index.ts"]);
  } else if (whole.stopped) {
    known(`${name}: @hey-api/openapi-ts, whole document`, `not done in ${cost(whole)}: the generator's limit, see README`);
  } else {
    report(`${name}: @hey-api/openapi-ts, whole document`, false, cost(whole));
    console.log(whole.stderr.slice(0, 2000));
  }

  const parts = join(dir, `${name}-split`);
  const outs = join(dir, `hey-api-${name}-split`);
  await mkdir(parts);
  await mkdir(outs);
  const failed: string[] = [];
  const generated: string[] = [];
  const times: { top: string; ms: number }[] = [];
  let mb = 0;
  for (const [top, part] of splitByTopMenu(document)) {
    await writeFile(join(parts, `${top}.json`), toJson(part));
    const r = await heyApiRun(join(parts, `${top}.json`), join(outs, top), dir, HEY_API_LIMIT_MS);
    times.push({ top, ms: r.ms });
    mb = Math.max(mb, r.mb ?? 0);
    if (r.code === 0) generated.push(`${top}/index.ts`);
    else failed.push(`${top} (${cost(r)})`);
  }
  report(
    `${name}: @hey-api/openapi-ts per top-level menu`,
    failed.length === 0,
    `${times.length} parts, ${seconds(times.reduce((sum, t) => sum + t.ms, 0))} in all, peak ${mb} MB${failed.length ? `; failed: ${failed.join(", ")}` : ""}`,
  );
  const longest = times.sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`     the longest: ${longest.map((t) => `/${t.top} ${seconds(t.ms)}`).join(", ")}`);
  await compile(`${name}: @hey-api/openapi-ts per menu`, outs, generated);
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

/** `STEPS=hey-api,orval` runs only those (to re-run what changed); all by default. */
const STEPS = ["lint", "openapi-typescript", "orval", "hey-api"] as const;
const steps = new Set(process.env["STEPS"]?.split(",") ?? STEPS);
const unknownSteps = [...steps].filter((s) => !(STEPS as readonly string[]).includes(s));
if (unknownSteps.length) throw new Error(`unknown STEPS ${unknownSteps.join(", ")}: choose from ${STEPS.join(", ")}`);

const dir = await mkdtemp(join(tmpdir(), "rosapi-ecosystem-"));
try {
  for (const name of ["7.22.3-deep", "7.22.3-extra"]) {
    const d = dump(name);
    if (!d) {
      report(`${name}: document`, false, "the dump is absent (../shared/routeros)");
      continue;
    }
    const document = buildOpenApi(await loadModel(d.file));
    const json = toJson(document);
    await writeFile(join(dir, `${name}.json`), json);
    console.log(`${name}: openapi.json ${(json.length / 1e6).toFixed(1)} MB`);
    if (steps.has("lint")) await lint(name, dir);
    if (steps.has("openapi-typescript")) await openapiTypescript(name, dir);
    if (steps.has("orval")) await orval(name, dir);
    if (steps.has("hey-api") && name.endsWith("extra")) await heyApi(name, dir, document);
  }
} finally {
  if (process.env["KEEP"]) console.log(`outputs kept in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`\n${failures.length} check(s) failed: ${failures.join("; ")}`);
  process.exit(1);
}
const limits = knownLimits.length ? ` (known limitation of a generator: ${knownLimits.join("; ")})` : "";
console.log(`\nall ecosystem checks passed${limits}`);
