/**
 * The one codec of the RouterOS API protocol (TCP 8728, TLS 8729), for the
 * clients rosapi generates and for its simulator (shipped beside the runtime,
 * so it imports nothing). A word is its length (1 to 5 bytes) and its UTF-8
 * bytes; a sentence is words ended by an empty word. The reader takes a byte
 * stream split anywhere and checks every length against its limits before it
 * keeps a byte, so a peer cannot make it hold more than the limits.
 */

/** The largest length the protocol can state (the five-byte form: 0xF0 and four bytes). */
export const MAX_WORD_LENGTH = 0xffff_ffff;

/** Why a byte stream is not API sentences; the connection cannot go on after one of these. */
export type ApiProtocolErrorCode = "word-too-long" | "sentence-too-long" | "reserved-byte" | "invalid-utf8" | "truncated";

/** A byte stream that is not (or no longer) RouterOS API sentences within the reader's limits. */
export class ApiProtocolError extends Error {
  readonly code: ApiProtocolErrorCode;
  constructor(code: ApiProtocolErrorCode, message: string) {
    super(message);
    this.name = "ApiProtocolError";
    this.code = code;
  }
}

/** The length prefix of a word of `length` bytes, in the shortest of the five forms. */
export function encodeLength(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > MAX_WORD_LENGTH) {
    throw new RangeError(`an API word length must be an integer from 0 to ${MAX_WORD_LENGTH}, not ${length}`);
  }
  if (length < 0x80) return Uint8Array.of(length);
  if (length < 0x4000) return Uint8Array.of((length >>> 8) | 0x80, length & 0xff);
  if (length < 0x20_0000) return Uint8Array.of((length >>> 16) | 0xc0, (length >>> 8) & 0xff, length & 0xff);
  if (length < 0x1000_0000) {
    return Uint8Array.of((length >>> 24) | 0xe0, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
  }
  return Uint8Array.of(0xf0, length >>> 24, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff);
}

/** How many bytes a length prefix takes, told by its first byte; undefined for the reserved bytes 0xF1–0xFF. */
export function lengthSize(first: number): number | undefined {
  if (first < 0x80) return 1;
  if (first < 0xc0) return 2;
  if (first < 0xe0) return 3;
  if (first < 0xf0) return 4;
  return first === 0xf0 ? 5 : undefined;
}

/**
 * The length a complete prefix states (`prefix.length` must be `lengthSize(prefix[0])`); any of the five forms is
 * read, the shortest or not.
 */
export function decodeLength(prefix: Uint8Array): number {
  const size = lengthSize(prefix[0]!);
  if (size === undefined || prefix.length !== size) throw new RangeError("not a complete API length prefix");
  if (size === 5) return ((prefix[1]! << 24) >>> 0) + (prefix[2]! << 16) + (prefix[3]! << 8) + prefix[4]!;
  const marks = [0, 0x80, 0xc0, 0xe0][size - 1]!;
  let length = prefix[0]! & ~marks & 0xff;
  for (let i = 1; i < size; i++) length = length * 256 + prefix[i]!;
  return length;
}

const encoder = new TextEncoder();

/**
 * A sentence on the wire: each word with its length, then the empty word. An empty word inside would end the
 * sentence early and start another from what follows (a value could smuggle a command), so it is refused.
 */
