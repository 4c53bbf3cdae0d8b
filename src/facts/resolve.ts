/**
 * Several sources' facts → one decision per fact for the target version. The
 * rules: an observed fact beats a curated one; a fact of the exact version
 * beats one inferred from another version (then the nearer version wins,
 * an older one before a newer one). Nothing is merged: the winner is named,
 * and every other source's fact is kept beside it, agreeing or not.
 */
import { compareVersions } from "../model/merge.js";
import type { ArgMarks, Evidence, FactSet, FactValue, RequiredRule } from "./types.js";

export interface Decision<T> {
  value: T;
  evidence: Evidence;
  /** What the other sources said, each marked as agreeing or not. */
  others: { value: T; evidence: Evidence; agrees: boolean }[];
  /** The rule that chose the winner over a source that disagrees; absent when all agree. */
  decidedBy?: string;
}

export interface MenuFacts {
  /** Absent: unknown (no source says), which is not "nothing required". */
  required?: Decision<RequiredRule>;
  /** Probes that failed on this menu: the reason it stays unknown. */
  probeErrors: Evidence[];
  defaults: Map<string, Decision<FactValue>>;
  marks: Map<string, { marks: ArgMarks; evidence: Evidence }>;
}

export interface Facts {
  /** The RouterOS version the facts were chosen for. */
  target: string;
  sources: { file: string; description: string }[];
  menus: Map<string, MenuFacts>;
}

/** A fact of another version than the target's says so. */
function forTarget(evidence: Evidence, target: string): Evidence {
  return evidence.source === "observed" && evidence.version !== target ? { ...evidence, inferredFrom: evidence.version } : evidence;
}

/** Sort key: observed first, exact before inferred, then versions not after the target before those after it. */
function rank(e: Evidence, target: string): [number, number, number] {
  const inferred = e.inferredFrom !== undefined;
  // `>= 0` would do the same (a mutant that survives): an inferred fact's version is never the target's (forTarget).
  const after = compareVersions(e.version, target) > 0;
  return [e.source === "observed" ? 0 : 1, inferred ? 1 : 0, inferred && after ? 1 : 0];
}

/**
 * Winner first. Of two facts inferred from other versions, the nearer version: the newest of those not after the
 * target, else the oldest after it (RouterOS's order: 7.9 < 7.10 < 7.22rc1 < 7.22 < 7.22.1). Otherwise (exact
 * facts, curated ranges that all apply) the first source given.
 */
function byRank(target: string) {
  return (a: { evidence: Evidence }, b: { evidence: Evidence }): number => {
    const [x, y] = [rank(a.evidence, target), rank(b.evidence, target)];
    const i = x.findIndex((v, at) => v !== y[at]);
    if (i >= 0) return x[i]! - y[i]!;
    if (x[1] === 0) return 0;
    const order = compareVersions(a.evidence.version, b.evidence.version);
    return x[2] ? order : -order;
  };
}

function ruleWhy(winner: Evidence, loser: Evidence): string {
  if (winner.source !== loser.source) return "observed beats curated";
  if ((winner.inferredFrom === undefined) !== (loser.inferredFrom === undefined)) return "exact version beats inferred";
  if (winner.inferredFrom !== undefined && winner.version !== loser.version) return "the nearer version wins";
  return "the first source given wins";
}

function decide<T>(candidates: { value: T; evidence: Evidence }[], target: string, same: (a: T, b: T) => boolean): Decision<T> {
  const [winner, ...rest] = [...candidates].sort(byRank(target));
  const others = rest.map((c) => ({ ...c, agrees: same(c.value, winner!.value) }));
  const loser = others.find((o) => !o.agrees);
  return { ...winner!, others, ...(loser ? { decidedBy: ruleWhy(winner!.evidence, loser.evidence) } : {}) };
}

const ruleKey = (r: RequiredRule): string => JSON.stringify([[...r.all].sort(), r.groups.map((g) => [g.kind, [...g.args].sort()]).sort()]);

/** Python's True and RouterOS's `yes` are one value. */
export function valueText(value: FactValue): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

export function resolveFacts(sets: readonly FactSet[], target: string): Facts {
  const menus = new Map<string, MenuFacts>();
  const menu = (path: string): MenuFacts => {
    let m = menus.get(path);
    if (!m) menus.set(path, (m = { probeErrors: [], defaults: new Map(), marks: new Map() }));
    return m;
  };
  const required = new Map<string, { value: RequiredRule; evidence: Evidence }[]>();
  const defaults = new Map<string, Map<string, { value: FactValue; evidence: Evidence }[]>>();
  for (const set of sets) {
    for (const f of set.required)
      required.set(f.menu, [...(required.get(f.menu) ?? []), { value: f.rule, evidence: forTarget(f.evidence, target) }]);
    for (const f of set.probeErrors) menu(f.menu).probeErrors.push(forTarget(f.evidence, target));
    for (const f of set.defaults) {
      const args = defaults.get(f.menu) ?? new Map<string, { value: FactValue; evidence: Evidence }[]>();
      defaults.set(f.menu, args);
      args.set(f.arg, [...(args.get(f.arg) ?? []), { value: f.value, evidence: forTarget(f.evidence, target) }]);
    }
    for (const f of set.marks) {
      const known = menu(f.menu).marks.get(f.arg);
      menu(f.menu).marks.set(f.arg, { marks: { ...known?.marks, ...f.marks }, evidence: known?.evidence ?? f.evidence });
    }
  }
  for (const [path, candidates] of required) menu(path).required = decide(candidates, target, (a, b) => ruleKey(a) === ruleKey(b));
  for (const [path, args] of defaults) {
    for (const [arg, candidates] of args)
      menu(path).defaults.set(
        arg,
        decide(candidates, target, (a, b) => valueText(a) === valueText(b)),
      );
  }
  return { target, sources: sets.map((s) => ({ file: s.file, description: s.description })), menus };
}

/** Every decision where a source disagreed with the winner. */
export interface Disagreement {
  menu: string;
  /** Absent for a required rule. */
  arg?: string;
  winner: Evidence;
  losers: Evidence[];
  decidedBy: string;
}

export function disagreements(facts: Facts): Disagreement[] {
  const out: Disagreement[] = [];
  const add = (menu: string, d: Decision<unknown>, arg?: string) => {
    if (!d.decidedBy) return;
    const losers = d.others.filter((o) => !o.agrees).map((o) => o.evidence);
    out.push({ menu, ...(arg ? { arg } : {}), winner: d.evidence, losers, decidedBy: d.decidedBy });
  };
  for (const [path, m] of facts.menus) {
    if (m.required) add(path, m.required);
    for (const [arg, d] of m.defaults) add(path, d, arg);
  }
  return out;
}
