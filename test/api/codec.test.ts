/**
 * The API codec against the protocol reference (../shared/docs/routeros-reference/003_…md, "API words"): the
 * expected bytes below are written by hand from its table, never computed by the code under test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiProtocolError, SentenceReader, decodeLength, encodeLength, encodeSentence, lengthSize } from "../../src/templates/api-codec.js";

// [length, its prefix] at both sides of every boundary of the reference's table
const BOUNDARIES: [number, number[]][] = [
  [0, [0x00]],
  [0x7f, [0x7f]],
  [0x80, [0x80, 0x80]],
  [0x3fff, [0xbf, 0xff]],
  [0x4000, [0xc0, 0x40, 0x00]],
  [0x1fffff, [0xdf, 0xff, 0xff]],
  [0x200000, [0xe0, 0x20, 0x00, 0x00]],
  [0xfffffff, [0xef, 0xff, 0xff, 0xff]],
  [0x10000000, [0xf0, 0x10, 0x00, 0x00, 0x00]],
  [0xffffffff, [0xf0, 0xff, 0xff, 0xff, 0xff]],
];

const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));
const list = (...parts: (number[] | Uint8Array)[]): number[] => [...bytes(...parts)];
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

function caught(run: () => unknown): ApiProtocolError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProtocolError) return error;
    throw error;
  }
  throw new Error("expected an ApiProtocolError");
}

describe("word lengths", () => {
  it.each(BOUNDARIES)("%i is written as the reference says, and read back", (length, prefix) => {
    expect([...encodeLength(length)]).toEqual(prefix);
    expect(lengthSize(prefix[0]!)).toBe(prefix.length);
    expect(decodeLength(Uint8Array.from(prefix))).toBe(length);
  });

  it("reads a longer form than needed, and refuses the reserved first bytes", () => {
    expect(decodeLength(Uint8Array.of(0x80, 0x05))).toBe(5);
    expect(decodeLength(Uint8Array.of(0xf0, 0x00, 0x00, 0x00, 0x7f))).toBe(0x7f);
    for (const first of [0xf1, 0xf7, 0xf8, 0xff]) expect(lengthSize(first)).toBeUndefined();
  });

  it("refuses lengths the protocol cannot state", () => {
    for (const bad of [-1, 0.5, 2 ** 32, Number.NaN]) expect(() => encodeLength(bad)).toThrow(RangeError);
  });

  it.each(BOUNDARIES.filter(([n]) => n > 0 && n <= 0x200000))("a word of %i bytes goes through the reader", (n, prefix) => {
    const word = "a".repeat(n);
    const wire = encodeSentence([word]);
    expect([...wire.subarray(0, prefix.length)]).toEqual(prefix);
    expect(wire.length).toBe(prefix.length + n + 1);
    expect(new SentenceReader({ maxWordBytes: n, maxSentenceBytes: n + 8 }).push(wire)).toEqual([[word]]);
  });

  it.each(BOUNDARIES.filter(([n]) => n > 0x200000))("a prefix of %i bytes is read and refused before any byte is kept", (n, prefix) => {
    const error = caught(() => new SentenceReader().push(Uint8Array.from(prefix)));
    expect(error.code).toBe("word-too-long");
    expect(error.message).toBe(`API word of ${n} bytes is longer than the limit of 1 MiB`);
  });
});

describe("sentences", () => {
  it("are their words with lengths, then an empty word", () => {
    expect([...encodeSentence(["/login", "=name=admin", "=password="])]).toEqual(
      list([6], ascii("/login"), [11], ascii("=name=admin"), [10], ascii("=password="), [0]),
    );
    expect([...encodeSentence([])]).toEqual([0]);
  });

  it("count UTF-8 bytes, not characters", () => {
    expect([...encodeSentence(["=comment=é"])]).toEqual(list([11], ascii("=comment="), [0xc3, 0xa9], [0]));
  });

  it("refuse an empty word, which would end the sentence early", () => {
    expect(() => encodeSentence(["/ip/address/add", "", "/system/reboot"])).toThrow(/empty word/);
  });

  const word = fc.string({ unit: "binary", minLength: 1, maxLength: 300 });
  const sentence = fc.array(word, { maxLength: 8 });

  it("round-trip, whatever their words", () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (sentences) => {
        const reader = new SentenceReader();
        expect(reader.push(bytes(...sentences.map(encodeSentence)))).toEqual(sentences);
        expect(reader.idle).toBe(true);
      }),
    );
  });

  it("round-trip when the stream is cut anywhere", () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 6 }), (sentences, cuts) => {
        const wire = bytes(...sentences.map(encodeSentence));
        const at = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
        const reader = new SentenceReader();
        const read: string[][] = [];
        let from = 0;
        for (const to of [...at, wire.length]) {
          read.push(...reader.push(wire.subarray(from, to)));
          from = to;
        }
        expect(read).toEqual(sentences);
      }),
    );
  });

  it("are read the same with the stream split at every byte, and a byte at a time", () => {
    const sentences = [
      ["/login", "=name=admin", "=password=secret"],
      [],
      ["!re", `=comment=${"é".repeat(0x50)}`, `=source=${"x".repeat(0x4000)}`, ".tag=7"],
      ["!done", ".tag=7"],
    ];
    const wire = bytes(...sentences.map(encodeSentence));
    for (let cut = 0; cut <= wire.length; cut++) {
      const reader = new SentenceReader();
      expect([...reader.push(wire.subarray(0, cut)), ...reader.push(wire.subarray(cut))]).toEqual(sentences);
    }
    const reader = new SentenceReader();
    const read: string[][] = [];
    for (const byte of wire) read.push(...reader.push(Uint8Array.of(byte)));
    expect(read).toEqual(sentences);
  });

  it("are not changed when the caller reuses its chunk", () => {
    const wire = encodeSentence(["/ip/address/print", "?address=10.0.0.1/24"]);
    const reader = new SentenceReader();
    const chunk = new Uint8Array(7);
    const read: string[][] = [];
    for (let at = 0; at < wire.length; at += 7) {
      chunk.fill(0xff);
      chunk.set(wire.subarray(at, at + 7));
      read.push(...reader.push(chunk.subarray(0, Math.min(7, wire.length - at))));
    }
    expect(read).toEqual([["/ip/address/print", "?address=10.0.0.1/24"]]);
  });
});

describe("a hostile stream", () => {
  it("a 4 GB length prefix: refused at its fifth byte", () => {
    const reader = new SentenceReader();
    expect(reader.push(Uint8Array.of(0xf0, 0xff, 0xff))).toEqual([]);
    expect(caught(() => reader.push(Uint8Array.of(0xff, 0xff, 0x61))).code).toBe("word-too-long");
  });

  it("an endless sentence: refused at the sentence limit", () => {
    const reader = new SentenceReader({ maxSentenceBytes: 1000 });
    const word = encodeSentence(["=x=" + "y".repeat(95)]).subarray(0, -1); // 100 bytes, no end
    for (let i = 0; i < 10; i++) expect(reader.push(word)).toEqual([]);
    const error = caught(() => reader.push(word));
    expect(error.code).toBe("sentence-too-long");
    expect(error.message).toBe("API sentence is longer than the limit of 1000 bytes");
  });

  it("invalid UTF-8", () => {
    const error = caught(() => new SentenceReader().push(Uint8Array.of(3, 0x2f, 0xc3, 0x28, 0)));
    expect(error.code).toBe("invalid-utf8");
    expect(error.message).toBe("API word 1 of a sentence is not valid UTF-8");
  });

  it("a reserved control byte", () => {
    expect(caught(() => new SentenceReader().push(Uint8Array.of(0xf8))).message).toBe(
      "API length prefix starts with the reserved byte 0xF8",
    );
  });

  it("a stream that ends inside a word, or between words", () => {
    const inWord = new SentenceReader();
    inWord.push(Uint8Array.of(6, 0x2f, 0x6c));
    expect(caught(() => inWord.end()).message).toBe("API connection ended inside a word");
    const inPrefix = new SentenceReader();
    inPrefix.push(Uint8Array.of(0xc0, 0x40));
    expect(caught(() => inPrefix.end()).code).toBe("truncated");
    const between = new SentenceReader();
    between.push(Uint8Array.of(1, 0x2f));
    expect(caught(() => between.end()).message).toBe("API connection ended inside a sentence");
    const idle = new SentenceReader();
    idle.push(encodeSentence(["/quit"]));
    expect(() => idle.end()).not.toThrow();
  });

  it("stays failed after the first error", () => {
    const reader = new SentenceReader();
    const first = caught(() => reader.push(Uint8Array.of(0xff)));
    expect(caught(() => reader.push(encodeSentence(["/login"])))).toBe(first);
  });
});
