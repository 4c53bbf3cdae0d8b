/**
 * The simulator's API side facing a hostile client: a 4 GB length prefix, an endless sentence, a connection that
 * stops mid-word, invalid UTF-8, a reserved byte (a command before login: api.test.ts). Each ends with one `!fatal` that says
 * why, the connection closed; `rosapi mock` stays within 50 MB of its idle peak memory while a client sends 400 MB
 * behind a 4 GB prefix or as one endless sentence; the password is never written anywhere.
 */
import { connect, type Socket } from "node:net";
import { once } from "node:events";
import { afterAll, describe, expect, it, vi } from "vitest";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { encodeSentence } from "../../src/templates/api-codec.js";
import { exited, PEAK_RSS_ARGS, peakRss, spawnCli, waitForOutput } from "../helpers/cli.js";
import { apiPeer, loggedIn } from "../helpers/api.js";

const MB = 1024 * 1024;
const sim = await startSimulator({ model: sampleModel(), apiPort: 0, headersTimeoutMs: 100, password: "hunter2-secret" });
afterAll(() => sim.close());

/** Writes `chunks` to the socket as fast as it takes them, until they run out or the server closes: bytes written. */
async function flood(socket: Socket, chunks: Iterable<Uint8Array>): Promise<number> {
  let written = 0;
  let closed = false;
  let wake = () => {};
  const end = () => ((closed = true), wake());
  socket.once("close", end);
  socket.on("error", end);
  for (const chunk of chunks) {
    if (closed) break;
    written += chunk.length;
    if (!socket.write(chunk)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        socket.once("drain", resolve);
      });
    }
  }
  return written;
}

function* endless(total: number, word: Uint8Array): Generator<Uint8Array> {
  for (let sent = 0; sent < total; sent += word.length) yield word;
}

const FOUR_GB = Uint8Array.of(0xf0, 0xff, 0xff, 0xff, 0xff);
const WORD = encodeSentence(["=comment=" + "x".repeat(64 * 1024 - 16)]).subarray(0, -1); // one word, no end of sentence

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

describe("rosapi mock's memory under hostile API clients", () => {
  /** Runs `rosapi mock --api-port 0`, does `work` against its API port, stops it: its peak resident memory. */
  async function peakOf(work: (port: number) => Promise<unknown>): Promise<number> {
    const child = spawnCli(["mock", "--api-port", "0"], { nodeArgs: PEAK_RSS_ARGS });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const banner = await waitForOutput(child, "stdout", "Ctrl-C");
    await work(Number(/api:\s+\S+:(\d+)/.exec(banner)![1]));
    const ended = exited(child);
    child.kill("SIGTERM");
    expect(await ended).toBe(0);
    return peakRss(stderr);
  }

  const send = async (port: number, chunks: Iterable<Uint8Array>): Promise<number> => {
    const socket = connect(port, "127.0.0.1");
    await once(socket, "connect");
    const written = await flood(socket, chunks);
    socket.destroy();
    return written;
  };

  it("stays within 50 MB of its idle peak", async () => {
    const idle = await peakOf((port) => send(port, [encodeSentence(["/login", "=name=admin", "=password="])]));
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const prefixed = await peakOf((port) => send(port, [FOUR_GB, ...endless(400 * MB, chunk)]));
    const sentence = await peakOf((port) => send(port, endless(400 * MB, WORD)));
    console.log(
      `[simulator limits] rosapi mock peak memory: idle ${(idle / MB).toFixed(0)} MB, a 4 GB length prefix then 400 MB ${(prefixed / MB).toFixed(0)} MB, a 400 MB sentence ${(sentence / MB).toFixed(0)} MB`,
    );
    expect(prefixed - idle).toBeLessThan(50 * MB);
    expect(sentence - idle).toBeLessThan(50 * MB);
  });
});
