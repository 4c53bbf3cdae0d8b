/**
 * Mutations of real inputs for the fuzz tests: drop, retype, duplicate and
 * rename fields anywhere in a JSON value, with hostile strings (quotes,
 * comment closers, `</script>`, ANSI escapes, direction marks, NUL, 1 MB).
 * How many cases a property runs: ROSAPI_FUZZ_RUNS (default 200; the full
 * tier sets 10000 or more).
 */
import fc from "fast-check";

export const FUZZ_RUNS = Number(process.env["ROSAPI_FUZZ_RUNS"] ?? 200);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Strings that try to break out of whatever they are written into. */
const HOSTILE_STRINGS = [
  "",
  " ",
  '"',
  "'",
  "`",
  "${process.exit(1)}",
  "*/",
  "/*",
  "-->",
  "</script><script>alert(1)</script>",
  "\u001b[31mred\u001b[0m",
  "\u001b]0;title\u0007",
  "\u202eevil\u202c",
  "\u200f",
  "\u0000",
  "\r\n",
  "\u2028\u2029",
  "\\",
  "\\u0000",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "0",
  "-1",
  "a/b",
  "a,b",
  "#",
  "{{x}}",
  "<!--",
  "]]>",
  "\ud800",
  "😀",
  "ö",
];

const ONE_MB = "x".repeat(1 << 20);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: "binary" }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => a + "x" + b) },
  { weight: 1, arbitrary: fc.constant(ONE_MB) },
);

const anyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  hostileString,
  fc.constant([] as Json),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

export type Mutation =
  | { op: "drop"; at: number }
  | { op: "retype"; at: number; value: Json }
  | { op: "duplicate"; at: number; name: string }
  | { op: "rename"; at: number; name: string }
  /** Replaces a string (not a key) with another: shapes stay. */
  | { op: "restring"; at: number; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("retype" as const), at: fc.nat(), value: anyValue }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), name: hostileString }),
  fc.record({ op: fc.constant("rename" as const), at: fc.nat(), name: hostileString }),
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

/** Mutations that keep shapes: names and strings become hostile ones, so that most cases reach the emitters. */
export const stringMutations = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant("restring" as const), at: fc.nat(), value: hostileString }),
    fc.record({ op: fc.constant("rename" as const), at: fc.nat(), name: hostileString }),
  ),
  { minLength: 1, maxLength: 4 },
);

let calls = 0;
/** Lets the event loop run now and then: a long synchronous property would starve the test runner's own messages. */
export const breathe = (): Promise<void> | undefined => (++calls % 10 === 0 ? new Promise((resolve) => setImmediate(resolve)) : undefined);

/** Fields whose string says what a node is: a restring leaves them be (changing them is a retype). */
const DISCRIMINATORS = new Set<string | number>(["format", "kind", "nodeType", "_type"]);

/** Every place in `value` that holds a value: [container, key] pairs. */
function places(value: Json): [Json[] | { [key: string]: Json }, string | number][] {
  const out: [Json[] | { [key: string]: Json }, string | number][] = [];
  const stack: Json[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node))
      node.forEach((v, i) => {
        out.push([node, i]);
        stack.push(v);
      });
    else if (node !== null && typeof node === "object")
      for (const [k, v] of Object.entries(node)) {
        out.push([node, k]);
        stack.push(v);
      }
  }
  return out;
}

/** A mutated deep copy of `base`. Object keys are set as own properties, `__proto__` included, as JSON.parse does. */
export function mutate(base: Json, changes: readonly Mutation[]): Json {
  const value = structuredClone(base);
  for (const change of changes) {
    const all = places(value).filter(
      ([c, k]) => change.op !== "restring" || (typeof (c as Record<string | number, Json>)[k] === "string" && !DISCRIMINATORS.has(k)),
    );
    if (all.length === 0) continue;
    const [container, key] = all[change.at % all.length]!;
    const old = (container as Record<string | number, Json>)[key]!;
    const put = (name: string | number, v: Json) =>
      Object.defineProperty(container, name, { value: v, enumerable: true, writable: true, configurable: true });
    if (Array.isArray(container)) {
      const i = key as number;
      if (change.op === "drop") container.splice(i, 1);
      else if (change.op === "retype" || change.op === "restring") container[i] = change.value;
      else container.splice(i, 0, structuredClone(old));
      continue;
    }
    const record = container as Record<string, Json>;
    if (change.op === "drop") delete record[key as string];
    else if (change.op === "retype" || change.op === "restring") put(key, change.value);
    else {
      if (change.op === "rename") delete record[key as string];
      put(change.name, structuredClone(old));
    }
  }
  return value;
}

/** Round-trips through JSON text, as a file would: what a loader really meets. */
export const asRead = (value: Json): unknown => JSON.parse(JSON.stringify(value));
