/**
 * `rosapi check` over the real exports (../shared/routeros-exports), each against the nearest shared dump of
 * its version, with the shared evidence: every error read by hand (listed below, each explained); mutations
 * of those exports (a misspelt arg, a value out of range, a word not in a closed list, a removed menu, a
 * missing required arg), each to be found at its line with its rule; the upgrade from the oldest dump to
 * the newest on the exports written for the older one.
 */
import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import {
  resolvePath,
  seconds,
  checkConfig,
  checkTree,
  upgradeFindings,
  type CheckOptions,
  type CheckTree,
  type Finding,
  type RuleId,
} from "../../src/check/index.js";
import { parseConfig, writeValue, type ConfigCommand, type ParsedConfig } from "../../src/config/index.js";
import { readFactFiles, type FactInput } from "../../src/facts/index.js";
import { MISSING_VALUES } from "../../src/facts/observed.js";
import { compareVersions } from "../../src/model/merge.js";
import { buildDocument } from "../../src/openapi/build.js";
import { valueFacts } from "../../src/openapi/extensions.js";
import { dump, loadDump, type Dump } from "../helpers/dumps.js";
import { exportsPresent, parsedExports } from "../helpers/exports.js";
import { ANSIBLE, evidencePresent, PROBE_7221 } from "../facts/helpers.js";

const BASES = ["7.16", "7.20.8", "7.22.3-deep", "7.23.3"].flatMap((n) => dump(n) ?? []);
const EXTRAS = ["7.20.8-extra", "7.22.3-extra"].flatMap((n) => dump(n) ?? []);
const versionOf = (d: Dump): string => d.name.replace(/-.*$/, "");
const number = (v: string): number => v.split(".").reduce((n, part, i) => n + Number(part) * 100 ** (2 - i), 0);
/** The dump whose version is nearest (an older one on a tie). */
const nearest = <T extends Dump>(dumps: T[], version: string): T =>
  dumps.reduce((best, d) =>
    Math.abs(number(versionOf(d)) - number(version)) < Math.abs(number(versionOf(best)) - number(version)) ? d : best,
  );

/** Errors on real exports, read by hand: what each is and why it is right. */
const EXPECTED_ERRORS: Record<string, string> = {
  "Geetork__2022_2023-network_programming-k34202-li-g__router.rsc:28 bad-value":
    "cipher=blowfish128,aes128,aes256: RouterOS 6 names kept by a 7.5 router; 7.16's closed list spells aes128-cbc (the finding says the configuration is older)",
  "TMaskpl__Mikrotik7-2WANs__MT_R1.rsc:78 parse-error": "a multipart upload's boundary left at the end of the file: no RouterOS command",
  "TMaskpl__Mikrotik7-2WANs__MT_R2.rsc:74 parse-error": "the same in the other file",
};

const ready = exportsPresent && evidencePresent && BASES.length === 4 && EXTRAS.length === 2;

