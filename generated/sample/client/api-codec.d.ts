/**
 * The one codec of the RouterOS API protocol (TCP 8728, TLS 8729), for the
 * clients rosapi generates and for its simulator (shipped beside the runtime,
 * so it imports nothing). A word is its length (1 to 5 bytes) and its UTF-8
 * bytes; a sentence is words ended by an empty word. The reader takes a byte
 * stream split anywhere and checks every length against its limits before it
 * keeps a byte, so a peer cannot make it hold more than the limits.
 */
/** The largest length the protocol can state (the five-byte form: 0xF0 and four bytes). */
export declare const MAX_WORD_LENGTH = 4294967295;
/** Why a byte stream is not API sentences; the connection cannot go on after one of these. */
export type ApiProtocolErrorCode = "word-too-long" | "sentence-too-long" | "reserved-byte" | "invalid-utf8" | "truncated";
/** A byte stream that is not (or no longer) RouterOS API sentences within the reader's limits. */
export declare class ApiProtocolError extends Error {
    readonly code: ApiProtocolErrorCode;
    constructor(code: ApiProtocolErrorCode, message: string);
}
/** The length prefix of a word of `length` bytes, in the shortest of the five forms. */
export declare function encodeLength(length: number): Uint8Array;
/** How many bytes a length prefix takes, told by its first byte; undefined for the reserved bytes 0xF1–0xFF. */
export declare function lengthSize(first: number): number | undefined;
/**
 * The length a complete prefix states (`prefix.length` must be `lengthSize(prefix[0])`); any of the five forms is
 * read, the shortest or not.
 */
export declare function decodeLength(prefix: Uint8Array): number;
/**
 * A sentence on the wire: each word with its length, then the empty word. An empty word inside would end the
 * sentence early and start another from what follows (a value could smuggle a command), so it is refused.
 */
export declare function encodeSentence(words: readonly string[]): Uint8Array;
/** How much one sentence may hold; a peer past either limit is cut off. */
export interface SentenceLimits {
    /** Bytes of one word (its UTF-8, without the prefix). */
    maxWordBytes: number;
    /** Bytes of one sentence on the wire, prefixes included. */
    maxSentenceBytes: number;
}
/** 1 MiB a word, 4 MiB a sentence: RouterOS's largest values (a script's source, a file's contents) are far smaller. */
export declare const DEFAULT_SENTENCE_LIMITS: SentenceLimits;
/**
 * Reads sentences from a byte stream delivered in chunks split at any byte. It holds at most one sentence
 * (`maxSentenceBytes`) and the bytes of the word being read, never what a length prefix merely announces. After
 * it has thrown, it stays failed.
 */
export declare class SentenceReader {
    private readonly limits;
    private readonly decoder;
    private prefix;
    private wordLength;
    private word;
    private wordHave;
    private words;
    private sentenceBytes;
    private failure;
    constructor(limits?: Partial<SentenceLimits>);
    /** True between sentences: nothing of a next sentence has arrived yet. */
    get idle(): boolean;
    /** The sentences this chunk completes (with those begun in earlier chunks), in order. */
    push(chunk: Uint8Array): string[][];
    /** The stream has ended: throws when it ended inside a sentence. */
    end(): void;
    private count;
    private reserve;
    private finishWord;
}
