/**
 * A small reader of the Python literal subset that Ansible's `_api_data.py`
 * writes its data in: dicts, tuples, lists, strings, numbers, True/False/None,
 * names, and calls with keyword arguments (`KeyInfo(default='x')`). It reads;
 * it never runs anything. Whatever else it meets is a clear error with the line.
 */

export type PyValue =
  | string
  | number
  | boolean
  | null
  | { kind: "tuple"; items: PyValue[] }
  | { kind: "list"; items: PyValue[] }
  | { kind: "dict"; entries: [PyValue, PyValue][] }
  | { kind: "name"; name: string }
  | { kind: "call"; callee: string; args: PyValue[]; kwargs: Record<string, PyValue> };

export class PythonSyntaxError extends Error {
  override name = "PythonSyntaxError";
}

type Token =
  | { type: "str"; value: string; line: number }
  | { type: "num"; value: number; line: number }
  | { type: "word" | "punct"; value: string; line: number };

// Sticky: matched where the scan stands, without slicing the text.
const NUMBER = /-?\d+(?:\.\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z_0-9]*/y;

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", "\\": "\\", "'": "'", '"': '"', "0": "\0" };

/** Tokens of the bracketed literal that `text` starts with, up to its closing bracket (what follows may be any Python). */
function tokenize(text: string, firstLine: number): Token[] {
  const tokens: Token[] = [];
  let line = firstLine;
  let i = 0;
  let depth = 0;
  while (i < text.length && !(depth === 0 && tokens.length > 0)) {
    const c = text[i]!;
    if (c === "\n") line++;
    if (c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\\") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (c === "'" || c === '"') {
      if (text.startsWith(c.repeat(3), i)) throw new PythonSyntaxError(`line ${line}: triple-quoted strings are not read`);
      let value = "";
      i++;
      const end = text.indexOf(c, i);
      const plain = end >= 0 ? text.slice(i, end) : "";
      // Most strings have no escape and no line break: taken whole.
      if (end >= 0 && !plain.includes("\\") && !plain.includes("\n")) {
        value = plain;
        i = end;
      }
      while (text[i] !== c) {
        if (i >= text.length || text[i] === "\n") throw new PythonSyntaxError(`line ${line}: unterminated string`);
        if (text[i] === "\\") {
          const e = ESCAPES[text[i + 1]!];
          if (e === undefined) throw new PythonSyntaxError(`line ${line}: unknown escape \\${text[i + 1]}`);
          value += e;
          i += 2;
        } else value += text[i++];
      }
      i++;
      const last = tokens[tokens.length - 1];
      // Adjacent literals concatenate, as in Python.
      if (last?.type === "str") last.value += value;
      else tokens.push({ type: "str", value, line });
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number) {
      tokens.push({ type: "num", value: Number(number[0]), line });
      i += number[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      if (/^[rRbBfFuU]{1,2}$/.test(word[0]) && (text[i + word[0].length] === "'" || text[i + word[0].length] === '"'))
        throw new PythonSyntaxError(`line ${line}: prefixed strings (${word[0]}'...') are not read`);
      tokens.push({ type: "word", value: word[0], line });
      i += word[0].length;
      continue;
    }
    if ("()[]{},:=".includes(c)) {
      if ("([{".includes(c)) depth++;
      if (")]}".includes(c)) depth--;
      tokens.push({ type: "punct", value: c, line });
      i++;
      continue;
    }
    throw new PythonSyntaxError(`line ${line}: unexpected ${JSON.stringify(c)}`);
  }
  return tokens;
}

const CLOSING: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private fail(what: string): never {
    const t = this.peek();
    throw new PythonSyntaxError(t ? `line ${t.line}: ${what}, found ${JSON.stringify(t.value)}` : `${what}, found the end`);
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t?.type === "punct" && t.value === value;
  }

  private expect(value: string): void {
    if (!this.isPunct(value)) this.fail(`expected ${JSON.stringify(value)}`);
    this.at++;
  }

  /** Items up to the closing bracket, trailing comma allowed. */
  private sequence<T>(close: string, item: () => T): T[] {
    const items: T[] = [];
    while (!this.isPunct(close)) {
      items.push(item());
      if (!this.isPunct(close)) this.expect(",");
    }
    this.at++;
    return items;
  }

  value(): PyValue {
    const t = this.peek();
    if (!t) this.fail("expected a value");
    this.at++;
    if (t.type === "str" || t.type === "num") return t.value;
    if (t.type === "word") {
      if (t.value === "True") return true;
      if (t.value === "False") return false;
      if (t.value === "None") return null;
      if (!this.isPunct("(")) return { kind: "name", name: t.value };
      this.at++;
      const args: PyValue[] = [];
      const kwargs: Record<string, PyValue> = {};
      this.sequence(")", () => {
        const next = this.tokens[this.at + 1];
        if (this.peek()?.type === "word" && next?.type === "punct" && next.value === "=") {
          const key = this.peek()!.value as string;
          this.at += 2;
          kwargs[key] = this.value();
        } else args.push(this.value());
      });
      return { kind: "call", callee: t.value, args, kwargs };
    }
    if (t.value === "[") return { kind: "list", items: this.sequence("]", () => this.value()) };
    if (t.value === "{") {
      const entries = this.sequence("}", (): [PyValue, PyValue] => {
        const key = this.value();
        this.expect(":");
        return [key, this.value()];
      });
      return { kind: "dict", entries };
    }
    if (t.value === "(") {
      const items: PyValue[] = [];
      let comma = false;
      while (!this.isPunct(")")) {
        items.push(this.value());
        if (this.isPunct(",")) {
          comma = true;
          this.at++;
        } else break;
      }
      this.expect(")");
      // `(x)` is x; `(x,)` and `(x, y)` are tuples.
      return items.length === 1 && !comma ? items[0]! : { kind: "tuple", items };
    }
    return this.fail("expected a value");
  }
}

/**
 * The value assigned to `name` at the start of a line (`PATHS = {...}`):
 * the text from there to its closing bracket, read as a literal.
 */
export function readAssignment(source: string, name: string): PyValue {
  const start = new RegExp(`^${name}\\s*=\\s*`, "m").exec(source);
  if (!start) throw new PythonSyntaxError(`no "${name} = ..." assignment`);
  const from = start.index + start[0].length;
  const line = source.slice(0, from).split("\n").length;
  const open = source[from];
  if (!open || !CLOSING[open]) throw new PythonSyntaxError(`line ${line}: ${name} is not a literal in brackets`);
  const parser = new Parser(tokenize(source.slice(from), line));
  return parser.value();
}
