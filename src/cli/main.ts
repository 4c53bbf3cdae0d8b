#!/usr/bin/env node
/** `rosapi`: a thin command line over the library. Exit codes: 0 ok, 1 failure, 2 usage. */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { registerCrawl } from "./crawl.js";
import { registerGenerate } from "./generate.js";
import { registerMock } from "./mock.js";
import { registerDemo } from "./demo.js";
import { registerDiff } from "./diff.js";
import { registerHistory } from "./history.js";
import { registerSite } from "./site.js";
import { registerProbe } from "./probe.js";
import { registerMcp } from "./mcp.js";
import { EXIT_USAGE } from "./run.js";

const program = new Command("rosapi")
  .description("Schema toolchain for the MikroTik RouterOS REST API")
  .version((JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version)
  // `--version` is the tool's only before a command: `rosapi mock --version 7.24` must not print it and exit 0.
  .enablePositionalOptions()
  // A usage error is one line and a hint, not the whole help (subcommands inherit this).
  .showHelpAfterError("(add --help for usage)")
  .exitOverride();

registerCrawl(program);
registerGenerate(program);
registerMock(program);
registerDiff(program);
registerHistory(program);
registerSite(program);
registerProbe(program);
registerDemo(program);
registerMcp(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    const helpOrVersion = err.exitCode === 0;
    process.exit(helpOrVersion ? 0 : EXIT_USAGE);
  }
  throw err;
}
