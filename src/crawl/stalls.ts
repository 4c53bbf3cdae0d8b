/**
 * Who stalled the router. RouterOS handles inspect calls one at a time, so
 * one hanging call makes every call behind it time out too, and a call the
 * crawl gave up on may still run (and stall) later. After such a stall, once
 * the health gate finds the router answering promptly, the requests that
 * timed out are asked again one at a time with nothing else sent: those
 * that answer are innocent and get their answer, one that times out again
 * stalled the router. When all but the first-started answer, the
 * first-started is the one, and is not made to stall the router again.
 */
import { NetworkError, type HealthGate } from "../transport/index.js";
import type { Row, Task } from "./tasks.js";

/** Rows: answered when asked alone; "culprit": skip it; undefined: retry as usual (the router had not stalled). */
export type Verdict = Row[] | "culprit" | undefined;

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
    private readonly ask: (task: Task) => Promise<Row[]>,
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
    const [first, ...rest] = [...suspects].sort((a, b) => a.at - b.at);
    let culprits = 0;
    for (const suspect of rest) {
      const verdict = await this.askAlone(suspect.task);
      if (verdict === "culprit") culprits++;
      verdicts.set(suspect.key, verdict);
    }
    verdicts.set(first!.key, culprits === 0 ? "culprit" : await this.askAlone(first!.task));
    return verdicts;
  }

  private async askAlone(task: Task): Promise<Verdict> {
    try {
      return await this.ask(task);
    } catch (err) {
      if (!(err instanceof NetworkError && err.kind === "timeout")) return undefined;
      await this.gate.wait();
      return "culprit";
    }
  }
}
