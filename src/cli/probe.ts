import { rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { UserError } from "../io/errors.js";
import { parseJson, readTextFile, writeFileAtomic } from "../io/files.js";
import { loadModel } from "../model/load.js";
import { RestClient } from "../transport/client.js";
import { probeRouter } from "../probe/probe.js";
import type { ProbeRow } from "../facts/observed.js";
import { action, EXIT_FAILURE, warn } from "./run.js";
import { routerConnection, routerOptions, type RouterFlags } from "./router-options.js";

interface ProbeFlags extends RouterFlags {
  from: string;
  disposableRouter: string;
  out: string;
  resume?: boolean;
}

interface Checkpoint {
  identity: string;
  rows: ProbeRow[];
}

export function registerProbe(program: Command): void {
  routerOptions(
    program
      .command("probe")
      .description(
        "For a DISPOSABLE router only (a CHR in a pipeline): run add with no args on every menu that has add (in a script that removes what it made), read defaults back from a minimal add and from settings; writes required-args.v<version>.json and its .meta.json, evidence for generate --facts",
      )
      .requiredOption("--from <file>", "the router's tree (a crawl of it, or a dump of the same version): which menus have add"),
  )
    .requiredOption(
      "--disposable-router <identity>",
      "the confirmation: the router's /system/identity name, typed by you; the probe refuses any router whose identity differs",
    )
    .requiredOption("--out <dir>", "the folder for required-args.v<version>.json and its .meta.json")
    .option("--resume", "continue from <out>/probe.checkpoint.json of an interrupted probe of the same router")
    .addHelpText(
      "after",
      "\nIt adds and removes items on every menu: never point it at a router whose configuration matters.\n\nExample:\n  rosapi probe --from 7.22.3.json --url http://10.0.0.2/rest --user admin --disposable-router ci-chr-1 --out evidence",
    )
    .action(action(runProbe));
}

async function runProbe(flags: ProbeFlags): Promise<void> {
  const model = await loadModel(flags.from);
  const checkpointFile = join(flags.out, "probe.checkpoint.json");
  let done: ProbeRow[] = [];
  if (flags.resume && existsSync(checkpointFile)) {
    const checkpoint = parseJson(await readTextFile(checkpointFile), checkpointFile) as Checkpoint;
    if (checkpoint.identity !== flags.disposableRouter)
      throw new UserError(`${checkpointFile} is of the router "${checkpoint.identity}", not "${flags.disposableRouter}"`);
    done = checkpoint.rows;
  }
  const transport = new RestClient(await routerConnection(flags));
  try {
    const rows = [...done];
    const result = await probeRouter({
      transport,
      model,
      confirm: flags.disposableRouter,
      done,
      onRow: async (row, count, total) => {
        rows.push(row);
        await writeFileAtomic(checkpointFile, JSON.stringify({ identity: flags.disposableRouter, rows } satisfies Checkpoint) + "\n");
        if (process.stderr.isTTY) process.stderr.write(`\rprobed ${count} of ${total} menus`);
      },
    });
    const base = join(flags.out, `required-args.v${result.meta.routerosVersion}`);
    await writeFileAtomic(`${base}.json`, JSON.stringify(result.rows, null, 2) + "\n");
    await writeFileAtomic(`${base}.meta.json`, JSON.stringify(result.meta, null, 2) + "\n");
    await rm(checkpointFile, { force: true });
    const required = result.rows.filter((r) => r.required.length).length;
    process.stdout.write(
      `wrote ${base}.json: ${String(result.meta.totalMenus)} menus with add (${required} requiring args), ${result.rows.length} rows\n`,
    );
    if (result.leftovers.length) {
      warn(`the probe left ${result.leftovers.length} items, now removed: ${result.leftovers.slice(0, 5).join(", ")}`);
      process.exitCode = EXIT_FAILURE;
    }
  } finally {
    await transport.close();
  }
}
