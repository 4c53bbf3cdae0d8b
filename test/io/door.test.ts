/**
 * The door on its own: every file read is checked against its published schema, and a bad one gets one message
 * naming the source, the JSON path of the first bad value (`$.identity.url`, `$[1][0]["dhcp-server"]`) and what
 * was expected. The expected messages are written out by hand from those rules; the stages that call the door
 * have their own tests (test/model/schema.test.ts, test/crawl/checkpoint-door.test.ts).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { MAX_JSON_DEPTH, schemaFile, tooDeep, validateAtDoor } from "../../src/io/door.js";
import { UserError } from "../../src/io/errors.js";

/** The schema files read, counted (the door reads each once, however many files it checks). */
const reads = vi.hoisted(() => ({ schemas: [] as string[] }));
vi.mock("node:fs", async (original) => {
  const real = await original<typeof import("node:fs")>();
  return {
    ...real,
    readFileSync: (...args: Parameters<typeof real.readFileSync>) => {
      if (String(args[0]).endsWith(".schema.json")) reads.schemas.push(String(args[0]));
      return real.readFileSync(...args);
    },
  };
});

const HEAD = { name: "checkpoint", ref: "#/$defs/Head" };
const ENTRY = { name: "checkpoint", ref: "#/$defs/Entry" };
const ROWS = { name: "checkpoint", ref: "#/$defs/Rows" };
const head = { checkpoint: "rosapi-crawl", identity: { url: "http://router/rest" } };

/** The message the door throws, checked to be one UserError. */
function refusal(schema: Parameters<typeof validateAtDoor>[0], data: unknown, source = "in.json"): string {
  try {
    validateAtDoor(schema, data, source);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error("the door let it in");
}

/** `depth` objects nested in each other under the key `key`. */
const nested = (depth: number, key = "a"): unknown => {
  let value: unknown = {};
  for (let i = 1; i < depth; i++) value = { [key]: value };
  return value;
};

describe("a good file passes, typed, unchanged", () => {
  it("by a schema's name, or a schema and one of its $defs", () => {
    const probe = [{ path: "/ip/pool", required: ["name"], hasAdd: true, rawError: "" }];
    expect(validateAtDoor("required-args", probe, "probe.json")).toBe(probe);
    expect(validateAtDoor(HEAD, head, "cp line 1")).toBe(head);
    expect(validateAtDoor(ENTRY, ["child ip", null], "cp line 2")).toEqual(["child ip", null]);
  });

  it("each schema and each of its $defs checks by its own rules, whatever was checked before", () => {
    // The checkpoint schema itself has no rules at its top; its Head has.
    for (let round = 0; round < 2; round++) {
      expect(validateAtDoor("checkpoint", 5, "x")).toBe(5);
      expect(refusal(HEAD, 5)).toBe("in.json: $: expected an object, got a number (5)");
      expect(refusal(ENTRY, 5)).toBe("in.json: $: expected an array, got a number (5)");
      expect(validateAtDoor("checkpoint", 5, "x")).toBe(5);
    }
  });

  it("a schema file is read once, however many files are checked against it", () => {
    const readsOf = (name: string) => reads.schemas.filter((f) => f.endsWith(`/${name}.schema.json`)).length;
    const times = (n: number, check: () => unknown) => {
      const before = readsOf("overlay") + readsOf("checkpoint");
      for (let i = 0; i < n; i++) check();
      return readsOf("overlay") + readsOf("checkpoint") - before;
    };
    const overlay = { overlay: "1.0.0", info: { title: "t", version: "1" }, actions: [] };
    expect(times(3, () => validateAtDoor("overlay", overlay, "o.yaml"))).toBeLessThanOrEqual(1);
    expect(times(3, () => validateAtDoor(ROWS, [], "rows"))).toBeLessThanOrEqual(1);
    expect(times(3, () => validateAtDoor(HEAD, head, "head"))).toBeLessThanOrEqual(1);
  });

  it("an unknown $def is a bug of ours, not the user's: a plain Error naming it", () => {
    expect(() => validateAtDoor({ name: "checkpoint", ref: "#/$defs/Nope" }, {}, "x")).toThrow(
      expect.objectContaining({ name: "Error", message: "no schema checkpoint#/$defs/Nope" }),
    );
  });

  it("the published schemas are found from the source tree", () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    expect(fileURLToPath(schemaFile("model"))).toBe(`${root}schemas/model.schema.json`);
    expect(JSON.parse(readFileSync(schemaFile("checkpoint"), "utf8"))).toMatchObject({ title: "rosapi crawl checkpoint (JSON Lines)" });
  });
});

