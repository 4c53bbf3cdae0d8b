/** A bare API peer for tests: sends sentences, and hands back what the simulator sends, sentence by sentence. */
import { connect as tcpConnect, type Socket } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { once } from "node:events";
import { SentenceReader, encodeSentence } from "../../src/templates/api-codec.js";

export interface ApiPeer {
  socket: Socket;
  send(...words: string[]): void;
  /** The next sentence; undefined once the connection has closed. */
  next(): Promise<string[] | undefined>;
  /** Sentences up to and including the one that starts with `!done` (for `tag`, when given), of that tag only. */
  until(tag?: string): Promise<string[][]>;
  /** Resolves when the simulator has closed the connection. */
  closed: Promise<void>;
  close(): void;
}

export async function apiPeer(port: number, options: { tls?: { ca: string } } = {}): Promise<ApiPeer> {
  const socket = options.tls ? tlsConnect({ host: "127.0.0.1", port, ca: options.tls.ca }) : tcpConnect({ host: "127.0.0.1", port });
  await once(socket, options.tls ? "secureConnect" : "connect");
  const reader = new SentenceReader({ maxWordBytes: 64 << 20, maxSentenceBytes: 64 << 20 });
  const queue: string[][] = [];
  const waiting: ((s: string[] | undefined) => void)[] = [];
  let ended = false;
  socket.on("data", (chunk: Buffer) => {
    for (const sentence of reader.push(chunk)) {
      const wake = waiting.shift();
      if (wake) wake(sentence);
      else queue.push(sentence);
    }
  });
  const closed = new Promise<void>((resolve) =>
    socket.once("close", () => {
      ended = true;
      for (const wake of waiting.splice(0)) wake(undefined);
      resolve();
    }),
  );
  socket.on("error", () => {});
  const next = (): Promise<string[] | undefined> => {
    if (queue.length) return Promise.resolve(queue.shift());
    if (ended) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  };
  return {
    socket,
    send: (...words) => void socket.write(encodeSentence(words)),
    next,
    async until(tag) {
      const out: string[][] = [];
      for (;;) {
        const sentence = await next();
        if (!sentence) throw new Error(`connection closed before !done; got ${JSON.stringify(out)}`);
        if (tag !== undefined && !sentence.includes(`.tag=${tag}`)) continue;
        out.push(sentence);
        if (sentence[0] === "!done") return out;
      }
    },
    closed,
    close: () => socket.destroy(),
  };
}

/** A peer that has logged in as the simulator's default user. */
export async function loggedIn(port: number, options: { tls?: { ca: string }; password?: string } = {}): Promise<ApiPeer> {
  const peer = await apiPeer(port, options);
  peer.send("/login", "=name=admin", `=password=${options.password ?? ""}`);
  const reply = await peer.until();
  if (reply[0]?.[0] !== "!done") throw new Error(`login failed: ${JSON.stringify(reply)}`);
  return peer;
}

/** `!re` sentences as objects of their `=name=value` words. */
export function rows(sentences: string[][]): Record<string, string>[] {
  return sentences.filter((s) => s[0] === "!re").map(attributes);
}

export function attributes(sentence: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const word of sentence.slice(1)) {
    if (!word.startsWith("=")) continue;
    const at = word.indexOf("=", 1);
    out[word.slice(1, at)] = word.slice(at + 1);
  }
  return out;
}

/** Writes `chunks` to the socket as fast as it takes them, until they run out or the server closes: bytes written. */
export async function flood(socket: Socket, chunks: Iterable<Uint8Array>): Promise<number> {
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

export function* endless(total: number, word: Uint8Array): Generator<Uint8Array> {
  for (let sent = 0; sent < total; sent += word.length) yield word;
}

export const FOUR_GB = Uint8Array.of(0xf0, 0xff, 0xff, 0xff, 0xff);
export const WORD = encodeSentence(["=comment=" + "x".repeat(64 * 1024 - 16)]).subarray(0, -1); // one word, no end of sentence
