import type { Command } from "commander";
import { buildHistory, formatHistory, formatWhere, whereIs } from "../history/index.js";
import { action } from "./run.js";
import { documentInputs, evidenceOptions, type EvidenceFlags } from "./document-inputs.js";
import { loadTrees, treeOptions, type TreeFlags } from "./trees.js";

interface Flags extends TreeFlags, EvidenceFlags {
  json?: boolean;
}

/** The trees and the evidence chosen for them (the evidence lines on stderr). */
async function treesWithEvidence(files: string[], flags: Flags) {
  const models = await loadTrees(files, flags);
  const { inputs, lines } = await documentInputs(flags, models);
  for (const line of lines) process.stderr.write(`rosapi: ${line}\n`);
  return { models, facts: inputs[0]?.facts ?? [] };
}

export function registerHistory(program: Command): void {
  evidenceOptions(treeOptions(program.command("history")))
    .description("When each menu, command, arg and property appeared, disappeared or changed syntax, over any number of versions' trees")
    .argument("<trees...>", "rosapi models or restraml dumps (base and extra trees of one version count as one version)")
    .option("--json", "print every node's history as JSON")
    .addHelpText("after", "\nExample:\n  rosapi history ../shared/routeros/*/inspect.json ../shared/routeros/7.22.3/deep-inspect.json")
    .action(
      action(async (files: string[], flags: Flags) => {
        const { models, facts } = await treesWithEvidence(files, flags);
        const history = buildHistory(models, files, facts);
        process.stdout.write(flags.json ? JSON.stringify(history) + "\n" : formatHistory(history));
      }),
    );
  evidenceOptions(treeOptions(program.command("where")))
    .description("Per version: whether a menu, command, arg or property exists, and its syntax")
    .argument("<path>", "ip/address, ip/address/add, ip/address/add/address (an arg), ip/address/.dynamic (a property)")
    .argument("<trees...>", "rosapi models or restraml dumps")
    .option("--json", "print as JSON")
    .addHelpText("after", "\nExample:\n  rosapi where ip/address/add/address ../shared/routeros/*/inspect.json")
    .action(
      action(async (path: string, files: string[], flags: Flags) => {
        const { models, facts } = await treesWithEvidence(files, flags);
        const result = whereIs(models, path, files, facts);
        process.stdout.write(flags.json ? JSON.stringify(result, null, 2) + "\n" : formatWhere(result));
      }),
    );
}
