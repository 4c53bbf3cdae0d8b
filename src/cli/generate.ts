import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Option, type Command } from "commander";
import { generate, ALL_TARGETS, type Target } from "../generate.js";
import { UserError } from "../io/errors.js";
import { writeFilesAtomic } from "../io/files.js";
import { loadModel } from "../model/load.js";
import { mergeModels } from "../model/merge.js";
import { action } from "./run.js";

interface GenerateFlags {
  from: string[];
  out: string;
  only?: Target[];
  check?: boolean;
}

export function registerGenerate(program: Command): void {
  program
    .command("generate")
    .description("Build the OpenAPI document (openapi.json, openapi.yaml), the TypeScript client (client/) and the Postman collection (postman.json)")
    .requiredOption("--from <files...>", "a rosapi model, or restraml inspect.json / deep-inspect.json; several: one document for their union, with x-routeros-since / x-routeros-removed-in")
    .requiredOption("--out <dir>", "output directory")
    .addOption(new Option("--only <targets...>", "emit only these").choices([...ALL_TARGETS]))
    .option("--check", "write nothing; exit 1 when the files in --out differ from what would be generated")
    .addHelpText(
      "after",
      "\nExamples:\n  rosapi generate --from ../shared/routeros/7.22.3/deep-inspect.json --out generated/7.22.3\n  rosapi generate --from model.json --out out --only openapi\n  rosapi generate --from model.json --out generated/sample --check\n  rosapi generate --from 7.16.json --from 7.20.8.json --from 7.22.3.json --out merged",
    )
    .action(action(runGenerate));
}

async function runGenerate(flags: GenerateFlags): Promise<void> {
  const models = await Promise.all(flags.from.map((file) => loadModel(file)));
  const model = models.length === 1 ? models[0]! : mergeModels(models, flags.from);
  const { files } = await generate({ model, ...(flags.only ? { targets: flags.only } : {}) });
  if (flags.check) {
    const stale = await staleFiles(flags.out, files);
    if (stale.length > 0) throw new UserError(`${flags.out} is stale: ${stale.slice(0, 5).join(", ")}${stale.length > 5 ? ", ..." : ""}`);
    process.stdout.write(`${flags.out} is up to date (${files.length} files)\n`);
    return;
  }
  await writeFilesAtomic(flags.out, files);
  process.stdout.write(`wrote ${files.length} files into ${flags.out}\n`);
}

async function staleFiles(dir: string, files: { path: string; content: string }[]): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    const current = await readFile(join(dir, file.path), "utf8").catch(() => undefined);
    if (current !== file.content) stale.push(file.path);
  }
  return stale;
}