describe("a bad file: one message naming the source, the path and what was expected", () => {
  const model = (stats: object) => ({
    format: "rosapi-model",
    formatVersion: 1,
    header: { source: { kind: "sample" }, stats: { requests: 0, retries: 0, failures: 0, durationMs: 0, skipped: [], ...stats } },
    root: { kind: "menu", nodeType: "dir", menus: {}, commands: {} },
  });
  const probeRow = { path: "/ip/pool", required: [], hasAdd: true, rawError: "" };
  const cases: [string, Parameters<typeof validateAtDoor>[0], unknown, string][] = [
    ["a missing field, at the top", HEAD, {}, '$: missing the field "checkpoint"'],
    ["a missing field, below", HEAD, { checkpoint: "rosapi-crawl", identity: {} }, '$.identity: missing the field "url"'],
    ["a wrong constant", HEAD, { ...head, checkpoint: "other" }, '$.checkpoint: expected "rosapi-crawl", got the string "other"'],
    ["a number constant", "model", { ...model({}), formatVersion: 2 }, "$.formatVersion: expected 1, got a number (2)"],
    ["an object for a string", HEAD, { ...head, identity: { url: {} } }, "$.identity.url: expected a string, got an object"],
    ["an array for an object", HEAD, { ...head, identity: [] }, "$.identity: expected an object, got an array"],
    ["null for an object", HEAD, { ...head, identity: null }, "$.identity: expected an object, got null"],
    ["a boolean for a string", HEAD, { ...head, identity: { url: true } }, "$.identity.url: expected a string, got a boolean (true)"],
    ["a string for a boolean", "required-args", [{ ...probeRow, hasAdd: "yes" }], '$[0].hasAdd: expected a boolean, got the string "yes"'],
    [
      "a string for an array",
      "required-args",
      [{ ...probeRow, required: "name" }],
      '$[0].required: expected an array, got the string "name"',
    ],
    [
      "a value not in the list",
      "required-args",
      [{ ...probeRow, defaultsFrom: "guess" }],
      '$[0].defaultsFrom: expected one of "read-back-after-add", "fresh-router-value", got the string "guess"',
    ],
    ["a number below its minimum", "model", model({ requests: -1 }), "$.header.stats.requests: expected a number >= 0, got a number (-1)"],
    [
      "a fraction below its minimum",
      "model",
      model({ durationMs: -0.5 }),
      "$.header.stats.durationMs: expected a number >= 0, got a number (-0.5)",
    ],
    ["a string against a pattern", ENTRY, ["print ip", null], '$[0]: must match pattern "^(child|syntax|completion) "'],
    ["a name a row may not have", ROWS, JSON.parse('[{"__proto__": "x"}]'), '$[0]: the name "__proto__" is not allowed'],
    ["a row past the tenth", ROWS, [...Array<object>(10).fill({}), { name: 1 }], "$[10].name: expected a string, got a number (1)"],
  ];
  for (const [name, schema, data, message] of cases)
    it(name, () => {
      expect(refusal(schema, data)).toBe(`in.json: ${message}`);
    });

  it("of the alternatives, the one that got furthest is named; on a tie, the first", () => {
    expect(refusal(ENTRY, ["child ip", [{ name: 5 }]], "cp line 3")).toBe("cp line 3: $[1][0].name: expected a string, got a number (5)");
    expect(refusal(ENTRY, ["child ip", [{}, { name: 5 }]], "cp line 3")).toBe(
      "cp line 3: $[1][1].name: expected a string, got a number (5)",
    );
    // Both alternatives fail at $[1] itself (null, or an array of rows): the first one's words.
    expect(refusal(ENTRY, ["child ip", "rows"], "cp line 3")).toBe('cp line 3: $[1]: expected a null, got the string "rows"');
  });
});

