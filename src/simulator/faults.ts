/**
 * Realism for tests and benchmarks: network delay (overlapping), router work
 * done one request at a time, hanging paths that stall everything, random
 * 500s and dropped connections, and a restart. Seeded, so runs repeat.
 */

export interface FaultOptions {
  rttMs?: number;
  serviceMs?: number;
  hang?: { path: string; ms: number }[];
  failRate?: number;
  resetRate?: number;
  restartAt?: { request: number; ms: number };
  seed?: number;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits until a `performance.now()` time, to well under a millisecond: timers alone round up to 1 ms. */
async function waitUntil(target: number): Promise<void> {
  for (let left = target - performance.now(); left > 0; left = target - performance.now()) {
    await new Promise<void>((resolve) => (left > 2 ? setTimeout(resolve, left - 1) : setImmediate(resolve)));
  }
}
const sleep = (ms: number) => waitUntil(performance.now() + ms);

export type Fate = "answer" | "fail" | "reset";

export class Faults {
  private readonly random: () => number;
  /** When the router is next free: the service queue, as a virtual clock. */
  private freeAt = 0;
  /** Until when the whole router stalls (a hanging path) or is down (a restart). */
  private stalledUntil = 0;
  private downUntil = 0;

  constructor(private readonly options: FaultOptions) {
    this.random = seededRandom(options.seed ?? 1);
  }

  /** Whether the n-th request (1-based) meets a router that is down. */
  isDown(n: number): boolean {
    const restart = this.options.restartAt;
    if (restart && n === restart.request + 1 && this.downUntil === 0) this.downUntil = Date.now() + restart.ms;
    return Date.now() < this.downUntil;
  }

  /** What happens to a request: decided up front, from the seeded sequence. */
  fate(): Fate {
    const r = this.random();
    if (r < (this.options.resetRate ?? 0)) return "reset";
    if (r < (this.options.resetRate ?? 0) + (this.options.failRate ?? 0)) return "fail";
    return "answer";
  }

  /** Half the round trip, before the router sees the request or after it answers. */
  halfTrip(): Promise<void> {
    return sleep((this.options.rttMs ?? 0) / 2);
  }

  /** Waits for the router: stalls, then a turn in the one-at-a-time queue; `inspectPath` may start a stall. */
  async serve(inspectPath: string | undefined): Promise<void> {
    while (Date.now() < this.stalledUntil) await sleep(this.stalledUntil - Date.now());
    const hang = inspectPath === undefined ? undefined : this.options.hang?.find((h) => h.path === inspectPath);
    if (hang) {
      this.stalledUntil = Date.now() + hang.ms;
      await sleep(hang.ms);
    }
    const service = this.options.serviceMs ?? 0;
    if (service <= 0) return;
    this.freeAt = Math.max(performance.now(), this.freeAt) + service;
    await waitUntil(this.freeAt);
  }
}
