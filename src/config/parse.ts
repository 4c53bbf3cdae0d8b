/**
 * The parser of RouterOS configuration scripts: `/export` (compact, verbose,
 * terse, show-sensitive) and hand-written `.rsc` files in the same style.
 * Pure: text in, typed items with positions out. It reads what the console
 * reads (continuations, quotes and escapes, `[ ]`/`( )`/`{ }` groups over
 * many lines) and decides nothing a script would decide at run time.
 */
import type {
  CommentLine,
  ConfigArg,
  ConfigCommand,
  ConfigHeader,
  ConfigItem,
  ConfigValue,
  ParsedConfig,
  Position,
  Selector,
} from "./types.js";
import { unescapeQuoted } from "./values.js";

/** Commands after which the next bare word is a selector, not a menu. */
const VERBS = new Set([
  "add",
  "set",
  "remove",
  "enable",
  "disable",
  "unset",
  "print",
  "get",
  "find",
  "edit",
  "export",
  "comment",
  "move",
  "reset",
]);
/** Scripting commands that may be written without their colon. */
const SCRIPT_WORDS = new Set([
  "local",
  "global",
  "if",
  "foreach",
  "for",
  "while",
  "do",
  "return",
  "put",
  "delay",
  "error",
  "execute",
  "parse",
]);
const CLOSERS: Record<string, string> = { "[": "]", "(": ")", "{": "}" };
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

interface Word {
  /** Continuations joined, quotes kept. */
  raw: string;
  start: number;
  /** Index in `raw` of the first `=` outside quotes and groups; -1 for none. */
  eq: number;
  /** Source offset of the first character after that `=`. */
  valueStart: number;
}

interface RawCommand {
  words: Word[];
  start: number;
  end: number;
  problem?: { at: number; message: string };
}

class Lexer {
  i = 0;
  constructor(readonly text: string) {}

  /** The length of a `\` + newline continuation at `at`, or 0. */
  private continuation(at: number): number {
    const t = this.text;
    if (t[at] !== "\\") return 0;
    if (t[at + 1] === "\n") return 2;
    if (t[at + 1] === "\r" && t[at + 2] === "\n") return 3;
    return 0;
  }

  /** Past a continuation and the indentation of the line it continues on. */
  private skipContinuation(length: number): void {
    this.i += length;
    while (this.text[this.i] === " " || this.text[this.i] === "\t") this.i++;
  }

  private atNewline(): boolean {
    const c = this.text[this.i];
    return c === "\n" || (c === "\r" && this.text[this.i + 1] === "\n");
  }

  /** Blank space and empty lines before the next command. */
  skipBlank(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === ";") this.i++;
      else {
        const cont = this.continuation(this.i);
        if (!cont) return;
        this.skipContinuation(cont);
      }
    }
  }

  /** The rest of the physical line (a comment). */
  restOfLine(): { start: number; text: string } {
    const start = this.i;
    while (this.i < this.text.length && !this.atNewline()) this.i++;
    return { start, text: this.text.slice(start, this.i).replace(/\r$/, "") };
  }

  /** One command: words up to an unescaped newline or `;` outside groups. */
  command(): RawCommand {
    const start = this.i;
    const words: Word[] = [];
    let problem: RawCommand["problem"];
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === " " || c === "\t") {
        this.i++;
        continue;
      }
      const cont = this.continuation(this.i);
      if (cont) {
        this.skipContinuation(cont);
        continue;
      }
      if (this.atNewline() || c === ";") break;
      const word = this.word();
      words.push(word.word);
      if (word.problem) {
        problem = word.problem;
        // The rest of the line is not read: it would only give more noise after the first problem.
        this.restOfLine();
        break;
      }
    }
    return { words, start, end: this.i, ...(problem ? { problem } : {}) };
  }

  private word(): { word: Word; problem?: { at: number; message: string } } {
    const t = this.text;
    const start = this.i;
    const closers: string[] = [];
    let raw = "";
    let eq = -1;
    let valueStart = -1;
    const append = (s: string): void => {
      if (eq >= 0 && valueStart < 0) valueStart = this.i;
      raw += s;
    };
    while (this.i < t.length) {
      const c = t[this.i]!;
      const cont = this.continuation(this.i);
      if (cont) {
        this.skipContinuation(cont);
        continue;
      }
      if (closers.length === 0 && (c === " " || c === "\t" || c === ";" || this.atNewline())) break;
      if (c === '"') {
        const quoted = this.quoted(append);
        if (quoted) return { word: { raw, start, eq, valueStart }, problem: quoted };
        continue;
      }
      if (c === "#" && closers.length > 0 && /[\s{]/.test(t[this.i - 1] ?? "")) {
        // A comment inside a block runs to the end of its line (its quotes and brackets are words).
        const from = this.i;
        while (this.i < t.length && !this.atNewline()) this.i++;
        raw += t.slice(from, this.i);
        continue;
      }
      if (CLOSERS[c]) closers.push(CLOSERS[c]);
      else if (c === closers.at(-1)) closers.pop();
      else if (c === "=" && closers.length === 0 && eq < 0) {
        append(c);
        eq = raw.length - 1;
        this.i++;
        continue;
      }
      append(c);
      this.i++;
    }
    if (closers.length > 0)
      return { word: { raw, start, eq, valueStart }, problem: { at: start, message: `no closing ${closers.at(-1)}` } };
    return { word: { raw, start, eq, valueStart: valueStart < 0 ? this.i : valueStart } };
  }

  /** A `"…"` string (at the opening quote); a problem where it does not end on its line. */
  private quoted(append: (s: string) => void): { at: number; message: string } | undefined {
    const t = this.text;
    const open = this.i;
    append('"');
    this.i++;
    while (this.i < t.length) {
      const c = t[this.i]!;
      if (c === "\\") {
        const cont = this.continuation(this.i);
        if (cont) {
          this.skipContinuation(cont);
          continue;
        }
        append(t.slice(this.i, this.i + 2));
        this.i += 2;
        continue;
      }
      if (c === "\n" || c === "\r") break;
      append(c);
      this.i++;
      if (c === '"') return undefined;
    }
    return { at: open, message: "a quoted string that does not end on its line" };
  }
}