describe("names in a message: a JSON path, inert and short", () => {
  const rowWith = (key: string) => [{ [key]: 1 }];
  const at = (key: string) =>
    refusal(ROWS, rowWith(key))
      .replace(/^in\.json: \$\[0\]/, "")
      .replace(/: expected .*$/, "");
  const table: [string, string][] = [
    ["name", ".name"],
    ["_x$1", "._x$1"],
    ["Ab", ".Ab"],
    ["a1", ".a1"],
    ["12", "[12]"],
    ["dhcp-server", '["dhcp-server"]'],
    ["-a", '["-a"]'],
    ["1a", '["1a"]'],
    ["a b", '["a b"]'],
    ["", '[""]'],
    ["a/b", '["a/b"]'],
    ["a~b", '["a~b"]'],
    // Escaped in the path as ~01: a tilde and a one, not a slash.
    ["x~1y", '["x~1y"]'],
    ["~0", '["~0"]'],
    ["bad\u001b[31m", '["bad\\u001b[31m"]'],
    ["a\u202eb", '["a\\u202eb"]'],
  ];
  for (const [key, path] of table)
    it(`${JSON.stringify(key)} → ${path}`, () => {
      expect(at(key)).toBe(path);
    });

  it("a long value is cut at 60 characters; one of 60 is whole", () => {
    const sixty = "x".repeat(60);
    expect(refusal(HEAD, { ...head, checkpoint: sixty })).toBe(`in.json: $.checkpoint: expected "rosapi-crawl", got the string "${sixty}"`);
    expect(refusal(HEAD, { ...head, checkpoint: `${sixty}yz` })).toBe(
      `in.json: $.checkpoint: expected "rosapi-crawl", got the string "${sixty}…"`,
    );
  });

  it("a value with control characters is escaped, so it cannot forge a line", () => {
    expect(refusal(HEAD, { ...head, checkpoint: "a\nb\u2028c" })).toBe(
      'in.json: $.checkpoint: expected "rosapi-crawl", got the string "a\\nb\\u2028c"',
    );
  });
});

describe("nesting: refused past 128 levels, without recursion", () => {
  it("the limit is 128 levels", () => {
    expect(MAX_JSON_DEPTH).toBe(128);
  });

  it("128 levels pass the depth check (and go on to the schema), 129 are refused, naming the first eight keys", () => {
    expect(refusal("required-args", nested(128))).toBe("in.json: $: expected an array, got an object");
    expect(refusal("required-args", nested(129))).toBe("in.json: nested deeper than 128 levels, at $.a.a.a.a.a.a.a.a…");
  });

  it("100,000 levels: refused, no stack overflow", () => {
    expect(refusal("model", nested(100_000, "0"))).toBe("in.json: nested deeper than 128 levels, at $[0][0][0][0][0][0][0][0]…");
  });

  it("tooDeep names the keys down to the first value nested `limit` deep, in order", () => {
    expect(tooDeep({ a: { b: { c: {} } } }, 3)).toEqual(["a", "b", "c"]);
    expect(tooDeep({ a: { b: { c: {} } } }, 4)).toBeUndefined();
    expect(tooDeep([[[[]]]], 3)).toEqual(["0", "0", "0"]);
    expect(tooDeep({ flat: 1, deep: { x: [{}] } }, 3)).toEqual(["deep", "x", "0"]);
    expect(tooDeep({}, 0)).toEqual([]);
    expect(tooDeep(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(tooDeep(nested(MAX_JSON_DEPTH + 1))).toHaveLength(MAX_JSON_DEPTH);
  });

  it("values that are not objects, null among them, are leaves", () => {
    for (const leaf of [null, undefined, 0, "deep", true]) expect(tooDeep(leaf, 0)).toBeUndefined();
    expect(tooDeep({ a: null, b: [null, 1, "x"], c: { d: null } }, 3)).toBeUndefined();
    expect(tooDeep({ a: null, b: [null, { c: {} }] }, 3)).toEqual(["b", "1", "c"]);
  });
});
