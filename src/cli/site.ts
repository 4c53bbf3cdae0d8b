import type { Command } from "commander";
import { writeFilesAtomic } from "../io/files.js";
import { buildSite } from "../site.js";
import { documentInputs, evidenceOptions, type EvidenceFlags } from "./document-inputs.js";
import { action, UsageError } from "./run.js";
import { loadTrees, TREE_HELP, treeOptions, type TreeFlags } from "./trees.js";

interface SiteFlags extends TreeFlags, EvidenceFlags {
  from: string[];
  out: string;
  downloads: boolean;
}

export function registerSite(program: Command): void {
  evidenceOptions(treeOptions(program.command("site")), { overlay: true, archDiff: true })
    .description(
      "Build a static reference site (open DIR/index.html from disk or any static host): a page per menu, search, and over several trees a version switcher, since/removed badges and a diff page per consecutive pair",
    )
    .requiredOption("--from <trees...>", `trees, one per version: each ${TREE_HELP}`)
    .requiredOption("--out <dir>", "output directory")
    .option("--no-downloads", "leave out each version's document, YAML, collection and client")
    .addHelpText(
      "after",
      "\nExamples:\n  rosapi site --from model.json --out site\n  rosapi site --from 7.20.8.json --from 7.22.3.json --out site\n  rosapi site --from model.json --out site --no-downloads",
    )
    .action(
      action(async (flags: SiteFlags) => {
        if (flags.out.trim() === "") throw new UsageError("--out is empty: name the output folder");
        const models = await loadTrees(flags.from, flags);
        const { inputs, lines } = await documentInputs(flags, models, flags.from);
        for (const line of lines) process.stdout.write(`${line}\n`);
        const files = await buildSite(
          models.map((model, i) => ({ model, source: flags.from[i]!, ...inputs[i] })),
          { downloads: flags.downloads },
        );
        await writeFilesAtomic(flags.out, files);
        process.stdout.write(`wrote ${files.length} files into ${flags.out}; open ${flags.out}/index.html\n`);
      }),
    );
}
