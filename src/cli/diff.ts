import type { Command } from "commander";
import { diffModels, formatDiff } from "../diff/index.js";
import { loadModel } from "../model/load.js";
import { action } from "./run.js";

export function registerDiff(program: Command): void {
  program
    .command("diff")
    .description("Report what changed between two RouterOS versions' trees (menus, commands, args, properties, syntax)")
    .argument("<old>", "the older tree: a rosapi model or a restraml inspect.json / deep-inspect.json")
    .argument("<new>", "the newer tree")
    .option("--json", "print the diff as JSON")
    .addHelpText("after", "\nExample:\n  rosapi diff ../shared/routeros/7.20.8/inspect.json ../shared/routeros/7.22.3/deep-inspect.json")
    .action(
      action(async (older: string, newer: string, flags: { json?: boolean }) => {
        const [a, b] = await Promise.all([loadModel(older), loadModel(newer)]);
        const diff = diffModels(a, b, { from: older, to: newer });
        process.stdout.write(flags.json ? JSON.stringify(diff, null, 2) + "\n" : formatDiff(diff));
      }),
    );
}
