/**
 * Runs the real `rosapi` command line, as built (`dist/cli/main.js`), as a
 * child process: what a user runs, and no TypeScript compile per call. The
 * build is made once per test run (vitest's globalSetup: `setup` below), and
 * only when a source file is newer than it.
 */
import { execFile, execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The built command line. */
export const CLI = join(ROOT, "dist/cli/main.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A user whom file permissions bind, for tests of them: where the tests run as root (as CI does), nobody;
 * elsewhere undefined, and the tests' own user is one.
 */
export const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/** Runs `rosapi ...args` to its end (as `user` where given). No time limit: vitest's own test timeout is the backstop for a hang. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; nodeArgs?: string[]; user?: { uid: number; gid: number } } = {},
): Promise<CliResult> {
  const node = [process.execPath, ...(options.nodeArgs ?? []), CLI, ...args];
  // As another user, with one capability kept: reading and searching any folder (the checkout may sit in a folder only
  // root can enter, as a fresh clone in a mktemp folder does), never writing where that user may not.
  const command = options.user
    ? [
        "setpriv",
        `--reuid=${options.user.uid}`,
        `--regid=${options.user.gid}`,
        "--clear-groups",
        "--inh-caps=+dac_read_search",
        "--ambient-caps=+dac_read_search",
        "--",
        ...node,
      ]
    : node;
  return new Promise((resolve) => {
    execFile(
      command[0]!,
      command.slice(1),
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Node flags that make the CLI print its peak resident memory last on stderr
 * (`peak-rss-kb N`); `peakRss` reads it back and `withoutPeak` leaves the
 * rest of stderr.
 */
export const PEAK_RSS_ARGS = [
  `--import=data:text/javascript,process.on("exit",()=>process.stderr.write("peak-rss-kb "+process.resourceUsage().maxRSS+"\\n"))`,
];
export const peakRss = (stderr: string): number => Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) * 1024;
export const withoutPeak = (stderr: string): string => stderr.replace(/peak-rss-kb \d+\n/, "");

/** Starts `rosapi ...args` and hands back the running process. */
export function spawnCli(args: string[], options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { cwd: ROOT, env: { ...process.env, ...options.env } });
}

/** Resolves with the exit code (or the signal) once the process has ended. */
export const exited = (child: ChildProcessWithoutNullStreams): Promise<number | NodeJS.Signals> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal!)));

/** Resolves with everything the stream gave once it contains `text`; rejects if the process ends first. */
export function waitForOutput(child: ChildProcessWithoutNullStreams, stream: "stdout" | "stderr", text: string | RegExp): Promise<string> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (typeof text === "string" ? seen.includes(text) : text.test(seen)) {
        child[stream].off("data", onData);
        resolve(seen);
      }
    };
    child[stream].on("data", onData);
    child.once("exit", (code) => reject(new Error(`rosapi exited with ${code} before printing ${String(text)}; it printed: ${seen}`)));
  });
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * vitest globalSetup: builds the CLI when it is missing or older than a source file; after the run, fails it if dist/
 * changed meanwhile. Files run the built CLI side by side, and a build rewrites dist/ file by file: a CLI process
 * importing a module at that moment reads it half-written and ends mid-call (the likely end of an MCP server that
 * closed mid-call in CI once).
 */
export function setup(): () => void {
  build();
  const dist = join(ROOT, "dist");
  const built = newest(dist);
  return () => {
    if (newest(dist) !== built)
      throw new Error(
        "dist/ was rebuilt during the test run (by a test, or a build beside it): the CLI processes started meanwhile may " +
          "have read half-written modules. Tests use the build this setup made; none builds into dist/.",
      );
  };
}

function build(): void {
  const built = statSafe(CLI);
  const sources = Math.max(
    newest(join(ROOT, "src")),
    statSync(join(ROOT, "tsconfig.json")).mtimeMs,
    statSync(join(ROOT, "tsconfig.build.json")).mtimeMs,
  );
  if (built > sources) return;
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch (err) {
    // tsc emits even with type errors (which `npm run typecheck` reports); only a missing output is fatal here.
    if (statSafe(CLI) <= sources)
      throw new Error(`building the CLI failed: ${(err as { stdout?: Buffer }).stdout?.toString() ?? String(err)}`);
  }
}

const statSafe = (path: string) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};
