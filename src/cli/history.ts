import type { Command } from "commander";
import { buildHistory, formatHistory, formatWhere, whereIs } from "../history/index.js";
import { action } from "./run.js";
import { readFactFiles } from "../facts/index.js";
import { loadTrees, treeOptions, type TreeFlags } from "./trees.js";

interface Flags extends TreeFlags {
  json?: boolean;
  facts?: string[];
}

const FACTS_HELP =
  "evidence (required-args.v<version>.json, _api_data.py), chosen for each version: whether an add requires each arg, and its default";

export function registerHistory(program: Command): void {
  treeOptions(program.command("history"))
    .description("When each menu, command, arg and property appeared, disappeared or changed syntax, over any number of versions' trees")
    .argument("<trees...>", "rosapi models or restraml dumps (base and extra trees of one version count as one version)")
    .option("--json", "print every node's history as JSON")
    .option("--facts <files...>", FACTS_HELP)
    .addHelpText("after", "\nExample:\n  rosapi history ../shared/routeros/*/inspect.json ../shared/routeros/7.22.3/deep-inspect.json")
    .action(
      action(async (files: string[], flags: Flags) => {
        const history = buildHistory(await loadTrees(files, flags), files, await readFactFiles(flags.facts ?? []));
        process.stdout.write(flags.json ? JSON.stringify(history) + "\n" : formatHistory(history));
      }),
    );
  treeOptions(program.command("where"))
    .description("Per version: whether a menu, command, arg or property exists, and its syntax")
    .argument("<path>", "ip/address, ip/address/add, ip/address/add/address (an arg), ip/address/.dynamic (a property)")
    .argument("<trees...>", "rosapi models or restraml dumps")
    .option("--json", "print as JSON")
    .option("--facts <files...>", FACTS_HELP)
    .addHelpText("after", "\nExample:\n  rosapi where ip/address/add/address ../shared/routeros/*/inspect.json")
    .action(
      action(async (path: string, files: string[], flags: Flags) => {
        const result = whereIs(await loadTrees(files, flags), path, files, await readFactFiles(flags.facts ?? []));
        process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + "\n" : formatWhere(result));
      }),
    );
}
