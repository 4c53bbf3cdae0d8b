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

  it("checks again after a slow answer, until one comes promptly: an aborted request may stall the router once more", async () => {
    const delays = [200, 200, 0];
    let calls = 0;
    const gate = new HealthGate(() => sleep(delays[calls++] ?? 0), options);
    expect(await gate.wait()).toBe(true);
    expect(calls).toBe(3);
  });

  it("keeps polling through 5xx until the deadline", async () => {
    const gate = new HealthGate(() => Promise.reject(new HttpError(500, { error: 500, message: "Internal Server Error" })), { ...options, deadlineMs: 50 });
    await expect(gate.wait()).rejects.toThrow(/stopped answering/);
  });
});
