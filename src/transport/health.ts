/**
 * One health check at a time, shared by every caller that lost its answer:
 * poll the router (GET /system/resource) until it answers again, so that a
 * stalled or restarting router is waited for instead of blamed on a path.
 */
import { UserError } from "../io/errors.js";
import { HttpError } from "./errors.js";

export interface HealthOptions {
  /** First pause between polls; doubles up to maxPollMs. */
  pollMs?: number;
  maxPollMs?: number;
  /** Give up (the router is gone) after this long. */
  deadlineMs?: number;
  /** A first check slower than this still counts as a stall: the router was busy until then. */
  slowMs?: number;
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

  /** Resolves once the router answers; true when it did not answer at first or promptly (it was stalled or down). */
  wait(): Promise<boolean> {
    this.current ??= this.poll().finally(() => (this.current = undefined));
    return this.current;
  }

  private async poll(): Promise<boolean> {
    const { pollMs = 200, maxPollMs = 2000, deadlineMs = 180_000, slowMs = 1000 } = this.options;
    const deadline = Date.now() + deadlineMs;
    let pause = pollMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const start = Date.now();
        await this.check().catch((err: unknown) => {
          // A refusal (403 for a user without that policy) is an answer: the router is up.
          if (!(err instanceof HttpError && err.status < 500)) throw err;
        });
        const stalled = attempt > 0 || Date.now() - start > slowMs;
        if (stalled) this.outages++;
        return stalled;
      } catch {
        if (Date.now() > deadline) throw new UserError(`the router stopped answering for ${Math.round(deadlineMs / 1000)} s; run again with --resume`);
        await sleep(pause);
        pause = Math.min(pause * 2, maxPollMs);
      }
    }
  }
}
