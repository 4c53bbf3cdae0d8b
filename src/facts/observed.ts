/**
 * The observed-probe format (`required-args.v<version>.json`, rows
 * `{path, required[], hasAdd, rawError}`, and its `.meta.json`) → facts. A
 * row's answer is read as the probe's method says: RouterOS's exact
 * `missing value(s) of argument(s) ...` (all of them), the menu's own words
 * (kept raw, read into a group where the words say "or" / "one of"), success
 * (nothing required), or a probe error (unknown).
 */
import type { Evidence, FactSet, ProbeError, RequiredFact, RequiredRule } from "./types.js";

export interface ProbeRow {
  path: string;
  required: string[];
  hasAdd: boolean;
  rawError: string;
  /** rosapi's probe (src/probe/): values read back from a minimal add, or a fresh router's settings. */
  defaults?: Record<string, string>;
  defaultsFrom?: "read-back-after-add" | "fresh-router-value";
}

export interface ProbeMeta {
  routerosVersion: string;
  architecture?: string;
  chrBuildTime?: string;
}

/** RouterOS's own message for an add without its required args. */
export const MISSING_VALUES = /missing value\(s\) of argument\(s\) ([^(]*?)\s*(\(|$)/;

export type ProbeAnswer = "missing-values" | "own-words" | "nothing-required" | "probe-error";

export function classifyProbe(row: Pick<ProbeRow, "required" | "rawError">): ProbeAnswer {
  if (row.rawError === "") return "nothing-required";
  if (MISSING_VALUES.test(row.rawError)) return "missing-values";
  return row.required.length > 0 ? "own-words" : "probe-error";
}

/** The rule a menu's own words state about the args the probe read from them. */
export function ownWordsRule(rawError: string, args: string[]): RequiredRule {
  const sorted = [...args].sort();
  if (sorted.length < 2) return { all: sorted, groups: [] };
  if (/exactly one of|must set either/i.test(rawError)) return { all: [], groups: [{ kind: "oneOf", args: sorted }] };
  if (/\bor\b/i.test(rawError)) return { all: [], groups: [{ kind: "anyOf", args: sorted }] };
  return { all: sorted, groups: [] };
}

export function observedFacts(rows: ProbeRow[], meta: ProbeMeta, file: string, origin: string): FactSet {
  const set: FactSet = {
    file,
    description: `observed probe of RouterOS ${meta.routerosVersion}${meta.architecture ? ` (${meta.architecture})` : ""}`,
    required: [],
    probeErrors: [],
    defaults: [],
    marks: [],
  };
  const base: Evidence = {
    source: "observed",
    method: "observed-probe",
    version: meta.routerosVersion,
    ...(meta.architecture ? { architecture: meta.architecture } : {}),
    origin,
  };
  for (const row of rows) {
    for (const [arg, value] of Object.entries(row.defaults ?? {})) {
      const method = row.defaultsFrom ?? "read-back-after-add";
      set.defaults.push({ menu: row.path, arg, value, evidence: { ...base, method } });
    }
    if (!row.hasAdd) continue;
    const evidence: Evidence = { ...base, ...(row.rawError ? { raw: row.rawError } : {}) };
    const answer = classifyProbe(row);
    if (answer === "probe-error") set.probeErrors.push({ menu: row.path, evidence } satisfies ProbeError);
    else {
      const rule = answer === "own-words" ? ownWordsRule(row.rawError, row.required) : { all: [...row.required].sort(), groups: [] };
      set.required.push({ menu: row.path, rule, evidence } satisfies RequiredFact);
    }
  }
  return set;
}