/** Offsets → 1-based line and column. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  get count(): number {
    return this.starts.length;
  }
  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** A quoted string alone: its body, or undefined where the value is more than one quoted string. */
function quotedBody(raw: string): string | undefined {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return undefined;
  const body = raw.slice(1, -1);
  // An unescaped quote inside means two strings side by side (`"a""b"`), a script's concatenation.
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") i++;
    else if (body[i] === '"') return undefined;
  }
  return body;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Whether a quoted body interpolates a variable (`"$name"`: RouterOS substitutes it when the line runs). */
const interpolates = (body: string): boolean => /(^|[^\\])(\\\\)*\$[A-Za-z_({]/.test(body);

function readValue(raw: string, at: Position): ConfigValue | { problem: string } {
  const body = quotedBody(raw);
  if (body !== undefined) {
    if (interpolates(body)) return { raw, kind: "script", ...at };
    const text = unescapeQuoted(body);
    if (text === undefined) return { problem: `an escape RouterOS does not know in ${clip(raw)}` };
    return { raw, kind: "quoted", text, ...at };
  }
  if (/^[[({$]/.test(raw) || raw.includes("$") || raw.includes('"')) return { raw, kind: "script", ...at };
  return { raw, kind: "plain", text: raw, ...at };
}

const HEADER: [keyof ConfigHeader, RegExp][] = [
  ["version", /\bby RouterOS ([0-9][0-9A-Za-z.]*)/],
  ["model", /^#\s*model\s*=\s*(\S.*?)\s*$/],
  ["softwareId", /^#\s*software id\s*=\s*(\S.*?)\s*$/],
];

const joinMenu = (context: string, words: string[]): string => {
  const parts = context.split("/").filter(Boolean);
  for (const w of words) {
    if (w === "..") parts.pop();
    else parts.push(w);
  }
  return `/${parts.join("/")}`;
};

export function parseConfig(text: string, file = "<config>"): ParsedConfig {
  const lexer = new Lexer(text);
  const lines = new Lines(text);
  const items: ConfigItem[] = [];
  const header: ConfigHeader = {};
  let context = "/";
  let commandsSeen = false;
  for (lexer.skipBlank(); lexer.i < text.length; lexer.skipBlank()) {
    const at = lines.at(lexer.i);
    if (text[lexer.i] === "#") {
      const comment = lexer.restOfLine();
      const item: CommentLine = { kind: "comment", ...at, text: comment.text };
      items.push(item);
      if (!commandsSeen)
        for (const [key, re] of HEADER) {
          const found = re.exec(comment.text)?.[1];
          if (found && header[key] === undefined) header[key] = found;
        }
      continue;
    }
    commandsSeen = true;
    const raw = lexer.command();
    const endLine = lines.at(Math.max(raw.start, raw.end - 1)).line;
    if (raw.problem) {
      items.push({ kind: "problem", ...lines.at(raw.problem.at), endLine, message: raw.problem.message });
      continue;
    }
    const item = interpret(raw, context, lines, endLine, text);
    if (item.kind === "menu") context = item.menu;
    items.push(item);
  }
  return { file, header, items, lines: lines.count };
}

/** A command's words → a menu line, a command, a scripting line or a problem. */
function interpret(raw: RawCommand, context: string, lines: Lines, endLine: number, text: string): ConfigItem {
  const at = lines.at(raw.start);
  const first = raw.words[0]!;
  const scriptLine = (): ConfigItem => ({ kind: "script", ...at, endLine, text: text.slice(raw.start, raw.end).replace(/\r$/, "") });
  if (/^[:{$]/.test(first.raw) || SCRIPT_WORDS.has(first.raw)) return scriptLine();
  const absolute = first.raw.startsWith("/");
  // `/ip/firewall/filter` and `/ip firewall filter` alike: the first word may hold several names.
  const path: ConfigCommand["path"] = [];
  let w = 0;
  for (; w < raw.words.length; w++) {
    const word = raw.words[w]!;
    if (word.eq >= 0) break;
    const names = w === 0 && absolute ? word.raw.slice(1).split("/") : [word.raw];
    if (!names.every((n) => IDENTIFIER.test(n) || n === "..")) {
      if (w === 0 && !(absolute && word.raw === "/"))
        return { kind: "problem", ...at, endLine, message: `not a command or a menu: ${clip(word.raw)}` };
      break;
    }
    let offset = word.start + (w === 0 && absolute ? 1 : 0);
    for (const name of names) {
      if (name) path.push({ word: name, ...lines.at(offset) });
      offset += name.length + 1;
    }
    if (VERBS.has(word.raw)) {
      w++;
      break;
    }
  }
  const base = absolute ? "/" : context;
  const rest = raw.words.slice(w);
  const last = path.at(-1);
  if (rest.length === 0 && (!last || !VERBS.has(last.word))) {
    return {
      kind: "menu",
      ...at,
      menu: joinMenu(
        base,
        path.map((p) => p.word),
      ),
      path,
    };
  }
  if (!last) return scriptLine();
  const args: ConfigArg[] = [];
  const positional: ConfigValue[] = [];
  let selector: Selector | undefined;
  let group = "";
  for (const word of rest) {
    const wordAt = lines.at(word.start);
    if (word.eq < 0) {
      if (/^![A-Za-z]/.test(word.raw)) {
        args.push({ name: word.raw.slice(1), unset: true, ...wordAt });
        continue;
      }
      const value = readValue(word.raw, wordAt);
      if ("problem" in value) return { kind: "problem", ...wordAt, endLine, message: value.problem };
      if (!selector && args.length === 0 && VERBS.has(last.word)) selector = readSelector(word.raw, wordAt);
      else positional.push(value);
      continue;
    }
    let name = word.raw.slice(0, word.eq);
    // `configuration.country=x .mode=ap`: a leading dot continues the previous arg's group.
    if (name.startsWith(".") && group) name = group + name;
    else if (name.includes(".")) group = name.slice(0, name.indexOf("."));
    const value = readValue(word.raw.slice(word.eq + 1), lines.at(word.valueStart));
    if ("problem" in value) return { kind: "problem", ...wordAt, endLine, message: value.problem };
    args.push({ name, value, ...wordAt });
  }
  const menuWords = path.slice(0, -1).map((p) => p.word);
  return {
    kind: "command",
    ...at,
    context,
    path,
    menu: joinMenu(base, menuWords),
    command: last.word,
    ...(selector ? { selector } : {}),
    positional,
    args,
    endLine,
  };
}

/** `[ find default-name=ether1 ]`, `[ find where … ]`, `0`, `ether1`, `$item`. */
function readSelector(raw: string, at: Position): Selector {
  const inner = /^\[\s*find\b([\s\S]*)\]$/.exec(raw)?.[1];
  if (inner === undefined) return { kind: /^[[($]/.test(raw) ? "script" : "positional", raw, ...at };
  const trimmed = inner.trim();
  if (trimmed.startsWith("where")) return { kind: "find", raw, where: trimmed.slice(5).trim(), ...at };
  const lexer = new Lexer(trimmed);
  const conditions: ConfigArg[] = [];
  for (const word of lexer.command().words) {
    if (word.eq < 0) continue;
    const value = readValue(word.raw.slice(word.eq + 1), at);
    conditions.push({ name: word.raw.slice(0, word.eq), ...("problem" in value ? {} : { value }), ...at });
  }
  return { kind: "find", raw, conditions, ...at };
}
