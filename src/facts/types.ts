/**
 * Facts that /console/inspect does not give: which args `add` requires and
 * what a property defaults to. Each fact carries its evidence (where it came
 * from, for which version, how it was found); a menu without evidence is
 * unknown, never "nothing required".
 */

/** Observed on a router, or curated by people (Ansible's `_api_data.py`). */
type FactSource = "observed" | "curated";

type FactMethod = "observed-probe" | "curated" | "read-back-after-add" | "fresh-router-value";

export interface Evidence {
  source: FactSource;
  method: FactMethod;
  /** The RouterOS version the evidence is of: exact (`7.22.1`) when observed, the range it applies to (`>=7.15`) when curated. */
  version: string;
  architecture?: string;
  /** The file or collection it came from: `required-args.v7.22.1.json`, `community.routeros 3.21.0`. */
  origin: string;
  /** The router's own words (a probe's error text), or the curated source's literal. */
  raw?: string;
  /** Set when the fact is of another version than the target's: that version. */
  inferredFrom?: string;
}

/** Args of which exactly one (`oneOf`) or at least one (`anyOf`) must be given. */
export interface RequiredGroup {
  kind: "oneOf" | "anyOf";
  args: string[];
}

/** What an `add` needs: every arg of `all`, and for each group what the group says. Nothing required: both empty. */
export interface RequiredRule {
  all: string[];
  groups: RequiredGroup[];
}

export interface RequiredFact {
  menu: string;
  rule: RequiredRule;
  evidence: Evidence;
}

/** A probe that answered neither with required args nor with success (needs hardware, a package): the rule stays unknown. */
export interface ProbeError {
  menu: string;
  evidence: Evidence;
}

/** A value as the source wrote it: RouterOS text, or a curated literal (Python `True`, `1500`). */
export type FactValue = string | number | boolean;

export interface DefaultFact {
  menu: string;
  arg: string;
  value: FactValue;
  evidence: Evidence;
}

/** Ansible's per-arg marks that help a client: read-only, write-only, `!arg` unsets it (`can_disable`, with `remove_value`). */
export interface ArgMarks {
  readOnly?: true;
  writeOnly?: true;
  canDisable?: true;
  removeValue?: FactValue;
}

export interface MarksFact {
  menu: string;
  arg: string;
  marks: ArgMarks;
  evidence: Evidence;
}

/** What one input file gave. */
export interface FactSet {
  /** The file, as the user named it. */
  file: string;
  /** What it is: `observed probe of RouterOS 7.22.1`, `community.routeros 3.21.0 (_api_data.py)`. */
  description: string;
  required: RequiredFact[];
  probeErrors: ProbeError[];
  defaults: DefaultFact[];
  marks: MarksFact[];
}
