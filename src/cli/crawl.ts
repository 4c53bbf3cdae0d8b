import { Option, type Command } from "commander";
import { SingleBar } from "cli-progress";
import { Crawl, CRAWL_DEFAULTS } from "../crawl/index.js";
import { ResumableError } from "../io/errors.js";
import { checkFileTarget, writeFileAtomic } from "../io/files.js";
import { exportRestraml } from "../model/restraml.js";
import { serializeModel } from "../model/load.js";
import type { SchemaModel } from "../model/types.js";
import { DEFAULT_MAX_REPLY_BYTES, MIB } from "../transport/index.js";
import { action, EXIT_INTERRUPTED, warn } from "./run.js";
import { positive, routerConnection, routerOptions, type RouterFlags } from "./router-options.js";

interface CrawlFlags extends RouterFlags {
  concurrency: number;
  timeout: number;
  maxReply: number;
  giveUpAfter: number;
  resume?: boolean;
  forceResume?: boolean;
  only?: string;
  format: "model" | "restraml";
  out: string;
  json?: boolean;
}

export function registerCrawl(program: Command): void {
  routerOptions(program.command("crawl").description("Walk a router's /console/inspect tree into a schema model"))
    .option("--concurrency <n>", "requests in flight", positive, CRAWL_DEFAULTS.concurrency)
    .option("--timeout <ms>", "time limit per request", positive, CRAWL_DEFAULTS.timeoutMs)
    .option("--max-reply <MiB>", "largest answer read; a larger one ends the crawl (resumable)", positive, DEFAULT_MAX_REPLY_BYTES / MIB)
    .option(
      "--give-up-after <s>",
      "how long a silent router (rebooting, stalled) is waited for",
      positive,
      CRAWL_DEFAULTS.healthDeadlineMs / 1000,
    )
    .option("--resume", "continue from the checkpoint <out>.checkpoint of an interrupted crawl of the same router and version")
    .option("--force-resume", "resume even from a checkpoint made on another router or version (mixes both trees)")
    .option("--only <menus>", "crawl only these menus: paths from the root, comma-separated (ip,system/identity)")
    .addOption(new Option("--format <format>", "what --out holds").choices(["model", "restraml"]).default("model"))
    .requiredOption("--out <file>", "where to write the tree")
    .option("--json", "print a JSON summary on stdout at the end")
    .addHelpText(
      "after",
      "\nWithout --password-env or --password-file, the password is asked for on a terminal, and empty otherwise (a new router's admin).\n\nExamples:\n  ROUTER_PASSWORD=... rosapi crawl --url https://192.168.88.1/rest --user admin --password-env ROUTER_PASSWORD --insecure --out 7.22.3.json\n  rosapi crawl --url http://127.0.0.1:8080/rest --user admin --format restraml --out deep-inspect.json",
    )
    .action(action(runCrawl));
}

