/**
 * The crawl: walk the router's `/console/inspect` tree with a few requests in
 * flight, retry what fails for passing reasons, wait out a stalled router
 * instead of blaming paths, skip (and record) the one path that stalls it,
 * and log every answer so that `--resume` picks up where a crawl stopped.
 */
import { validateAtDoor } from "../io/door.js";
import { ResumableError, UserError } from "../io/errors.js";
import type { CrawlStats, SchemaModel } from "../model/types.js";
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from "../model/types.js";
import {
  HealthGate,
  isLostConnection,
  isRefusal,
  isRetryable,
  NetworkError,
  normalizeRouterUrl,
  openRouter,
  sleep,
  type RouterTransport,
} from "../transport/index.js";
import { assembleTree } from "./assemble.js";
import { Checkpoint } from "./checkpoint.js";
import { resolveCrawlOptions, type CrawlOptions, type ResolvedCrawlOptions } from "./options.js";
import { MemberSyntax } from "./member-syntax.js";
import { StallJudge } from "./stalls.js";
import { explainFailure, identify, SYSTEM_RESOURCE } from "./identify.js";
import { ROOT_SYNTAX, rootTasks, Scope, taskKey, tasksAfterChild, type Row, type Task } from "./tasks.js";

export interface CrawlProgress {
  done: number;
  known: number;
  requests: number;
  elapsedMs: number;
}

/** Syntax on menus and commands answers in milliseconds where it works; on 7.9.2 it stalls for about 60 s. */
const PROBE_TIMEOUT_MS = 3000;

class Skip extends Error {}
/** A task no longer wanted (member syntax switched off): neither asked nor recorded. */
class Dropped extends Error {}

export class Crawl {
  private readonly client: RouterTransport;
  private readonly gate: HealthGate;
  private readonly scope: Scope;
  private readonly queue: Task[] = rootTasks();
  private readonly seen = new Set(this.queue.map(taskKey));
  private answers = new Map<string, Row[]>();
  /** Requests an interrupted crawl gave up on: not fired again on --resume. */
  private skippedBefore = new Set<string>();
  private checkpoint: Checkpoint | undefined;
  private done = 0;
  private retries = 0;
  private readonly skipped: string[] = [];
  private readonly started = Date.now();
  private readonly stalls: StallJudge;
  private readonly memberSyntax = new MemberSyntax();
  private readonly options: ResolvedCrawlOptions;

  constructor(options: CrawlOptions) {
    this.options = resolveCrawlOptions(options);
    this.client = openRouter({ ...this.options, connections: this.options.concurrency });
    this.gate = new HealthGate(() => this.client.call(SYSTEM_RESOURCE, 2000), {
      deadlineMs: this.options.healthDeadlineMs,
      // "Prompt" must be well within a request's time limit, or a suspect asked alone could still meet the stall.
      slowMs: Math.min(1000, this.options.timeoutMs / 2),
      // Every request in flight may have been aborted and still be running on the router.
      maxSlowAnswers: this.options.concurrency + 1,
      ...(this.options.onSilence ? { onSilence: this.options.onSilence } : {}),
    });
    this.scope = new Scope(options.only);
    this.stalls = new StallJudge(this.gate, {
      ask: (task) => this.inspect(task),
      wanted: (task) => this.memberSyntax.wanted(task, this.answers),
      blamed: (task) => this.memberSyntax.stalled(task, this.answers),
    });
  }

  private interrupted = false;

  /** Ctrl-C: flushes the log and keeps it, so that --resume continues from here. True when there is a log. */
  async interrupt(): Promise<boolean> {
    this.interrupted = true;
    await this.checkpoint?.close();
    return this.checkpoint !== undefined;
  }

  progress(): CrawlProgress {
    return { done: this.done, known: this.seen.size, requests: this.client.sent, elapsedMs: Date.now() - this.started };
  }

