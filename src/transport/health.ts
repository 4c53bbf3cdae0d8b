/**
 * One health check at a time, shared by every caller that lost its answer:
 * poll the router (GET /system/resource) until it answers again, so that a
 * stalled or restarting router is waited for instead of blamed on a path.
 */
import { ResumableError } from "../io/errors.js";
import { HttpError, TrapError } from "./errors.js";

export interface HealthOptions {
  /** First pause between polls; doubles up to maxPollMs. */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up (the router is gone) after this long. */
  deadlineMs?: number;
  /** A first check slower than this still counts as a stall: the router was busy until then. */
  slowMs?: number;
  /**
   * Slow answers in a row after which a router is taken as slow rather than
   * busy: at least the requests that may still be running on it (each aborted
   * one can stall it once more).
   */
  maxSlowAnswers?: number;
  /** After a stall, the pause before the second prompt answer that ends the wait. */
  settleMs?: number;
  /** Told how long the router has been silent after each failed check, and undefined once it answers again. */
  onSilence?: (silentMs: number | undefined, deadlineMs: number) => void;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HealthGate {
  private current: Promise<boolean> | undefined;
  /** Checks that found the router not answering. */
  outages = 0;

  constructor(
    private readonly check: () => Promise<unknown>,
    private readonly options: HealthOptions = {},
  ) {}

  /**
   * Resolves once the router answers promptly (twice in a row after a
   * stall); true when it did not at first (it was stalled or down). A slow
   * answer is checked again: an aborted request may still be running on the
   * router and stall it once more, and the crawl must not re-fire into that.
   */
  wait(): Promise<boolean> {
    this.current ??= this.poll().finally(() => (this.current = undefined));
    return this.current;
  }

  private async poll(): Promise<boolean> {
    const {
      pollMs = 200,
      maxPollMs = 2000,
      deadlineMs = 180_000,
      slowMs = 1000,
      maxSlowAnswers = 3,
      settleMs = 200,
      onSilence,
    } = this.options;
    const since = Date.now();
    const deadline = since + deadlineMs;
    let silent = false;
    let pause = pollMs;
    let stalled = false;
    let promptAnswers = 0;
    // A router that is slow on every call (low memory) is taken as it is after a few slow answers.
    for (let slowAnswers = 0; slowAnswers < maxSlowAnswers;) {
      const start = Date.now();
      try {
        await this.check().catch((err: unknown) => {
          // A refusal (403 for a user without that policy) is an answer: the router is up.
          if (!((err instanceof HttpError && err.status < 500) || err instanceof TrapError)) throw err;
        });
        if (Date.now() - start <= slowMs) {
          // After a stall, a request given up on may start the next one just as this one ends: answer promptly twice.
          if (!stalled || ++promptAnswers >= 2) break;
          await sleep(settleMs);
          continue;
        }
        slowAnswers++;
      } catch {
        silent = true;
        onSilence?.(Date.now() - since, deadlineMs);
        if (Date.now() > deadline) throw new ResumableError(`the router stopped answering for ${Math.round(deadlineMs / 1000)} s`);
        await sleep(pause);
        pause = Math.min(pause * 2, maxPollMs);
      }
      stalled = true;
      promptAnswers = 0;
    }
    if (silent) onSilence?.(undefined, deadlineMs);
    if (stalled) this.outages++;
    return stalled;
  }
}