async function runCrawl(flags: CrawlFlags): Promise<void> {
  // A crawl can take many minutes: a place it cannot write the result to is found now, not at the end.
  await checkFileTarget(flags.out, "--out");
  const router = await routerConnection(flags);
  const checkpointFile = `${flags.out}.checkpoint`;
  const status = new Status(process.stderr.isTTY === true);
  const crawl = new Crawl({
    ...router,
    concurrency: flags.concurrency,
    timeoutMs: flags.timeout,
    maxReplyBytes: flags.maxReply * MIB,
    healthDeadlineMs: flags.giveUpAfter * 1000,
    ...(flags.only
      ? {
          only: flags.only
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
    checkpointFile,
    resume: (flags.resume ?? false) || (flags.forceResume ?? false),
    forceResume: flags.forceResume ?? false,
    save: (model) => writeFileAtomic(flags.out, serialize(model, flags.format)),
    onSilence: (silentMs, deadlineMs) => status.silence(silentMs, deadlineMs),
  });
  const onInterrupt = () => void interrupted(crawl, status, checkpointFile);
  process.once("SIGINT", onInterrupt);
  status.start(crawl);
  let model: SchemaModel;
  try {
    model = await crawl.run();
  } catch (err) {
    if (err instanceof ResumableError)
      throw new ResumableError(
        `${err.message}; the answers so far are in ${checkpointFile}: run the same command with --resume to continue`,
      );
    throw err;
  } finally {
    status.stop();
    process.off("SIGINT", onInterrupt);
  }
  const { stats, version, architecture, unknown } = model.header;
  if (!version)
    warn(`the router did not say its version${unknown ? ` (unknown: ${unknown.join(", ")})` : ""}; give it to generate with --ros-version`);
  if (flags.json) process.stdout.write(JSON.stringify({ out: flags.out, version, ...stats }) + "\n");
  const skipped =
    stats!.skipped.length === 0
      ? "nothing skipped"
      : `${stats!.skipped.length} ${stats!.skipped.length === 1 ? "path" : "paths"} skipped: ${stats!.skipped.join(", ")}`;
  process.stderr.write(
    `crawled RouterOS ${version ?? "(version unknown)"}${architecture ? ` (${architecture})` : ""}: ${stats!.requests.toLocaleString("en-US")} requests in ${(stats!.durationMs / 1000).toFixed(1)} s, ${skipped} -> ${flags.out}\n`,
  );
}

const serialize = (model: SchemaModel, format: CrawlFlags["format"]) =>
  format === "restraml" ? JSON.stringify(exportRestraml(model), null, 1) + "\n" : serializeModel(model);

/** Ctrl-C: the terminal as it was, the log kept, and the way on. */
async function interrupted(crawl: Crawl, status: Status, checkpointFile: string): Promise<void> {
  status.stop();
  const kept = await crawl.interrupt();
  process.stderr.write(
    kept
      ? `\nrosapi: interrupted; the answers so far are in ${checkpointFile}: run the same command with --resume to continue\n`
      : "\nrosapi: interrupted before the crawl began\n",
  );
  process.exit(EXIT_INTERRUPTED);
}

/**
 * What the user sees while the crawl runs: on a terminal a progress bar
 * (nodes done against known, requests per second, ETA) whose last field
 * says when the router is silent; otherwise one line when a silence starts
 * and one when it ends.
 */
class Status {
  private bar: SingleBar | undefined;
  private timer: NodeJS.Timeout | undefined;
  private note = "";
  private silent = false;

  constructor(private readonly tty: boolean) {}

  start(crawl: Crawl): void {
    if (!this.tty) return;
    const bar = new SingleBar(
      { format: "crawl [{bar}] {value}/{total} nodes | {rate} req/s | ETA {eta_formatted}{note}", hideCursor: true },
      undefined,
    );
    this.bar = bar;
    bar.start(1, 0, { rate: 0, note: "" });
    this.timer = setInterval(() => {
      const p = crawl.progress();
      bar.setTotal(p.known);
      bar.update(p.done, { rate: Math.round(p.requests / Math.max(p.elapsedMs / 1000, 0.001)), note: this.note });
    }, 200);
  }

  silence(silentMs: number | undefined, deadlineMs: number): void {
    const waiting = silentMs !== undefined;
    this.note = waiting
      ? ` | router silent for ${Math.round(silentMs / 1000)} s, waiting up to ${Math.round(deadlineMs / 1000)} s (--give-up-after)`
      : "";
    if (!this.tty && waiting !== this.silent) {
      process.stderr.write(
        waiting
          ? `rosapi: the router is not answering; waiting up to ${Math.round(deadlineMs / 1000)} s for it (--give-up-after)\n`
          : "rosapi: the router answers again\n",
      );
    }
    this.silent = waiting;
  }

  /** Restores the cursor and line wrap (cli-progress hides and turns them off). */
  stop(): void {
    clearInterval(this.timer);
    this.bar?.stop();
    this.bar = undefined;
  }
}
