import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { OutputFile } from "../io/files.js";
import { Option, type Command } from "commander";
import { EMITTERS, EMITTER_NAMES, type Emitter, type EmitOptions, type OptionValue } from "../emit/registry.js";
import { DEFAULT_TARGETS, generate, type Target } from "../generate.js";
import { UserError } from "../io/errors.js";
import { listFiles, writeFilesAtomic } from "../io/files.js";
import { mergeModels } from "../model/merge.js";
import { documentInputs, evidenceOptions, type EvidenceFlags } from "./document-inputs.js";
import { action, UsageError, warn } from "./run.js";
import { loadTrees, treeOptions, type TreeFlags } from "./trees.js";

interface GenerateFlags extends TreeFlags, EvidenceFlags {
  from: string[];
  out: string;
  only?: Target[];
  check?: boolean;
  /** The emitters' options, by their flags' camelCase names. */
  [option: string]: unknown;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** What commander calls a flag's value: `--ros-version` → `rosVersion`. */
const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every emitter option as a flag: `--<name>` for a switch, `--<name> <value>` for a text; the help names the emitter. */
function emitterFlags(): Option[] {
  return EMITTERS.flatMap((e: Emitter) =>
    Object.entries(e.options).map(([key, spec]) => {
      const flag = typeof spec.default === "boolean" ? `--${kebab(key)}` : `--${kebab(key)} <value>`;
      const option = new Option(flag, `${e.name}: ${spec.description}`);
      return typeof spec.default === "boolean" ? option : option.default(spec.default);
    }),
  );
}

/** The flags given, as options by emitter. */
function emitterOptions(flags: GenerateFlags): EmitOptions {
  return Object.fromEntries(
    EMITTERS.map((e: Emitter) => [
      e.name,
      Object.fromEntries(
        Object.keys(e.options).flatMap((key) =>
          flags[camel(kebab(key))] === undefined ? [] : [[key, flags[camel(kebab(key))] as OptionValue]],
        ),
      ),
    ]),
  );
}

export function registerGenerate(program: Command): void {
  const command = evidenceOptions(treeOptions(program.command("generate")), { overlay: true, archDiff: true })
    .description(
      `Build the OpenAPI document and its outputs: ${EMITTERS.filter((e: Emitter) => e.inDefault !== false)
        .map((e) => e.description)
        .join("; ")}`,
    )
    .requiredOption(
      "--from <files...>",
      "a rosapi model, or restraml inspect.json / deep-inspect.json; several: one document for their union, with x-routeros-since / x-routeros-removed-in",
    )
    .requiredOption("--out <dir>", "output directory")
    .addOption(new Option("--only <targets...>", `emit only these (default: ${DEFAULT_TARGETS.join(", ")})`).choices([...EMITTER_NAMES]))
    .option("--check", "write nothing; exit 1 when the files in --out differ from what would be generated")
    .addHelpText(
      "after",
      "\nExamples:\n  rosapi generate --from restraml:7.22.3 --out generated/7.22.3\n  rosapi generate --from restraml:7.24/extra --out out   (with restraml's x86/arm64 comparison)\n  rosapi generate --from deep-inspect.json --arch-diff diff-deep-inspect.json --out out\n  rosapi generate --from model.json --out out --only openapi\n  rosapi generate --from deep-inspect.json --facts probe:7.22.1 ansible:3.21.0 --out out\n  rosapi generate --from deep-inspect.json --facts required-args.v7.22.1.json _api_data.py --only overlay --out out\n  rosapi generate --from deep-inspect.json --no-facts --out out\n  rosapi generate --from model.json --overlay my-descriptions.yaml --out out\n  rosapi generate --from model.json --out out --only openapi --split\n  rosapi generate --from model.json --out generated/sample --check\n  rosapi generate --from 7.16.json --from 7.20.8.json --from 7.22.3.json --out merged",
    )
    .action(action(runGenerate));
  for (const option of emitterFlags()) command.addOption(option);
}

async function runGenerate(flags: GenerateFlags): Promise<void> {
  if (flags.out.trim() === "") throw new UsageError("--out is empty: name the output folder");
  const models = await loadTrees(flags.from, flags);
  models.forEach((m, i) => {
    if (!m.header.version) warn(`${flags.from[i]} carries no RouterOS version: the document says "unknown"; --ros-version sets it`);
  });
  const model = models.length === 1 ? models[0]! : mergeModels(models, flags.from);
  const { inputs, lines } = await documentInputs(flags, [model], flags.from.length === 1 ? flags.from : []);
  for (const line of lines) process.stdout.write(`${line}\n`);
  const stopTicker = ticker(`generating from ${flags.from.join(", ")}`);
  let files: OutputFile[];
  let dropped: string[];
  let unused: string[];
  try {
    ({
      files,
      dropped,
      unusedOverlayActions: unused,
    } = await generate({
      model,
      ...inputs[0],
      options: emitterOptions(flags),
      ...(flags.only ? { targets: flags.only } : {}),
    }));
  } finally {
    stopTicker();
  }
  for (const action of unused) warn(`overlay action matched nothing: ${action}`);
  if (flags.check) {
    const stale = await staleFiles(flags.out, files, dropped);
    if (stale.length > 0) throw new UserError(`${flags.out} is stale: ${stale.slice(0, 5).join(", ")}${stale.length > 5 ? ", ..." : ""}`);
    process.stdout.write(`${flags.out} is up to date (${files.length} files)\n`);
    return;
  }
  await writeFilesAtomic(flags.out, files, dropped);
  process.stdout.write(`wrote ${files.length} files into ${flags.out}\n`);
}

/** Files that differ or are missing, and files a write would remove (left by an earlier run inside a folder this one produces or drops). */
async function staleFiles(dir: string, files: OutputFile[], dropped: string[]): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    const current = await readFile(join(dir, file.path), "utf8").catch(() => undefined);
    if (current !== file.content) stale.push(file.path);
  }
  const produced = new Set(files.map((f) => f.path));
  const folders = new Set(
    files
      .map((f) => f.path.split("/"))
      .filter((parts) => parts.length > 1)
      .map((parts) => parts[0]!),
  );
  for (const folder of [...folders, ...dropped]) {
    for (const path of await listFiles(join(dir, folder))) if (!produced.has(`${folder}/${path}`)) stale.push(`${folder}/${path} (extra)`);
  }
  return stale;
}

/** On a terminal, a line that says the work goes on (generating a big tree takes seconds); nothing otherwise. */
function ticker(what: string): () => void {
  if (!process.stderr.isTTY) return () => {};
  const started = Date.now();
  const show = () => process.stderr.write(`\r${what}: ${Math.round((Date.now() - started) / 1000)} s`);
  show();
  const timer = setInterval(show, 1000);
  return () => {
    clearInterval(timer);
    process.stderr.write("\r\x1b[2K");
  };
}
