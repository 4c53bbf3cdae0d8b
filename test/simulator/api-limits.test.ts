/**
 * The simulator's API side facing a hostile client: a 4 GB length prefix, an endless sentence, a connection that
 * stops mid-word, invalid UTF-8, a reserved byte (a command before login: api.test.ts). Each ends with one `!fatal`
 * that says why, the connection closed; the password is never written anywhere. Memory under the same clients:
 * api-limits.full.test.ts.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { apiPeer, endless, flood, FOUR_GB, loggedIn, WORD } from "../helpers/api.js";

const MB = 1024 * 1024;
const sim = await startSimulator({ model: sampleModel(), apiPort: 0, headersTimeoutMs: 100, password: "hunter2-secret" });
afterAll(() => sim.close());

describe("API limits", () => {
  it.each([
    ["a 4 GB length prefix", [FOUR_GB], "API word of 4294967295 bytes is longer than the limit of 1 MiB"],
    ["invalid UTF-8", [Uint8Array.of(2, 0xc3, 0x28, 0)], "API word 1 of a sentence is not valid UTF-8"],
    ["a reserved control byte", [Uint8Array.of(0xf8)], "API length prefix starts with the reserved byte 0xF8"],
  ])("%s: one !fatal, the connection closed", async (_what, chunks, reason) => {
    const peer = await apiPeer(sim.apiPort!);
    for (const chunk of chunks) peer.socket.write(chunk);
    expect(await peer.next()).toEqual(["!fatal", reason]);
    expect(await peer.next()).toBeUndefined();
  });

  it("an endless sentence: cut at 1 MiB", async () => {
    const peer = await apiPeer(sim.apiPort!);
    const written = await flood(peer.socket, endless(64 * MB, WORD));
    expect(await peer.next()).toEqual(["!fatal", "API sentence is longer than the limit of 1 MiB"]);
    await peer.closed;
    expect(written).toBeLessThan(64 * MB);
  });

  it("a connection that stops mid-word: cut when the sentence is not whole in time", async () => {
    const peer = await apiPeer(sim.apiPort!);
    peer.socket.write(Uint8Array.of(6, 0x2f, 0x6c, 0x6f)); // "/lo" of "/login"
    expect(await peer.next()).toEqual(["!fatal", "API sentence not completed within 100 ms"]);
    await peer.closed;
  });

  it("never writes the password, right or wrong", async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) =>
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const spies = [capture(process.stdout), capture(process.stderr)];
    try {
      const wrong = await apiPeer(sim.apiPort!);
      wrong.send("/login", "=name=admin", "=password=hunter2-secreT");
      expect((await wrong.until())[0]).toEqual(["!trap", "=message=invalid user name or password (6)"]);
      wrong.close();
      const right = await loggedIn(sim.apiPort!, { password: "hunter2-secret" });
      right.send("/quit");
      await right.closed;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(written.join("")).not.toMatch(/hunter2/i);
  });
});
