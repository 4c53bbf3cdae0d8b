/**
 * Which source wins, rule by rule, over hand-made fact sets (no file read): the expected winners come from the
 * rules as resolve.ts's header states them (observed beats curated; the exact version beats one inferred from
 * another; then the nearer version, an older one before a newer one) and a hand-written table of RouterOS's
 * version order. The mutation run of resolve.ts reads this file.
 */
import { describe, expect, it } from "vitest";
import { disagreements, resolveFacts, valueText } from "../../src/facts/resolve.js";
import type { ArgMarks, Evidence, FactSet, FactValue, RequiredRule } from "../../src/facts/types.js";

const observed = (version: string, origin = `probe ${version}`): Evidence => ({
  source: "observed",
  method: "observed-probe",
  version,
  origin,
});
const curated = (version: string, origin = "community.routeros 3.21.0"): Evidence => ({
  source: "curated",
  method: "curated",
  version,
  origin,
});

const MENU = "/ip/address";
const rule = (...all: string[]): RequiredRule => ({ all, groups: [] });

/** One source's file: a required rule, defaults, probe errors and marks, each of `MENU` unless named. */
function set(
  file: string,
  evidence: Evidence,
  facts: { rule?: RequiredRule; defaults?: Record<string, FactValue>; probeError?: string; marks?: Record<string, ArgMarks> } = {},
): FactSet {
  return {
    file,
    description: `the source ${file}`,
    required: facts.rule ? [{ menu: MENU, rule: facts.rule, evidence }] : [],
    probeErrors: facts.probeError ? [{ menu: facts.probeError, evidence }] : [],
    defaults: Object.entries(facts.defaults ?? {}).map(([arg, value]) => ({ menu: MENU, arg, value, evidence })),
    marks: Object.entries(facts.marks ?? {}).map(([arg, marks]) => ({ menu: MENU, arg, marks, evidence })),
  };
}

/** The winner's origin and the rule named, when each source says something else (`rule(origin)`). */
function winner(target: string, ...sources: Evidence[]) {
  const sets = sources.map((e) => set(e.origin, e, { rule: rule(e.origin) }));
  const required = resolveFacts(sets, target).menus.get(MENU)!.required!;
  return { origin: required.evidence.origin, decidedBy: required.decidedBy };
}

describe("which source wins", () => {
  it("an observed fact beats a curated one, in either order", () => {
    expect(winner("7.22.1", curated(">= 7.15"), observed("7.22.1"))).toEqual({
      origin: "probe 7.22.1",
      decidedBy: "observed beats curated",
    });
    expect(winner("7.22.1", observed("7.20.8"), curated("any"))).toEqual({ origin: "probe 7.20.8", decidedBy: "observed beats curated" });
  });

  it("a fact of the exact version beats one inferred from another, older or newer, and also a shorter spelling", () => {
    expect(winner("7.22.1", observed("7.20.8"), observed("7.22.1"))).toEqual({
      origin: "probe 7.22.1",
      decidedBy: "exact version beats inferred",
    });
    expect(winner("7.22.1", observed("7.23.3"), observed("7.22.1"))).toEqual({
      origin: "probe 7.22.1",
      decidedBy: "exact version beats inferred",
    });
    expect(winner("7.22.1", observed("7.22"), observed("7.22.1")).origin).toBe("probe 7.22.1");
    expect(winner("7.22.1", observed("7.22.1.0"), observed("7.22.1")).origin).toBe("probe 7.22.1");
  });

  // RouterOS's order, written out by hand: 7.9 < 7.10 < 7.16 < 7.20.8 < 7.22beta1 < 7.22rc1 < 7.22rc2 < 7.22 < 7.22.1 < 7.22.3 < 7.23.3.
  it.each<[string, string, string, string]>([
    ["7.23.3", "7.20.8", "7.22.1", "7.22.1"],
    ["7.23.3", "7.22", "7.22.1", "7.22.1"],
    ["7.22.3", "7.22rc1", "7.22", "7.22"],
    ["7.22.3", "7.22beta1", "7.22rc1", "7.22rc1"],
    ["7.22.3", "7.22rc1", "7.22rc2", "7.22rc2"],
    ["7.16", "7.9", "7.10", "7.10"],
    ["7.16", "7.1", "7.0", "7.1"],
    ["7.16", "7.20.8", "7.22.1", "7.20.8"],
    ["7.8", "7.9", "7.10", "7.9"],
    ["7.16", "7.22.1", "7.22", "7.22"],
    ["7.20", "7.22", "7.22rc1", "7.22rc1"],
    ["7.22.1", "7.22.3", "7.20.8", "7.20.8"],
    ["7.22.1", "7.23.3", "7.22", "7.22"],
  ])("for %s, of %s and %s the nearer is %s (older before newer)", (target, a, b, want) => {
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      expect(winner(target, ...order.map((v) => observed(v)))).toEqual({ origin: `probe ${want}`, decidedBy: "the nearer version wins" });
    }
  });

  it("between facts of one standing, the first source given wins", () => {
    expect(winner("7.22.1", observed("7.22.1", "a"), observed("7.22.1", "b"))).toEqual({
      origin: "a",
      decidedBy: "the first source given wins",
    });
    expect(winner("7.22.1", observed("7.20.8", "a"), observed("7.20.8", "b"))).toEqual({
      origin: "a",
      decidedBy: "the first source given wins",
    });
    // Curated ranges all apply to the target: none is nearer than another.
    expect(winner("7.22.1", curated(">= 7.9", "a"), curated(">= 7.15", "b"))).toEqual({
      origin: "a",
      decidedBy: "the first source given wins",
    });
    expect(winner("7.22.1", curated(">= 7.15", "b"), curated(">= 7.9", "a"))).toEqual({
      origin: "b",
      decidedBy: "the first source given wins",
    });
    expect(winner("7.22.1", curated("7.99", "a"), curated("7.1", "b"))).toEqual({ origin: "a", decidedBy: "the first source given wins" });
  });

  it("marks a fact of another version as inferred from it, and only an observed one", () => {
    const facts = resolveFacts(
      [
        set("o", observed("7.20.8"), { rule: rule("a"), defaults: { mtu: "1500" }, probeError: "/x" }),
        set("c", curated(">= 7.15"), { rule: rule("a") }),
      ],
      "7.22.1",
    );
    const m = facts.menus.get(MENU)!;
    expect(m.required).toEqual({
      value: rule("a"),
      evidence: { ...observed("7.20.8"), inferredFrom: "7.20.8" },
      others: [{ value: rule("a"), evidence: curated(">= 7.15"), agrees: true }],
    });
    expect(m.defaults.get("mtu")!.evidence).toEqual({ ...observed("7.20.8"), inferredFrom: "7.20.8" });
    expect(facts.menus.get("/x")!.probeErrors).toEqual([{ ...observed("7.20.8"), inferredFrom: "7.20.8" }]);
    expect(resolveFacts([set("o", observed("7.22.1"), { rule: rule("a") })], "7.22.1").menus.get(MENU)!.required!.evidence).toEqual(
      observed("7.22.1"),
    );
  });
});