describe.skipIf(!ready)("rosapi check on the real exports", async () => {
  const facts: FactInput[] = ready ? await readFactFiles([PROBE_7221, ANSIBLE]) : [];
  const trees = new Map<string, Promise<CheckTree>>();
  const treeOf = (d: Dump): Promise<CheckTree> => {
    let tree = trees.get(d.name);
    if (!tree)
      trees.set(
        d.name,
        (tree = loadDump(d).then(async (model) => {
          const built = await buildDocument(model, { facts });
          return checkTree(model, built.document, d.name, built.facts);
        })),
      );
    return tree;
  };
  const history = ready ? await Promise.all(BASES.map(loadDump)) : [];
  const optionsFor = async (version: string): Promise<CheckOptions> => {
    const extra = nearest(EXTRAS, version);
    return { also: [{ label: extra.name, model: await loadDump(extra) }], history };
  };
  const exports = parsedExports();
  const checked = await Promise.all(
    exports.map(async ({ file, text, parsed }) => {
      const version = parsed.header.version!;
      const tree = await treeOf(nearest(BASES, version));
      const options = await optionsFor(version);
      return { file, text, parsed, tree, options, findings: checkConfig(parsed, tree, options) };
    }),
  );

  it("every error is one read by hand and explained (at most 1 wrong in 200 command lines); counts per rule", () => {
    const commands = checked.reduce((n, c) => n + c.parsed.items.filter((i) => i.kind === "command").length, 0);
    const byRule: Record<string, number> = {};
    for (const f of checked.flatMap((c) => c.findings)) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    console.log(`[check] ${checked.length} exports, ${commands} command lines; findings by rule: ${JSON.stringify(byRule)}`);
    const errors = checked.flatMap((c) => c.findings.filter((f) => f.severity === "error").map((f) => `${c.file}:${f.line} ${f.rule}`));
    expect(errors.sort()).toEqual(Object.keys(EXPECTED_ERRORS).sort());
    expect(commands).toBeGreaterThan(500);
    // Every warning says why: hardware, or another tree that has it.
    for (const f of checked.flatMap((c) => c.findings.filter((x) => x.severity === "warning")))
      expect(f.source).toMatch(/^(curated|tree): /);
  });

  it("finds at least 98% of the mutations of real exports at their line, with their rule", async () => {
    // Against the deep 7.22.3 tree, whose completions and syntax give the most ranges and closed lists to break.
    const deep = await treeOf(BASES.find((d) => d.name === "7.22.3-deep")!);
    const options = await optionsFor("7.22.3");
    let total = 0;
    const missed: string[] = [];
    const byKind: Record<string, [number, number]> = {};
    for (const c of checked) {
      for (const m of mutations(c.parsed, c.text, deep, checkConfig(c.parsed, deep, options))) {
        total++;
        const found = checkConfig(parseConfig(m.text, c.file), deep, options);
        const hit = found.some((f) => f.line === m.line && f.rule === m.rule);
        const counts = (byKind[m.kind] ??= [0, 0]);
        counts[1]++;
        if (hit) counts[0]++;
        else missed.push(`${c.file}:${m.line} ${m.kind} ${m.what}`);
      }
    }
    console.log(`[check] mutations found: ${total - missed.length}/${total}; by kind ${JSON.stringify(byKind)}`);
    if (missed.length) console.log(missed.slice(0, 20).join("\n"));
    expect(total).toBeGreaterThan(1000);
    for (const kind of ["misspelt-arg", "out-of-range", "not-in-list", "removed-menu", "missing-required"])
      expect(byKind[kind]?.[1] ?? 0, kind).toBeGreaterThan(10);
    expect((total - missed.length) / total).toBeGreaterThanOrEqual(0.98);
  });

  it("the upgrade from 7.16 to 7.23.3 of the exports written for 7.16 or older: what breaks, with the version that had it", async () => {
    const from = await treeOf(BASES[0]!);
    const to = await treeOf(BASES.at(-1)!);
    const older = checked.filter((c) => compareVersions(c.parsed.header.version!, versionOf(BASES[0]!)) <= 0);
    // The target's own extra packages (the nearest: 7.22.3) say what the base 7.23.3 tree lacks.
    const targetOptions = await optionsFor(versionOf(BASES.at(-1)!));
    const findings = older.flatMap((c) =>
      upgradeFindings(c.parsed, from, to, c.options, targetOptions).map((f) => ({ ...f, file: c.file })),
    );
    console.log(
      `[check] upgrade 7.16 → 7.23.3 over ${older.length} exports: ${findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`).join("\n")}`,
    );
    expect(older.length).toBeGreaterThanOrEqual(9);
    // 7.6's SSH args, in 7.16, gone from 7.23.3: checked by hand against both dumps.
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual([
      "inlived__2022_2023-network_programming-k34202-sidorenko_d_a__router2.rsc:24:5 upgrade-removed",
      "inlived__2022_2023-network_programming-k34202-sidorenko_d_a__router2.rsc:24:27 upgrade-removed",
    ]);
    expect(findings[0]!.message).toContain("RouterOS 7.16 has it: removed or renamed since");
  });
});

interface Mutation {
  kind: "misspelt-arg" | "out-of-range" | "not-in-list" | "removed-menu" | "missing-required";
  text: string;
  line: number;
  rule: RuleId;
  what: string;
}

/** The text with `length` characters at a 1-based line and column replaced. */
function edit(text: string, line: number, column: number, length: number, by: string): string {
  const lines = text.split("\n");
  const l = lines[line - 1]!;
  lines[line - 1] = l.slice(0, column - 1) + by + l.slice(column - 1 + length);
  return lines.join("\n");
}

/** A slip: two middle letters swapped (or one doubled where they are the same). */
const misspell = (name: string): string => {
  const i = Math.floor(name.length / 2);
  return name[i - 1] === name[i]
    ? `${name.slice(0, i)}${name[i]}${name.slice(i)}`
    : `${name.slice(0, i - 1)}${name[i]}${name[i - 1]}${name.slice(i + 1)}`;
};

type Schema = OpenAPIV3.SchemaObject;

/** Every mutation of one export that its tree can decide: only on lines the tree checks cleanly. */
function* mutations(parsed: ParsedConfig, text: string, tree: CheckTree, findings: Finding[]): Generator<Mutation> {
  const dirty = new Set(findings.flatMap((f) => Array.from({ length: (f.endLine ?? f.line) - f.line + 1 }, (_, i) => f.line + i)));
  const lines = text.split("\n");
  const onItsLine = (line: number, column: number, raw: string): boolean =>
    lines[line - 1]?.slice(column - 1, column - 1 + raw.length) === raw;
  for (const item of parsed.items) {
    if (item.kind === "menu" && !dirty.has(item.line)) {
      const last = item.path.at(-1);
      if (last)
        yield {
          kind: "removed-menu",
          text: edit(text, last.line, last.column, last.word.length, `${last.word}-gone`),
          line: last.line,
          rule: "unknown-menu",
          what: `${item.menu}-gone`,
        };
    }
    if (item.kind !== "command" || dirty.has(item.line)) continue;
    // Lines under a menu the tree lacks (reported once, at the menu) are not the tree's to decide.
    const resolved = resolvePath(tree.model.root, "/", [...item.menu.split("/").filter(Boolean), item.command]);
    if (!resolved?.command || resolved.unknownAt !== undefined) continue;
    const schemas = tree.schemas(item.menu, item.command);
    for (const arg of item.args) {
      if (dirty.has(arg.line)) continue;
      const wrong = misspell(arg.name);
      if (wrong !== arg.name && !schemas?.args.has(wrong) && onItsLine(arg.line, arg.column, arg.name))
        yield {
          kind: "misspelt-arg",
          text: edit(text, arg.line, arg.column, arg.name.length, wrong),
          line: arg.line,
          rule: "unknown-arg",
          what: `${arg.name} → ${wrong}`,
        };
      const value = arg.value;
      const schema = schemas?.args.get(arg.name);
      if (!value || value.kind === "script" || !schema || !onItsLine(value.line, value.column, value.raw)) continue;
      const replace = (by: string) => edit(text, value.line, value.column, value.raw.length, writeValue(by));
      const past = pastMax(schema);
      if (past !== undefined)
        yield { kind: "out-of-range", text: replace(past), line: value.line, rule: "bad-value", what: `${arg.name}=${past}` };
      if (closedList(schema))
        yield { kind: "not-in-list", text: replace("no-such-word"), line: value.line, rule: "bad-value", what: `${arg.name}=no-such-word` };
    }
    // A value out of range: the first integer or duration arg with a range that the line does not give, appended to its last line.
    const ranged = [...(schemas?.args ?? [])].find(
      ([name, schema]) => pastMax(schema) !== undefined && !item.args.some((a) => a.name === name),
    );
    if (ranged && ["add", "set"].includes(item.command) && !dirty.has(item.endLine)) {
      const [name, schema] = ranged;
      const value = pastMax(schema)!;
      const appended = lines.map((l, i) => (i === item.endLine - 1 ? `${l.replace(/\r$/, "")} ${name}=${value}` : l)).join("\n");
      yield { kind: "out-of-range", text: appended, line: item.endLine, rule: "bad-value", what: `${name}=${value}` };
    }
    if (item.command === "add") yield* missingRequired(item, text, tree, onItsLine);
  }
}

/** A value just past the maximum of an integer or a duration arg, as the tree's syntax gives it (`1..255`, `0s..1h`). */
function pastMax(schema: Schema): string | undefined {
  const facts = valueFacts(schema);
  const max = facts["x-routeros-range"]?.max;
  if (facts["x-routeros-type"] === "integer" && typeof max === "number" && max < Number.MAX_SAFE_INTEGER) return String(max + 1);
  const limit = typeof max === "string" ? seconds(max) : undefined;
  return facts["x-routeros-type"] === "duration" && limit !== undefined ? `${Math.floor(limit) + 1}s` : undefined;
}

const closedList = (schema: Schema): boolean =>
  Array.isArray(schema.enum) && schema.enum.length > 0 && !schema.enum.includes("no-such-word");

function* missingRequired(
  item: ConfigCommand,
  text: string,
  tree: CheckTree,
  onItsLine: (l: number, c: number, raw: string) => boolean,
): Generator<Mutation> {
  const required = tree.schemas(item.menu, "add")?.required;
  if (required?.status !== "known") return;
  // A disabled item escapes the menu's own check (not the console's): the checker says nothing there, by design.
  if (item.args.some((a) => a.name === "disabled" && a.value?.text === "yes") && !MISSING_VALUES.test(required.raw ?? "")) return;
  for (const name of required.all ?? []) {
    const arg = item.args.find((a) => a.name === name);
    if (!arg?.value) continue;
    const written = `${arg.name}=${arg.value.raw}`;
    if (!onItsLine(arg.line, arg.column, written)) continue;
    yield {
      kind: "missing-required",
      text: edit(text, arg.line, arg.column, written.length, ""),
      line: item.line,
      rule: "missing-required",
      what: `${item.menu} without ${name}`,
    };
  }
}
