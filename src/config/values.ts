/**
 * RouterOS's quoted strings: the escapes it writes (`\"`, `\\`, `\$`, `\?`,
 * `\n`, `\r`, `\t`, `\_`, `\a`, `\b`, `\f`, `\v`, and `\AB`, a byte in hex),
 * read into text and written back the way `/export` writes them.
 */

const NAMED: Record<string, string> = { n: "\n", r: "\r", t: "\t", a: "\x07", b: "\b", f: "\f", v: "\v", _: " " };
const WRITTEN: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v" };
const HEX = /^[0-9A-Fa-f]{2}$/;

/** The body of a quoted string (between its quotes, continuations already joined) as text; `undefined` for an escape RouterOS does not know. */
export function unescapeQuoted(body: string): string | undefined {
  let out = "";
  // Hex escapes are bytes: a run of them is decoded as UTF-8 (RouterOS writes `\D0\9F` for `П`).
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    out += Buffer.from(bytes).toString("utf8");
    bytes = [];
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      flush();
      out += c;
      continue;
    }
    const pair = body.slice(i + 1, i + 3);
    if (HEX.test(pair)) {
      bytes.push(parseInt(pair, 16));
      i += 2;
      continue;
    }
    flush();
    const next = body[i + 1];
    if (next === undefined) return undefined;
    const named = NAMED[next];
    if (named !== undefined) out += named;
    else if (next === '"' || next === "\\" || next === "$" || next === "?") out += next;
    else return undefined;
    i++;
  }
  flush();
  return out;
}

/** Characters that make RouterOS quote a value: space, quote, backslash, `$`, `?`, `;`, `=`, brackets, braces, `#` and controls. */
const NEEDS_QUOTES = /[\s"\\$?;=[\]{}()#\x00-\x1f\x7f-\uffff]/u;

/** A value as `/export` writes it: bare where nothing in it needs quotes, else quoted with RouterOS's escapes. */
export function writeValue(text: string): string {
  if (text !== "" && !NEEDS_QUOTES.test(text)) return text;
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (c === '"' || c === "\\" || c === "$" || c === "?") out += `\\${c}`;
    else if (WRITTEN[c]) out += WRITTEN[c];
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).toUpperCase().padStart(2, "0")}`;
    else if (code > 0x7e) out += [...Buffer.from(c, "utf8")].map((b) => `\\${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    else out += c;
  }
  return `${out}"`;
}
