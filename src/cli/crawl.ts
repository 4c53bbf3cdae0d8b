import { InvalidArgumentError, Option, type Command } from "commander";
import { SingleBar } from "cli-progress";
import { Crawl, DEFAULT_CONCURRENCY } from "../crawl/index.js";
import { writeFileAtomic } from "../io/files.js";
import { DEFAULT_TIMEOUT_MS } from "../transport/index.js";
import { exportRestraml } from "../model/restraml.js";
import { serializeModel } from "../model/load.js";
import type { SchemaModel } from "../model/types.js";
import { action } from "./run.js";
import { credentials, type PasswordFlags } from "./password.js";

interface CrawlFlags extends PasswordFlags {
  url: string;
  insecure?: boolean;
  ca?: string;
  concurrency: number;
  timeout: number;
  resume?: boolean;
  only?: string;
  format: "model" | "restraml";
  out: string;
  json?: boolean;
}

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
};

export function registerCrawl(program: Command): void {
  program
    .command("crawl")
    .description("Walk a router's /console/inspect tree into a schema model")
    .requiredOption("--url <url>", "the REST base, http(s)://host[:port]/rest")
    .requiredOption("--user <name>", "user name (name:password works too, but leaves the password in your shell history)")
    .option("--password-env <var>", "read the password from this environment variable")
    .option("--password-file <file>", "read the password from this file")
    .option("--insecure", "accept any TLS certificate (a router's self-signed one)")
    .option("--ca <file>", "trust this CA or certificate (PEM)")
    .option("--concurrency <n>", "requests in flight", positive, DEFAULT_CONCURRENCY)
    .option("--timeout <ms>", "time limit per request", positive, DEFAULT_TIMEOUT_MS)
    .option("--resume", "continue from the checkpoint <out>.checkpoint of an interrupted crawl")
    .option("--only <menus>", "crawl only these menus: paths from the root, comma-separated (ip,system/identity)")
    .addOption(new Option("--format <format>", "what --out holds").choices(["model", "restraml"]).default("model"))
    .requiredOption("--out <file>", "where to write the tree")
    .option("--json", "print a JSON summary at the end")
    .addHelpText(
      "after",
      "\nWithout --password-env or --password-file, the password is asked for on a terminal, and empty otherwise (a new router's admin).\n\nExamples:\n  ROUTER_PASSWORD=... rosapi crawl --url https://192.168.88.1/rest --user admin --password-env ROUTER_PASSWORD --insecure --out 7.22.3.json\n  rosapi crawl --url http://127.0.0.1:8080/rest --user admin --format restraml --out deep-inspect.json",
    )
    .action(action(runCrawl));
}

async function runCrawl(flags: CrawlFlags): Promise<void> {
  const { user, password } = await credentials(flags);
  const crawl = new Crawl({
    url: flags.url,
    user,
    password,
    ...(flags.insecure ? { insecure: true } : {}),
    ...(flags.ca ? { caFile: flags.ca } : {}),
    concurrency: flags.concurrency,
    timeoutMs: flags.timeout,
    ...(flags.only ? { only: flags.only.split(",").map((s) => s.trim()).filter(Boolean) } : {}),
    checkpointFile: `${flags.out}.checkpoint`,
    resume: flags.resume ?? false,
  });
  const stopProgress = process.stderr.isTTY ? showProgress(crawl) : () => {};
  let model: SchemaModel;
  try {
    model = await crawl.run();
  } finally {
    stopProgress();
  }
  const text = flags.format === "restraml" ? JSON.stringify(exportRestraml(model), null, 1) + "\n" : serializeModel(model);
  await writeFileAtomic(flags.out, text);
  const { stats, version } = model.header;
  if (flags.json) process.stdout.write(JSON.stringify({ out: flags.out, version, ...stats }) + "\n");
  else if (process.stderr.isTTY) {
    process.stderr.write(`crawled RouterOS ${version ?? "(version unknown)"}: ${stats!.requests} requests in ${(stats!.durationMs / 1000).toFixed(1)} s, ${stats!.skipped.length} skipped -> ${flags.out}\n`);
  }
}

/** Nodes done against nodes known, requests per second, ETA: on a terminal only. */
function showProgress(crawl: Crawl): () => void {
  const bar = new SingleBar({ format: "crawl [{bar}] {value}/{total} nodes | {rate} req/s | ETA {eta_formatted}", hideCursor: true }, undefined);
  bar.start(1, 0, { rate: 0 });
  const timer = setInterval(() => {
    const p = crawl.progress();
    bar.setTotal(p.known);
    bar.update(p.done, { rate: Math.round(p.requests / Math.max(p.elapsedMs / 1000, 0.001)) });
  }, 200);
  return () => {
    clearInterval(timer);
    bar.stop();
  };
}