export function encodeSentence(words: readonly string[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 1;
  for (const word of words) {
    if (word === "") throw new RangeError("an API sentence cannot hold an empty word: it would end the sentence");
    const bytes = encoder.encode(word);
    const prefix = encodeLength(bytes.length);
    parts.push(prefix, bytes);
    size += prefix.length + bytes.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out; // the last byte stays 0: the empty word
}

/** How much one sentence may hold; a peer past either limit is cut off. */
export interface SentenceLimits {
  /** Bytes of one word (its UTF-8, without the prefix). */
  maxWordBytes: number;
  /** Bytes of one sentence on the wire, prefixes included. */
  maxSentenceBytes: number;
}

/** 1 MiB a word, 4 MiB a sentence: RouterOS's largest values (a script's source, a file's contents) are far smaller. */
export const DEFAULT_SENTENCE_LIMITS: SentenceLimits = { maxWordBytes: 1 << 20, maxSentenceBytes: 4 << 20 };

const MIB = 1 << 20;
const size = (bytes: number): string => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`);

/**
 * Reads sentences from a byte stream delivered in chunks split at any byte. It holds at most one sentence
 * (`maxSentenceBytes`) and the bytes of the word being read, never what a length prefix merely announces. After
 * it has thrown, it stays failed.
 */
export class SentenceReader {
  private readonly limits: SentenceLimits;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private prefix: number[] = [];
  private wordLength = -1; // -1: reading a prefix
  private word = new Uint8Array(0); // grows by doubling up to the word's length, as its bytes arrive
  private wordHave = 0;
  private words: string[] = [];
  private sentenceBytes = 0;
  private failure: ApiProtocolError | undefined;

  constructor(limits: Partial<SentenceLimits> = {}) {
    this.limits = { ...DEFAULT_SENTENCE_LIMITS, ...limits };
  }

  /** True between sentences: nothing of a next sentence has arrived yet. */
  get idle(): boolean {
    return this.prefix.length === 0 && this.wordLength === -1 && this.words.length === 0 && !this.failure;
  }

  /** The sentences this chunk completes (with those begun in earlier chunks), in order. */
  push(chunk: Uint8Array): string[][] {
    if (this.failure) throw this.failure;
    const done: string[][] = [];
    let at = 0;
    try {
      while (at < chunk.length) {
        if (this.wordLength === -1) {
          this.prefix.push(chunk[at++]!);
          const need = lengthSize(this.prefix[0]!);
          if (need === undefined) {
            throw new ApiProtocolError(
              "reserved-byte",
              `API length prefix starts with the reserved byte 0x${this.prefix[0]!.toString(16).toUpperCase()}`,
            );
          }
          if (this.prefix.length < need) continue;
          const length = decodeLength(Uint8Array.from(this.prefix));
          this.count(need);
          this.prefix = [];
          if (length === 0) {
            done.push(this.words);
            this.words = [];
            this.sentenceBytes = 0;
            continue;
          }
          if (length > this.limits.maxWordBytes) {
            throw new ApiProtocolError(
              "word-too-long",
              `API word of ${length} bytes is longer than the limit of ${size(this.limits.maxWordBytes)}`,
            );
          }
          this.count(length);
          this.wordLength = length;
          continue;
        }
        const take = Math.min(this.wordLength - this.wordHave, chunk.length - at);
        this.reserve(this.wordHave + take);
        this.word.set(chunk.subarray(at, at + take), this.wordHave);
        this.wordHave += take;
        at += take;
        if (this.wordHave === this.wordLength) this.finishWord();
      }
    } catch (error) {
      if (error instanceof ApiProtocolError) {
        this.failure = error;
        this.prefix = [];
        this.word = new Uint8Array(0);
        this.words = [];
      }
      throw error;
    }
    return done;
  }

  /** The stream has ended: throws when it ended inside a sentence. */
  end(): void {
    if (this.failure) throw this.failure;
    if (this.idle) return;
    const where = this.wordLength !== -1 || this.prefix.length > 0 ? "inside a word" : "inside a sentence";
    this.failure = new ApiProtocolError("truncated", `API connection ended ${where}`);
    throw this.failure;
  }

  private count(bytes: number): void {
    this.sentenceBytes += bytes;
    if (this.sentenceBytes > this.limits.maxSentenceBytes) {
      throw new ApiProtocolError("sentence-too-long", `API sentence is longer than the limit of ${size(this.limits.maxSentenceBytes)}`);
    }
  }

  private reserve(bytes: number): void {
    if (bytes <= this.word.length) return;
    const grown = new Uint8Array(Math.min(this.wordLength, Math.max(bytes, 2 * this.word.length, 256)));
    grown.set(this.word.subarray(0, this.wordHave));
    this.word = grown;
  }

  private finishWord(): void {
    let word: string;
    try {
      word = this.decoder.decode(this.word.subarray(0, this.wordHave));
    } catch {
      throw new ApiProtocolError("invalid-utf8", `API word ${this.words.length + 1} of a sentence is not valid UTF-8`);
    }
    this.words.push(word);
    if (this.word.length > 64 * 1024) this.word = new Uint8Array(0); // a large word's buffer is not kept
    this.wordHave = 0;
    this.wordLength = -1;
  }
}