describe("agreeing", () => {
  it("rules that differ only in order agree; any other difference does not", () => {
    const agrees = (a: RequiredRule, b: RequiredRule) => {
      const facts = resolveFacts([set("a", observed("7.22.1"), { rule: a }), set("b", curated("any"), { rule: b })], "7.22.1");
      const d = facts.menus.get(MENU)!.required!;
      return { agrees: d.others[0]!.agrees, decided: d.decidedBy !== undefined };
    };
    const groups = (...g: RequiredRule["groups"]): RequiredRule => ({ all: [], groups: g });
    expect(agrees(rule("a", "b"), rule("b", "a"))).toEqual({ agrees: true, decided: false });
    expect(agrees(groups({ kind: "oneOf", args: ["x", "y"] }), groups({ kind: "oneOf", args: ["y", "x"] }))).toEqual({
      agrees: true,
      decided: false,
    });
    expect(
      agrees(
        groups({ kind: "anyOf", args: ["p", "q"] }, { kind: "oneOf", args: ["x", "y"] }),
        groups({ kind: "oneOf", args: ["x", "y"] }, { kind: "anyOf", args: ["p", "q"] }),
      ),
    ).toEqual({ agrees: true, decided: false });
    expect(agrees(rule("a"), rule("a", "b"))).toEqual({ agrees: false, decided: true });
    expect(agrees(groups({ kind: "oneOf", args: ["x", "y"] }), groups({ kind: "anyOf", args: ["x", "y"] }))).toEqual({
      agrees: false,
      decided: true,
    });
    expect(agrees(groups({ kind: "oneOf", args: ["x", "y"] }), groups({ kind: "oneOf", args: ["x", "z"] }))).toEqual({
      agrees: false,
      decided: true,
    });
    expect(agrees(rule(), groups({ kind: "oneOf", args: ["x"] }))).toEqual({ agrees: false, decided: true });
  });

  it("Python's True is RouterOS's yes, and a number its text", () => {
    expect([true, false, 1500, "auto"].map(valueText)).toEqual(["yes", "no", "1500", "auto"]);
    const facts = resolveFacts(
      [
        set("probe", observed("7.22.1"), { defaults: { on: "yes", off: "no", mtu: "1500", mode: "auto", flag: "true" } }),
        set("ansible", curated("any"), { defaults: { on: true, off: false, mtu: 1500, mode: "manual", flag: true } }),
      ],
      "7.22.1",
    );
    const agree = Object.fromEntries([...facts.menus.get(MENU)!.defaults].map(([arg, d]) => [arg, d.others.map((o) => o.agrees)]));
    expect(agree).toEqual({ on: [true], off: [true], mtu: [true], mode: [false], flag: [false] });
  });
});

