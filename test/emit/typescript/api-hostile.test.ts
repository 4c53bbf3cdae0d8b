/**
 * The generated client's API transport against peers that break the protocol: each case ends with one clear
 * RouterOSError, the connection closed, and the client's memory bounded. The peer is a small server of this test
 * (written with the codec), since no honest simulator sends these.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSentence, encodeLength, SentenceReader } from "../../../src/templates/api-codec.js";
import { sampleModel } from "../../../src/sample/index.js";
import { removeClient, writeClient } from "../../helpers/generated-client.js";

interface Client {
  ip: { address: { list(): Promise<unknown[]>; listen(): AsyncIterable<Record<string, string>> } };
  close(): Promise<void>;
}
interface Module {
  createClient(options: object): Client;
}

let dir: string;
let mod: Module;
beforeAll(async () => {
  dir = await writeClient(sampleModel(), "api-hostile");
  mod = (await import(join(dir, "client/index.js"))) as Module;
});
afterAll(() => removeClient(dir));

/** A peer that logs anyone in, then answers each command with `misbehave` (a `/cancel` goes to `cancelled`). */
async function peer(
  misbehave: (socket: Socket, tag: string) => void,
  cancelled: (tag: string) => void = () => undefined,
): Promise<{ port: number; server: Server; closed: Promise<void> }> {
  let closedResolve!: () => void;
  const closed = new Promise<void>((resolve) => (closedResolve = resolve));
  const server = createServer((socket) => {
    sockets.add(socket);
    const reader = new SentenceReader();
    socket.on("error", () => undefined);
    socket.on("close", () => closedResolve());
    socket.on("data", (chunk) => {
      for (const words of reader.push(chunk)) {
        const tag = words.find((w) => w.startsWith(".tag="))?.slice(5) ?? "";
        if (words[0] === "/login") socket.write(encodeSentence(["!done", `.tag=${tag}`]));
        else if (words[0] === "/cancel") {
          cancelled(words.find((w) => w.startsWith("=tag="))!.slice(5));
          socket.write(encodeSentence(["!done", `.tag=${tag}`]));
        } else misbehave(socket, tag);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as { port: number }).port, server, closed };
}

const servers: Server[] = [];
const sockets = new Set<Socket>();
// A test that fails before its client closes leaves a connection open: it is cut here, so that the failure is reported
// instead of the file waiting forever for its servers to close.
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  return Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Runs `/ip/address/print` against a misbehaving peer: the error it fails with, the connection closed, and the heap's growth. */
async function against(misbehave: (socket: Socket, tag: string) => void, options: object = {}) {
  const { port, server, closed } = await peer(misbehave);
  servers.push(server);
  const ros = mod.createClient({ transport: "api", host: "127.0.0.1", port, username: "admin", password: "secret", ...options });
  const before = process.memoryUsage().heapUsed;
  const error = await ros.ip.address.list().then(
    () => undefined,
    (e: unknown) => e as Error & { status: number; detail?: string },
  );
  const grown = process.memoryUsage().heapUsed - before;
  await closed;
  await ros.close();
  return { error, grown };
}

const MiB = 1 << 20;

describe("the API transport against a hostile peer", () => {
  it("refuses a 4 GiB length prefix without reading it", async () => {
    const { error, grown } = await against((s) => s.write(Buffer.concat([encodeLength(0xffff_ffff), Buffer.alloc(1024)])));
    expect(error).toMatchObject({ name: "RouterOSError", status: 0, detail: expect.stringContaining("longer than the limit of 1 MiB") });
    expect(grown).toBeLessThan(16 * MiB);
  });

  it("refuses an endless sentence at the sentence limit", async () => {
    const word = encodeSentence(["=x=" + "a".repeat(60_000)]).subarray(0, -1); // one word, no end of sentence
    const { error, grown } = await against((s) => {
      const flood = () => {
        while (s.writable && s.write(word));
        if (s.writable) s.once("drain", flood);
      };
      s.write(encodeSentence(["!re"]).subarray(0, -1));
      flood();
    });
    expect(error).toMatchObject({ detail: expect.stringContaining("sentence is longer than the limit of 4 MiB") });
    expect(grown).toBeLessThan(32 * MiB);
  });

  it("closes on a flood of !re past maxReplyBytes", async () => {
    const { error, grown } = await against(
      (s, tag) => {
        const re = encodeSentence(["!re", "=address=10.0.0.1/24", "=comment=" + "x".repeat(1000), `.tag=${tag}`]);
        const flood = () => {
          while (s.writable && s.write(re));
          if (s.writable) s.once("drain", flood);
        };
        flood();
      },
      { maxReplyBytes: 4 * MiB },
    );
    expect(error).toMatchObject({ detail: "reply larger than maxReplyBytes (4194304 bytes)" });
    expect(grown).toBeLessThan(64 * MiB);
  });

  it("fails when the peer stops mid-word", async () => {
    const { error } = await against((s, tag) => s.end(encodeSentence(["!re", "=address=10.0.0.1/24", `.tag=${tag}`]).subarray(0, 9)));
    expect(error).toMatchObject({ detail: "API connection ended inside a word" });
  });

  it("refuses invalid UTF-8", async () => {
    const { error } = await against((s, tag) =>
      s.write(
        Buffer.concat([
          encodeSentence(["!re"]).subarray(0, -1),
          encodeLength(3),
          Buffer.from([0x3d, 0xc3, 0x28]),
          encodeSentence([`.tag=${tag}`]),
        ]),
      ),
    );
    expect(error).toMatchObject({ detail: expect.stringContaining("not valid UTF-8") });
  });

  it("ends on !fatal with the router's reason", async () => {
    const { error } = await against((s) => s.end(encodeSentence(["!fatal", "session terminated on request"])));
    expect(error).toMatchObject({ detail: "the router ended the session: session terminated on request" });
  });

  it("refuses a reply that is not one", async () => {
    const { error } = await against((s) => s.write(encodeSentence(["/system/reboot"])));
    expect(error).toMatchObject({ detail: 'the router sent "/system/reboot", not a reply' });
  });

  it("gives up on a command after timeoutMs and cancels it", async () => {
    const { port, server } = await peer(() => undefined);
    servers.push(server);
    const ros = mod.createClient({ transport: "api", host: "127.0.0.1", port, username: "admin", password: "", timeoutMs: 50 });
    await expect(ros.ip.address.list()).rejects.toMatchObject({ detail: "no reply within 50 ms" });
    await ros.close();
  });

  it("never sends the password in the clear to another machine unless allowed", () => {
    expect(() => mod.createClient({ transport: "api", host: "192.0.2.1", username: "admin", password: "secret" })).toThrow(
      /refusing to log in to 192\.0\.2\.1 over plain TCP/,
    );
    expect(() =>
      mod.createClient({ transport: "api", host: "192.0.2.1", username: "admin", password: "secret", allowPlaintextLogin: true }),
    ).not.toThrow();
  });

  it("does not name the password when the login fails", async () => {
    const server = createServer((socket) => {
      const reader = new SentenceReader();
      socket.on("data", (chunk) => {
        for (const words of reader.push(chunk)) {
          const tag = words.find((w) => w.startsWith(".tag="))?.slice(5) ?? "";
          socket.write(encodeSentence(["!trap", "=message=invalid user name or password (6)", `.tag=${tag}`]));
          socket.write(encodeSentence(["!done", `.tag=${tag}`]));
        }
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const ros = mod.createClient({ transport: "api", host: "127.0.0.1", port, username: "admin", password: "hunter2" });
    const error = (await ros.ip.address.list().catch((e: unknown) => e)) as Error & { detail: string };
    expect(error).toMatchObject({ message: `login to tcp://127.0.0.1:${port} failed`, detail: "invalid user name or password (6)" });
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain("hunter2");
    await ros.close();
  });
});

/**
 * The most bytes the kernel may hold between a writer and a reader that stopped reading: the largest TCP receive
 * and send buffers it grows a connection to (Linux's tcp_rmem and tcp_wmem; 64 MiB where they cannot be read).
 */
function kernelBuffers(): number {
  try {
    const max = (name: string) => Number(readFileSync(`/proc/sys/net/ipv4/${name}`, "utf8").trim().split(/\s+/)[2]);
    const bytes = max("tcp_rmem") + max("tcp_wmem");
    return Number.isFinite(bytes) ? bytes : 64 * MiB;
  } catch {
    return 64 * MiB;
  }
}

describe("a stream consumed slowly", () => {
  it("pauses reading at the high-water mark: the router is held back, memory stays bounded, break cancels", async () => {
    const READ = 300;
    const HIGH_WATER = 100;
    const sentence = (n: number, tag: string) => encodeSentence(["!re", `=.id=*${n.toString(16)}`, "=address=10.0.0.1/24", `.tag=${tag}`]);
    // What the peer may have written once the client stops reading: what it read, its queue, a read's chunk (64 KiB)
    // and the kernel's buffers, counted in the shortest sentence; the peer has twice that to send.
    const held = READ + HIGH_WATER + Math.ceil((64 * 1024 + kernelBuffers()) / sentence(1, "1").length);
    const TOTAL = 2 * held;
    let written = 0;
    let cancel!: (tag: string) => void;
    const cancelledTag = new Promise<string>((resolve) => (cancel = resolve));
    let streamTag = "";
    const { port, server } = await peer((s, tag) => {
      streamTag = tag;
      const flood = () => {
        while (s.writable && written < TOTAL) {
          written++;
          if (!s.write(sentence(written, tag))) break;
        }
        if (s.writable && written < TOTAL) s.once("drain", flood);
      };
      flood();
    }, cancel);
    servers.push(server);
    const ros = mod.createClient({
      transport: "api",
      host: "127.0.0.1",
      port,
      username: "admin",
      password: "",
      streamHighWater: HIGH_WATER,
    });
    const before = process.memoryUsage().heapUsed;
    let read = 0;
    for await (const item of ros.ip.address.listen()) {
      expect(item[".id"]).toBe(`*${(read + 1).toString(16)}`);
      // The consumer is slow: it yields to the event loop many times per item, so the peer could write far ahead.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      if (++read === READ) break;
    }
    const grown = process.memoryUsage().heapUsed - before;
    expect(await cancelledTag).toBe(streamTag);
    // What the socket buffers hold, and no more: the peer was held back (how far the kernel grows its buffers
    // depends on timing, so the bound is the kernel's largest).
    expect(written).toBeLessThanOrEqual(held);
    expect(grown).toBeLessThan(32 * MiB);
    await ros.close();
  });
});
