/**
 * The simulator's limits: a request body past its cap is answered 413 (as
 * RouterOS shapes errors) and never read whole, so a 400 MB POST leaves
 * `rosapi mock` within 50 MB of its idle peak memory; a client that never
 * finishes its headers is cut off.
 */
import { request } from "node:http";
import { connect } from "node:net";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { exited, PEAK_RSS_ARGS, peakRss, spawnCli, waitForOutput } from "../helpers/cli.js";

const MB = 1024 * 1024;
const sim = await startSimulator({ model: sampleModel(), maxBodyBytes: 64 * 1024, headersTimeoutMs: 100 });
afterAll(() => sim.close());
const auth = `Basic ${Buffer.from("admin:").toString("base64")}`;

/** POSTs `size` bytes of a JSON string body, chunked unless `length` is sent; what came back, and how much was written. */
function post(url: string, size: number, withLength = false): Promise<{ status?: number; body: string; written: number }> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  let written = 0;
  const body = Readable.from(
    (function* () {
      yield Buffer.from('{"comment":"');
      for (; written < size; written += chunk.length) yield chunk.subarray(0, Math.min(chunk.length, size - written));
      yield Buffer.from('"}');
    })(),
  );
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const req = request(
      {
        hostname,
        port,
        method: "POST",
        path: "/rest/ip/address/add",
        headers: { authorization: auth, "content-type": "application/json", ...(withLength ? { "content-length": size + 14 } : {}) },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, body: text, written }));
        res.on("error", () => resolve({ status: res.statusCode!, body: text, written }));
      },
    );
    // The server closes the connection after its 413: writing the rest then fails, which is the point.
    req.on("error", () => resolve({ body: "", written }));
    body.pipe(req);
  });
}

/**
 * POSTs `size` bytes of a JSON string body, whole (chunked unless `length` is sent), over a plain socket, then
 * only listens: everything the server answered before it closed. A client still writing when the server closes
 * may lose the answer (post's may), this one always reads it.
 */
function postWhole(url: string, size: number, withLength: boolean): Promise<string> {
  const body = Buffer.concat([Buffer.from('{"comment":"'), Buffer.alloc(size, "a"), Buffer.from('"}')]);
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let seen = "";
  socket.on("data", (c: Buffer) => (seen += c.toString()));
  socket.on("error", () => undefined);
  const framing = withLength ? `Content-Length: ${body.length}` : "Transfer-Encoding: chunked";
  socket.write(
    `POST /rest/ip/address/add HTTP/1.1\r\nHost: router\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`,
  );
  socket.write(withLength ? body : Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]));
  return new Promise((resolve) => socket.once("close", () => resolve(seen)));
}

describe("simulator request limits", () => {
  it.each([
    ["chunked", false],
    ["with its Content-Length", true],
  ])("a body past the cap (%s): 413 in RouterOS's error shape, and the rest is never read", async (_, withLength) => {
    const answer = await post(sim.url, 8 * MB, withLength);
    expect(answer.written).toBeLessThan(8 * MB);
    const reply = await postWhole(sim.url, 2 * 64 * 1024, withLength);
    expect(reply.slice(0, reply.indexOf(" ", 9))).toBe("HTTP/1.1 413");
    expect(JSON.parse(reply.slice(reply.indexOf("\r\n\r\n") + 4))).toEqual({ error: 413, message: "Request Entity Too Large" });
  });

  it("a body within the cap is served as before", async () => {
    const answer = await post(sim.url, 1000);
    expect(JSON.parse(answer.body)).toEqual({ ret: expect.stringMatching(/^\*[0-9A-F]+$/) });
  });

  it("a client that never finishes its headers is answered 408 and cut off", async () => {
    const { hostname, port } = new URL(sim.url);
    const socket = connect(Number(port), hostname);
    let seen = "";
    socket.on("data", (c: Buffer) => (seen += c.toString()));
    socket.write("POST /rest/ip/address HTTP/1.1\r\nHost: router\r\n");
    await new Promise((resolve) => socket.once("close", resolve));
    expect(seen).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe("rosapi mock's memory under a 400 MB POST", () => {
  /** Runs `rosapi mock`, does `work` against it, stops it: its peak resident memory. */
  async function peakOf(work: (url: string) => Promise<unknown>): Promise<number> {
    const child = spawnCli(["mock"], { nodeArgs: PEAK_RSS_ARGS });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const banner = await waitForOutput(child, "stdout", "Ctrl-C");
    await work(/url:\s+(\S+)/.exec(banner)![1]!);
    const ended = exited(child);
    child.kill("SIGTERM");
    expect(await ended).toBe(0);
    return peakRss(stderr);
  }

  it("stays within 50 MB of its idle peak", async () => {
    const idle = await peakOf((url) => post(url, 100));
    let written = 0;
    const loaded = await peakOf(async (url) => ({ written } = await post(url, 400 * MB)));
    console.log(
      `[simulator limits] rosapi mock peak memory: idle ${(idle / MB).toFixed(0)} MB, during a 400 MB POST ${(loaded / MB).toFixed(0)} MB (the client wrote ${(written / MB).toFixed(1)} MB before the connection closed)`,
    );
    expect(loaded - idle).toBeLessThan(50 * MB);
  });
});
