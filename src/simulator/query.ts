/**
 * The API query stack (`.query` of print): words push conditions, `#`
 * operations combine them; what is left on the stack must all hold.
 *
 *   name=x  equal · name  present · -name  absent · <name=x  less · >name=x  greater
 *   #|  or · #&  and · #!  not · #.  copy the top · #N  copy entry N
 */
import type { Item } from "./store.js";

type Test = (item: Item) => boolean;

export class QueryError extends Error {}

const isNumber = (text: string): boolean => text.trim() !== "" && Number.isFinite(Number(text));

/** Numbers numerically, words as text; a word and a number are neither less nor greater (`mtu=auto` against 1500): NaN. */
function compare(a: string, b: string): number {
  if (isNumber(a) && isNumber(b)) return Number(a) - Number(b);
  if (isNumber(a) || isNumber(b)) return NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}

function wordTest(word: string): Test {
  const body = word.startsWith("?") ? word.slice(1) : word;
  const op = body[0];
  if (op === "-") return (item) => !(body.slice(1) in item);
  if (op === "<" || op === ">") {
    const [name, value = ""] = splitPair(body.slice(1));
    const sign = op === "<" ? -1 : 1;
    return (item) => name in item && Math.sign(compare(item[name]!, value)) === sign;
  }
  const eq = body.startsWith("=") ? body.slice(1) : body;
  if (!eq.includes("=")) return (item) => eq in item;
  const [name, value] = splitPair(eq);
  return (item) => (item[name] ?? "") === value;
}

function splitPair(text: string): [string, string] {
  const i = text.indexOf("=");
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}

function applyOperations(ops: string, stack: Test[]): void {
  const pop = (): Test => {
    const t = stack.pop();
    if (!t) throw new QueryError("query stack is empty");
    return t;
  };
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op === "|" || op === "&") {
      const [b, a] = [pop(), pop()];
      stack.push(op === "|" ? (x) => a(x) || b(x) : (x) => a(x) && b(x));
    } else if (op === "!") {
      const a = pop();
      stack.push((x) => !a(x));
    } else if (op === ".") {
      const a = pop();
      stack.push(a, a);
    } else if (/\d/.test(op)) {
      let digits = op;
      while (i + 1 < ops.length && /\d/.test(ops[i + 1]!)) digits += ops[++i];
      const a = stack[Number(digits)];
      if (!a) throw new QueryError(`no query stack entry ${digits}`);
      stack.push(a);
    } else if (op !== " ") throw new QueryError(`unknown query operation ${op}`);
  }
}

/** A predicate for a list of query words; throws QueryError on a malformed stack. */
export function compileQuery(words: readonly string[]): Test {
  const stack: Test[] = [];
  for (const word of words) {
    const body = word.startsWith("?") ? word.slice(1) : word;
    if (body.startsWith("#")) applyOperations(body.slice(1), stack);
    else stack.push(wordTest(body));
  }
  return (item) => stack.every((t) => t(item));
}
