/**
 * `rosapi mock --api-port` stays within 50 MB of its idle peak memory while a client sends 400 MB behind a 4 GB
 * length prefix, or as one endless sentence (the protocol cases themselves: api-limits.test.ts).
 */
import { connect } from "node:net";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { encodeSentence } from "../../src/templates/api-codec.js";
import { exited, PEAK_RSS_ARGS, peakRss, spawnCli, waitForOutput } from "../helpers/cli.js";
import { endless, flood, FOUR_GB, WORD } from "../helpers/api.js";

const MB = 1024 * 1024;

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
