import { readFileSync } from "node:fs";
import { relative, isAbsolute } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { readConfigFile } from "../config/index.js";
import type { ParsedConfig } from "../config/types.js";
import { checkConfig, checkTree, formatJson, formatSarif, formatText, summarize, upgradeFindings, type CheckTree } from "../check/index.js";
import type { CheckReport, Finding } from "../check/types.js";
import { UserError } from "../io/errors.js";
import type { SchemaModel } from "../model/types.js";
import { buildDocument, type DocumentInputs } from "../openapi/build.js";
import { documentInputs, evidenceOptions, type EvidenceFlags } from "./document-inputs.js";
import { EXIT_FAILURE, EXIT_USAGE, warn } from "./run.js";
import { loadTrees, TREE_HELP, treeOptions, type TreeFlags } from "./trees.js";

interface CheckFlags extends TreeFlags, EvidenceFlags {
  against?: string;
  to?: string;
  also?: string[];
  history?: string[];
  format: "text" | "json" | "sarif";
  notes?: boolean;
}

/** A tree ready to check against: its model and the document built for it with the run's evidence. */
async function prepare(model: SchemaModel, label: string, inputs: DocumentInputs): Promise<CheckTree> {
  const built = await buildDocument(model, inputs);
  return checkTree(model, built.document, label, built.facts);
}

/** The tree a configuration is checked against: `--against`, else the version its header names. */
function treeSpec(config: ParsedConfig, flags: CheckFlags): string {
  if (flags.against) return flags.against;
  if (!config.header.version)
    throw new UserError(`${config.file}: its header names no RouterOS version (# … by RouterOS 7.x): name a tree with --against`);
  return `restraml:${config.header.version}`;
}

/** Loads each tree named once, with the evidence of its version as every command chooses it (its line on stderr). */
async function loadOnce(specs: readonly string[], flags: CheckFlags): Promise<Map<string, CheckTree>> {
  const unique = [...new Set(specs)];
  const models = await loadTrees(unique, flags);
  const { inputs, lines } = await documentInputs(flags, models, unique);
  for (const line of lines.flatMap((l) => l.split("\n"))) process.stderr.write(`rosapi: ${line}\n`);
  const trees = new Map<string, CheckTree>();
  for (const [i, spec] of unique.entries()) trees.set(spec, await prepare(models[i]!, spec, inputs[i]!));
  return trees;
}

/** Trees of extra packages; where one named by default cannot be loaded, a warning (a menu only it has is then unknown). */
async function loadAlso(specs: readonly string[], flags: CheckFlags): Promise<{ label: string; model: SchemaModel }[]> {
  const also: { label: string; model: SchemaModel }[] = [];
  for (const spec of specs) {
    try {
      also.push({ label: spec, model: (await loadTrees([spec], flags))[0]! });
    } catch (err) {
      if (!(err instanceof UserError) || flags.also) throw err;
      warn(`${spec}: not loaded (${err.message}); a menu only an extra package has is reported as unknown`);
    }
  }
  return also;
}

const display = (file: string): string =>
  isAbsolute(file) && !relative(process.cwd(), file).startsWith("..") ? relative(process.cwd(), file) : file;

async function run(files: string[], flags: CheckFlags): Promise<number> {
  const configs = await Promise.all(files.map(async (f) => ({ ...(await readConfigFile(f)), file: display(f) })));
  const specs = configs.map((c) => treeSpec(c, flags));
  const against = await loadOnce(specs, flags);
  const target = flags.to ? (await loadOnce([flags.to], flags)).get(flags.to)! : undefined;
  // By default (the version the header names), the same version's extra packages say what the base tree lacks.
  const extraOf = (spec: string): string[] => (/^restraml:[^/]+$/.test(spec) ? [`${spec}/extra`] : []);
  const alsoSpecs = flags.also ?? (flags.against ? [] : [...new Set(specs.flatMap(extraOf))]);
  const also = await loadAlso(alsoSpecs, flags);
  // The target's own extra packages say what its base tree lacks (an --also of another version would not).
  const targetAlso = flags.to ? (flags.also ? also : await loadAlso(extraOf(flags.to), flags)) : also;
  const history = flags.history?.length ? await loadTrees(flags.history, flags) : [];
  const findings: Finding[] = [];
  for (const [i, config] of configs.entries()) {
    const tree = against.get(specs[i]!)!;
    const options = { also, history: [...history, ...(target ? [target.model] : [])] };
    findings.push(...checkConfig(config, tree, options));
    if (target) findings.push(...upgradeFindings(config, tree, target, options, { ...options, also: targetAlso }));
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const report: CheckReport = {
    against: [...new Set(specs)].map((s) => `${s} (RouterOS ${against.get(s)!.version})`),
    ...(target ? { to: [`${flags.to} (RouterOS ${target.version})`] } : {}),
    findings,
    summary: summarize(configs, findings),
  };
  if (flags.format === "json") process.stdout.write(formatJson(report));
  else if (flags.format === "sarif") process.stdout.write(formatSarif(report, packageVersion()));
  else {
    const lines = new Map(files.map((f, i) => [configs[i]!.file, readFileSync(f, "utf8").split(/\r?\n/)]));
    process.stdout.write(formatText(report, lines, { notes: flags.notes === true }));
  }
  return report.summary.errors > 0 ? EXIT_FAILURE : 0;
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export function registerCheck(program: Command): void {
  const command = evidenceOptions(treeOptions(program.command("check")));
  command
    .description(
      "Check RouterOS configuration scripts (/export, .rsc) against their version's tree: unknown menus, commands and args, refused values, missing required args; with --to, what breaks on upgrade",
    )
    .argument("<configs...>", "configuration files (/export output, .rsc scripts)")
    .option("--against <tree>", `the tree to check against (default: restraml:<the version the header names>): ${TREE_HELP}`)
    .option("--to <tree>", "the version it will be upgraded to: lines that break there, omitted args whose default changes")
    .option(
      "--also <trees...>",
      "trees of extra packages or other architectures (default with no --against: restraml:<version>/extra): what only they have is a warning",
    )
    .option("--history <trees...>", "trees of other versions: an unknown name they have says in which version it was")
    .addOption(new Option("--format <format>", "output").choices(["text", "json", "sarif"]).default("text"))
    .option("--notes", "text: also list the notes (scripting not checked)")
    .addHelpText(
      "after",
      "\nExit: 0 no errors, 1 errors found, 2 the check cannot run.\nExamples:\n  rosapi check router.rsc\n  rosapi check router.rsc --against ../shared/routeros/7.16/inspect.json --to restraml:7.23.3 --format sarif > check.sarif",
    )
    .action(async (files: string[], flags: CheckFlags) => {
      try {
        process.exitCode = await run(files, flags);
      } catch (err) {
        // Exit 1 means "errors found": a check that cannot run is 2, whatever the reason.
        process.stderr.write(
          err instanceof UserError
            ? `rosapi: ${err.message}\n`
            : `rosapi: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
        );
        process.exitCode = EXIT_USAGE;
      }
    });
}
