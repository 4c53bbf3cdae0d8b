import type { Command } from "commander";
import { diffModels, formatDiff, markdownDiff } from "../diff/index.js";
import { action, EXIT_FAILURE } from "./run.js";
import { documentInputs, evidenceOptions, type EvidenceFlags } from "./document-inputs.js";
import { loadTrees, treeOptions, type TreeFlags } from "./trees.js";

interface DiffFlags extends TreeFlags, EvidenceFlags {
  json?: boolean;
  markdown?: boolean;
  only?: string[];
  breaking?: boolean;
  exitCode?: boolean;
}

export function registerDiff(program: Command): void {
  evidenceOptions(treeOptions(program.command("diff")))
    .description(
      "What changed between two RouterOS versions' trees, as a release checklist: menus, commands, args, item properties, value types, vocabularies; REST consequences; breaking or not",
    )
    .argument("<old>", "the older tree: a rosapi model or a restraml inspect.json / deep-inspect.json")
    .argument("<new>", "the newer tree")
    .option("--json", "print the diff as JSON ({from, to, summary, changes})")
    .option("--markdown", "print a Markdown checklist to paste into an issue")
    .option("--only <menus...>", "only changes under these menus (ip/firewall)")
    .option("--breaking", "only changes that break clients")
    .option("--exit-code", "exit 1 when something breaking changed (for CI)")
    .addHelpText(
      "after",
      "\nExamples:\n  rosapi diff ../shared/routeros/7.20.8/inspect.json ../shared/routeros/7.23.3/inspect.json\n  rosapi diff old.json new.json --only ip/firewall --breaking --markdown\n  rosapi diff a/inspect.json b/inspect.json --ros-version 7.20.8,7.23.3 --exit-code",
    )
    .action(
      action(async (older: string, newer: string, flags: DiffFlags) => {
        const [a, b] = await loadTrees([older, newer], flags);
        const {
          facts: [before, after],
          lines,
        } = await documentInputs(flags, [a!, b!]);
        for (const line of lines) process.stderr.write(`rosapi: ${line}\n`);
        const diff = diffModels(a!, b!, {
          ...(before && after ? { facts: { before, after } } : {}),
          from: older,
          to: newer,
          ...(flags.only ? { only: flags.only } : {}),
          ...(flags.breaking ? { breaking: true } : {}),
        });
        const color = process.stdout.isTTY === true && !process.env["NO_COLOR"];
        process.stdout.write(
          flags.json ? JSON.stringify(diff, null, 2) + "\n" : flags.markdown ? markdownDiff(diff) : formatDiff(diff, { color }),
        );
        if (flags.exitCode && diff.summary.breaking > 0) process.exitCode = EXIT_FAILURE;
      }),
    );
}
