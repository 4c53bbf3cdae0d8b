/** When the health gate calls the router stalled: no answer at first, a slow answer, but not a refusal. */
import { describe, expect, it } from "vitest";
import { HealthGate, HttpError, sleep } from "../../src/transport/index.js";

const options = { pollMs: 5, maxPollMs: 10, slowMs: 100 };

describe("HealthGate verdicts", () => {
  it.each([
    ["a prompt answer", () => Promise.resolve(), false],
    ["a router slow on every call, taken as it is after three slow answers", () => sleep(200), true],
    ["a prompt refusal (4xx is an answer)", () => Promise.reject(new HttpError(403, { error: 403, message: "Forbidden" })), false],
  ] as const)("%s", async (_name, check, stalled) => {
    const gate = new HealthGate(check, options);
    expect(await gate.wait()).toBe(stalled);
    expect(gate.outages).toBe(stalled ? 1 : 0);
  });

  it.each([
    [
      "checks again after a slow answer, until it answers promptly twice: an aborted request may stall the router once more",
      [200, 200, 0, 0],
      4,
    ],
    [
      "starts counting again when a prompt answer is followed by a slow one (a request given up on began the next stall)",
      [200, 0, 200, 0, 0],
      5,
    ],
  ])("%s", async (_name, delays, checks) => {
    let calls = 0;
    const gate = new HealthGate(() => sleep(delays[calls++] ?? 0), { ...options, settleMs: 1 });
    expect(await gate.wait()).toBe(true);
    expect(calls).toBe(checks);
  });

  it("keeps polling through 5xx until the deadline", async () => {
    const gate = new HealthGate(() => Promise.reject(new HttpError(500, { error: 500, message: "Internal Server Error" })), {
      ...options,
      deadlineMs: 50,
    });
    await expect(gate.wait()).rejects.toThrow(/stopped answering/);
  });
});