describe("what a resolution keeps", () => {
  it("every source's other fact beside the winner, agreeing or not, and the sources in the order given", () => {
    const facts = resolveFacts(
      [
        set("curated.py", curated("any"), { defaults: { mtu: 1500 } }),
        set("probe-a", observed("7.22.1", "a"), { defaults: { mtu: "1500" } }),
        set("probe-b", observed("7.22.1", "b"), { defaults: { mtu: "1480" } }),
      ],
      "7.22.1",
    );
    expect(facts.target).toBe("7.22.1");
    expect(facts.sources).toEqual([
      { file: "curated.py", description: "the source curated.py" },
      { file: "probe-a", description: "the source probe-a" },
      { file: "probe-b", description: "the source probe-b" },
    ]);
    expect(facts.menus.get(MENU)!.defaults.get("mtu")).toEqual({
      value: "1500",
      evidence: observed("7.22.1", "a"),
      others: [
        { value: "1480", evidence: observed("7.22.1", "b"), agrees: false },
        { value: 1500, evidence: curated("any"), agrees: true },
      ],
      decidedBy: "the first source given wins",
    });
  });

  it("no required rule where no source gives one (unknown), and the probe errors of every source", () => {
    const facts = resolveFacts(
      [
        set("a", observed("7.22.1", "a"), { probeError: MENU, defaults: { mtu: "1500" } }),
        set("b", observed("7.20.8", "b"), { probeError: MENU }),
      ],
      "7.22.1",
    );
    const m = facts.menus.get(MENU)!;
    expect(m.required).toBeUndefined();
    expect(m.probeErrors).toEqual([observed("7.22.1", "a"), { ...observed("7.20.8", "b"), inferredFrom: "7.20.8" }]);
    expect([...m.defaults.keys()]).toEqual(["mtu"]);
    expect(m.marks.size).toBe(0);
    expect(resolveFacts([], "7.22.1")).toEqual({ target: "7.22.1", sources: [], menus: new Map() });
  });

  it("merges the marks of an arg over every source, the first source's evidence kept", () => {
    const facts = resolveFacts(
      [
        set("a", curated("any", "a"), { marks: { comment: { canDisable: true, removeValue: "" }, name: { readOnly: true } } }),
        set("b", curated(">= 7.15", "b"), { marks: { comment: { writeOnly: true, removeValue: "none" } }, probeError: "/other" }),
      ],
      "7.22.1",
    );
    const marks = facts.menus.get(MENU)!.marks;
    expect(marks.get("comment")).toEqual({
      marks: { canDisable: true, writeOnly: true, removeValue: "none" },
      evidence: curated("any", "a"),
    });
    expect(marks.get("name")).toEqual({ marks: { readOnly: true }, evidence: curated("any", "a") });
    expect(facts.menus.get("/other")).toEqual({ probeErrors: [curated(">= 7.15", "b")], defaults: new Map(), marks: new Map() });
  });
});

describe("the disagreements", () => {
  it("lists each decision where a source disagreed: the menu, the arg of a default, the winner, every loser and the rule", () => {
    const facts = resolveFacts(
      [
        set("ansible", curated("any"), { rule: rule("address"), defaults: { mtu: 1500, comment: "" } }),
        set("probe", observed("7.20.8"), { rule: rule("address", "interface"), defaults: { mtu: "1500", comment: "x" } }),
        set("probe2", observed("7.16"), { rule: rule("address") }),
      ],
      "7.22.1",
    );
    expect(disagreements(facts)).toEqual([
      {
        menu: MENU,
        winner: { ...observed("7.20.8"), inferredFrom: "7.20.8" },
        losers: [{ ...observed("7.16"), inferredFrom: "7.16" }, curated("any")],
        decidedBy: "the nearer version wins",
      },
      {
        menu: MENU,
        arg: "comment",
        winner: { ...observed("7.20.8"), inferredFrom: "7.20.8" },
        losers: [curated("any")],
        decidedBy: "observed beats curated",
      },
    ]);
  });

  it("is empty where every source agrees", () => {
    const facts = resolveFacts(
      [
        set("a", curated("any"), { rule: rule("address"), defaults: { on: true } }),
        set("b", observed("7.22.1"), { rule: rule("address"), defaults: { on: "yes" } }),
      ],
      "7.22.1",
    );
    expect(disagreements(facts)).toEqual([]);
  });

  it("names as losers only the sources that disagree, also in a menu no source gives a rule for", () => {
    const defaults = (file: string, evidence: Evidence, value: string): FactSet => ({
      ...set(file, evidence),
      defaults: [{ menu: "/interface/bridge", arg: "protocol-mode", value, evidence }],
    });
    const facts = resolveFacts(
      [
        defaults("a", observed("7.22.1", "a"), "rstp"),
        defaults("b", observed("7.20.8", "b"), "rstp"),
        defaults("c", curated("any", "c"), "none"),
      ],
      "7.22.1",
    );
    expect(disagreements(facts)).toEqual([
      {
        menu: "/interface/bridge",
        arg: "protocol-mode",
        winner: observed("7.22.1", "a"),
        losers: [curated("any", "c")],
        decidedBy: "observed beats curated",
      },
    ]);
  });
});