  async run(): Promise<SchemaModel> {
    const url = this.options.url;
    let walked = false;
    try {
      // A router that cannot be reached or refuses the user fails at once; a 500 or a reset gets two more tries.
      const facts = await this.withRetries("GET /system/resource", () => identify(this.client), { retries: 2, waitForHealth: false });
      // Only now, with the router identified, is there a crawl worth logging.
      if (this.options.checkpointFile) {
        const identity = { url: normalizeRouterUrl(url), ...pick(facts) };
        const mode = { resume: this.options.resume, force: this.options.forceResume };
        ({
          checkpoint: this.checkpoint,
          answers: this.answers,
          skipped: this.skippedBefore,
        } = await Checkpoint.open(this.options.checkpointFile, identity, mode));
      }
      this.memberSyntax.enabled = await this.probeMemberSyntax();
      await this.walk();
      const stats: CrawlStats = {
        requests: this.client.sent,
        retries: this.retries,
        failures: this.skipped.length,
        durationMs: Date.now() - this.started,
        skipped: [...this.skipped].sort(),
      };
      const model: SchemaModel = {
        format: MODEL_FORMAT,
        formatVersion: MODEL_FORMAT_VERSION,
        header: {
          ...facts,
          ...unknownFacts(facts.unknown, this.memberSyntax.enabled),
          source: { kind: "crawl", url, crawledAt: new Date().toISOString() },
          stats,
        },
        root: assembleTree(this.answers),
      };
      walked = true;
      await this.options.save?.(model);
      await this.checkpoint?.discard();
      return model;
    } catch (err) {
      // A crawl cut short by the router, or whose result could not be saved, keeps its log;
      // one that went wrong from the start (no such menu, not RouterOS) leaves nothing behind.
      const resumable = walked || this.checkpoint?.resumed || err instanceof ResumableError || isLostConnection(err) || this.interrupted;
      await (resumable ? this.checkpoint?.close() : this.checkpoint?.discard());
      throw explainFailure(err, url, this.options.user);
    } finally {
      await this.client.close();
    }
  }

