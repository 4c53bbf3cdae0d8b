/** What `rosapi check` reports: findings with their place, rule, severity and the fact that decided them. */

export type Severity = "error" | "warning" | "note";

/** Every rule, with its default severity and what it means (SARIF's rule list and docs/check.md say the same). */
export const RULES = {
  "parse-error": {
    severity: "error",
    text: "A line RouterOS cannot read: an unterminated quote, an unknown escape, an unclosed block, a word that is no command.",
  },
  "unknown-menu": { severity: "error", text: "A menu the tree does not have." },
  "unknown-command": { severity: "error", text: "A command the menu does not have." },
  "unknown-arg": { severity: "error", text: "An arg the command does not take." },
  "bad-value": { severity: "error", text: "A value the arg's type refuses." },
  "missing-required": { severity: "error", text: "An add without an arg the evidence says it requires." },
  "not-in-tree": {
    severity: "warning",
    text: "A menu or arg this tree lacks that hardware or an extra package has: the tree cannot check it.",
  },
  "not-checked": { severity: "note", text: "Scripting (`:local`, `:if`, `$var`, `[ … ]`): decided when the script runs, not checked." },
  "upgrade-removed": { severity: "error", text: "A menu, command or arg that the target version removed or renamed." },
  "upgrade-value": { severity: "error", text: "A value the target version's type refuses." },
  "upgrade-required": { severity: "error", text: "An add that lacks an arg the target version requires." },
  "upgrade-default": {
    severity: "warning",
    text: "An arg the line leaves out, whose default changed in the target version: the line will mean something else.",
  },
} as const satisfies Record<string, { severity: Severity; text: string }>;

export type RuleId = keyof typeof RULES;

export interface Finding {
  file: string;
  line: number;
  column: number;
  /** The last line of the command it is about (a command may span several). */
  endLine?: number;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** The fact that decided it: the tree (version and source), an evidence file, the curated hardware list. */
  source?: string;
  /** The form the value must take (bad-value), the nearest name (unknown-*). */
  expected?: string;
  suggestion?: string;
}

export interface CheckSummary {
  files: number;
  /** Commands read (menus, commands and scripting lines are counted apart). */
  commands: number;
  notChecked: number;
  errors: number;
  warnings: number;
  notes: number;
  byRule: Partial<Record<RuleId, number>>;
}

export interface CheckReport {
  /** The tree each configuration was checked against, and the upgrade target. */
  against: string[];
  to?: string[];
  findings: Finding[];
  summary: CheckSummary;
}
