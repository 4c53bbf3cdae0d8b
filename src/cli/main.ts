#!/usr/bin/env node
/** `rosapi`: a thin command line over the library. Exit codes: 0 ok, 1 failure, 2 usage. */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { EXIT_USAGE } from "./run.js";

type Register = (program: Command) => void;

/**
 * The commands, each loaded only when it runs (a command's module pulls in the library it needs, and loading all
 * of them up front made `rosapi --version` take most of a second). A new command is one line here.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  crawl: async () => (await import("./crawl.js")).registerCrawl,
  generate: async () => (await import("./generate.js")).registerGenerate,
  mock: async () => (await import("./mock.js")).registerMock,
  diff: async () => (await import("./diff.js")).registerDiff,
  history: async () => (await import("./history.js")).registerHistory,
  where: async () => (await import("./history.js")).registerHistory,
  demo: async () => (await import("./demo.js")).registerDemo,
  site: async () => (await import("./site.js")).registerSite,
  probe: async () => (await import("./probe.js")).registerProbe,
  mcp: async () => (await import("./mcp.js")).registerMcp,
  check: async () => (await import("./check.js")).registerCheck,
};

const program = new Command("rosapi")
  .description("Schema toolchain for the MikroTik RouterOS REST API")
  .version((JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version)
  // `--version` is the tool's only before a command: `rosapi mock --version 7.24` must not print it and exit 0.
  .enablePositionalOptions()
  // A usage error is one line and a hint, not the whole help (subcommands inherit this).
  .showHelpAfterError("(add --help for usage)")
  .exitOverride();

// The command named on the line, or every command where none is (the help lists them all; an unknown name is refused).
const named = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
const chosen =
  named !== undefined && named in COMMANDS
    ? [named]
    : process.argv.includes("--version") || process.argv.includes("-V")
      ? []
      : Object.keys(COMMANDS);
// One module may register more than one command (history and where): each registers once.
for (const register of new Set(await Promise.all(chosen.map((name) => COMMANDS[name]!())))) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    const helpOrVersion = err.exitCode === 0;
    process.exit(helpOrVersion ? 0 : EXIT_USAGE);
  }
  throw err;
}