  /** Workers take tasks until none is left and none is in flight. */
  private async walk(): Promise<void> {
    let inFlight = 0;
    let failure: Error | undefined;
    const sleeping: (() => void)[] = [];
    const wakeAll = () => sleeping.splice(0).forEach((wake) => wake());
    const worker = async () => {
      while (failure === undefined) {
        const task = this.queue.shift();
        if (!task) {
          if (inFlight === 0) return wakeAll();
          await new Promise<void>((resolve) => sleeping.push(resolve));
          continue;
        }
        inFlight++;
        try {
          await this.perform(task);
        } catch (err) {
          failure ??= err instanceof Error ? err : new Error(String(err));
        } finally {
          inFlight--;
          wakeAll();
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    if (failure !== undefined) throw failure;
  }

  private async perform(task: Task): Promise<void> {
    const key = taskKey(task);
    let rows = this.answers.get(key);
    if (!rows) {
      try {
        if (this.skippedBefore.has(key)) throw new Skip();
        rows = await this.ask(task, key);
      } catch (err) {
        if (err instanceof Dropped) return void this.done++;
        if (!(err instanceof Skip)) throw err;
        this.skipped.push(`${task.request} /${task.path.join("/")}`);
        if (!this.skippedBefore.has(key)) this.checkpoint?.recordSkip(key);
        this.done++;
        return;
      }
      this.answers.set(key, rows);
      this.checkpoint?.record(key, rows);
    }
    this.done++;
    if (task.request === "child") {
      if (task.path.length === 0 && rows[0]?.type !== "self")
        throw new NetworkError("not-json", "console/inspect gave no self row for the root");
      const missing = this.scope.missing(task.path, rows);
      if (missing) throw new UserError(`--only ${missing}: this router has no such menu`);
      for (const next of tasksAfterChild(task.path, rows, this.scope, this.memberSyntax.enabled)) {
        const nextKey = taskKey(next);
        if (!this.seen.has(nextKey)) {
          this.seen.add(nextKey);
          this.queue.push(next);
        }
      }
    }
  }

  private async inspect(task: Task, timeoutMs?: number): Promise<Row[]> {
    const request = { request: task.request, path: task.path.join(",") };
    let rows: unknown;
    try {
      rows = await this.client.call({ menu: "/console", command: "inspect", args: request }, timeoutMs);
    } catch (err) {
      // Past a limit: the same answer would come again, but a crawl with a higher limit can resume.
      if (err instanceof NetworkError && err.kind === "bad-reply")
        throw new ResumableError(`${task.request} /${task.path.join("/")}: ${err.message}`);
      throw err;
    }
    if (!Array.isArray(rows)) throw new NetworkError("not-json", "console/inspect did not answer a list");
    const source = `the ${task.request} answer of /${task.path.join("/")}`;
    try {
      return validateAtDoor<Row[]>({ name: "checkpoint", ref: "#/$defs/Rows" }, rows, source);
    } catch (err) {
      throw new ResumableError((err as Error).message);
    }
  }

  /**
   * Before the walk, alone: does the router answer `syntax` on a menu (the
   * root)? Where it stalls, wait until it answers again and crawl without
   * member descriptions instead of stalling once per menu and command.
   */
  private async probeMemberSyntax(): Promise<boolean> {
    const key = taskKey(ROOT_SYNTAX);
    if (this.answers.has(key)) return true;
    try {
      const rows = await this.withRetries(key, () =>
        this.inspect(ROOT_SYNTAX, Math.min(this.options.timeoutMs, PROBE_TIMEOUT_MS)).catch((err: unknown) => {
          throw err instanceof NetworkError && err.kind === "timeout" ? new Skip() : err;
        }),
      );
      this.answers.set(key, rows);
      this.checkpoint?.record(key, rows);
      return true;
    } catch (err) {
      if (!(err instanceof Skip)) throw err;
      await this.gate.wait();
      return false;
    }
  }

  private async ask(task: Task, key: string): Promise<Row[]> {
    return this.withRetries(key, async () => {
      await this.stalls.idle();
      if (!this.memberSyntax.wanted(task, this.answers)) throw new Dropped();
      const at = Date.now();
      try {
        return await this.inspect(task);
      } catch (err) {
        if (err instanceof NetworkError && err.kind === "timeout") {
          const verdict = await this.stalls.judge(task, key, at);
          if (verdict === "culprit") throw new Skip();
          if (verdict) return verdict;
        }
        // RouterOS refusing one path (400 and the like) costs that path, not the crawl; the root must answer.
        if (isRefusal(err) && task.path.length > 0) throw new Skip();
        throw err;
      }
    });
  }

  private async withRetries<T>(
    what: string,
    fn: () => Promise<T>,
    policy = { retries: this.options.retries, waitForHealth: true },
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        const unreachable = err instanceof NetworkError && err.kind === "unreachable" && !policy.waitForHealth;
        if (err instanceof Skip || !isRetryable(err) || unreachable) throw err;
        if (attempt >= policy.retries) {
          // Identifying the router: the failure itself says best what is wrong (explainFailure).
          if (!policy.waitForHealth) throw err;
          throw new ResumableError(`${what}: still failing after ${policy.retries} retries: ${(err as Error).message}`);
        }
        this.retries++;
        if (policy.waitForHealth && isLostConnection(err)) await this.gate.wait();
        // Never re-fire at once: an aborted request can disturb the router for a moment.
        await sleep(Math.min(50 * 2 ** attempt, 2000));
      }
    }
  }
}

const pick = ({ version, architecture, board, packages }: Awaited<ReturnType<typeof identify>>) => ({
  version,
  architecture,
  board,
  packages,
});

/** The header's list of unknown facts, with member descriptions when the router could not give them. */
function unknownFacts(unknown: string[] | undefined, memberSyntax: boolean): { unknown?: string[] } {
  const all = [...(unknown ?? []), ...(memberSyntax ? [] : ["descriptions"])];
  return all.length ? { unknown: all } : {};
}

export function crawl(options: CrawlOptions): Promise<SchemaModel> {
  return new Crawl(options).run();
}
