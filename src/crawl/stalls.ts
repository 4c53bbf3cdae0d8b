/**
 * Who stalled the router. RouterOS handles inspect calls one at a time, so
 * one hanging call makes every call behind it time out too, and a call the
 * crawl gave up on may still run (and stall) later. After such a stall, once
 * the health gate finds the router answering promptly, the requests that
 * timed out are asked again one at a time with nothing else sent: those
 * that answer are innocent and get their answer, one that times out again
 * stalled the router. Every suspect is asked, the first-started too: the
 * stall may have been started by a request given up on earlier, so no path
 * is blamed by elimination.
 */
import { NetworkError, type HealthGate } from "../transport/index.js";
import type { Row, Task } from "./tasks.js";

/** Rows: answered when asked alone; "culprit": skip it; undefined: retry as usual (the router had not stalled, or the task is no longer wanted). */
export type Verdict = Row[] | "culprit" | undefined;

export interface JudgeHooks {
  /** Asks the router, with nothing else in flight. */
  ask(task: Task): Promise<Row[]>;
  /** Whether a suspect is still worth asking (member syntax may have been switched off meanwhile). */
  wanted(task: Task): boolean;
  /** Called as soon as a suspect is found to stall the router, before the next is asked. */
  blamed(task: Task): void;
}

interface Suspect {
  task: Task;
  key: string;
  at: number;
}

interface Episode {
  suspects: Suspect[];
  verdicts: Promise<Map<string, Verdict>>;
}

export class StallJudge {
  private episode: Episode | undefined;

  constructor(
    private readonly gate: HealthGate,
    private readonly hooks: JudgeHooks,
  ) {}

  /** While a stall is being judged, new requests wait: the suspects must be asked alone. */
  async idle(): Promise<void> {
    await this.episode?.verdicts;
  }

  /** A request that started at `at` timed out: the verdict of the stall it belongs to. */
  async judge(task: Task, key: string, at: number): Promise<Verdict> {
    if (!this.episode) {
      const suspects: Suspect[] = [];
      const verdicts = this.decide(suspects).finally(() => (this.episode = undefined));
      this.episode = { suspects, verdicts };
    }
    this.episode.suspects.push({ task, key, at });
    return (await this.episode.verdicts).get(key);
  }

  private async decide(suspects: Suspect[]): Promise<Map<string, Verdict>> {
    const verdicts = new Map<string, Verdict>();
    if (!(await this.gate.wait())) return verdicts;
    // Those that time out after this point are not judged: they retry as usual.
    for (const suspect of [...suspects].sort((a, b) => a.at - b.at)) {
      if (this.hooks.wanted(suspect.task)) verdicts.set(suspect.key, await this.askAlone(suspect.task));
    }
    return verdicts;
  }

  private async askAlone(task: Task): Promise<Verdict> {
    try {
      return await this.hooks.ask(task);
    } catch (err) {
      if (!(err instanceof NetworkError && err.kind === "timeout")) return undefined;
      this.hooks.blamed(task);
      await this.gate.wait();
      return "culprit";
    }
  }
}
