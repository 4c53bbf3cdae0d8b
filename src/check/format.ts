/** A check's report as text for people, JSON, and SARIF 2.1.0 for code scanning and editors. */
import { inert } from "../io/inert.js";
import type { ParsedConfig } from "../config/types.js";
import { RULES, type CheckReport, type CheckSummary, type Finding, type RuleId } from "./types.js";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function summarize(configs: readonly ParsedConfig[], findings: readonly Finding[]): CheckSummary {
  const byRule: CheckSummary["byRule"] = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const count = (kind: string) => configs.reduce((n, c) => n + c.items.filter((i) => i.kind === kind).length, 0);
  return {
    files: configs.length,
    commands: count("command"),
    notChecked: findings.filter((f) => f.rule === "not-checked").length,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    notes: findings.filter((f) => f.severity === "note").length,
    byRule,
  };
}

/** `2 files, 514 commands: 1 error, 3 warnings, 2 notes (2 not checked)`. */
function summaryLine(s: CheckSummary): string {
  return `${plural(s.files, "file")}, ${plural(s.commands, "command")}: ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${plural(s.notes, "note")}${s.notChecked ? ` (${s.notChecked} not checked)` : ""}`;
}

/** Grouped by file, each finding with its place, severity, rule, message, source, and the line it is on. */
export function formatText(report: CheckReport, lines: ReadonlyMap<string, readonly string[]>, options: { notes?: boolean } = {}): string {
  const out: string[] = [];
  const shown = report.findings.filter((f) => options.notes || f.severity !== "note");
  const files = [...new Set(shown.map((f) => f.file))];
  for (const file of files) {
    out.push(inert(file));
    for (const f of shown.filter((x) => x.file === file)) {
      out.push(`  ${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${inert(f.message)}`);
      if (f.source) out.push(`      decided by ${inert(f.source)}`);
      const text = lines.get(file)?.[f.line - 1];
      if (text !== undefined) out.push(`      | ${inert(text.length > 120 ? `${text.slice(0, 120)}…` : text)}`);
    }
    out.push("");
  }
  out.push(`checked against ${report.against.map(inert).join(", ")}${report.to ? `, upgrade to ${report.to.map(inert).join(", ")}` : ""}`);
  out.push(summaryLine(report.summary));
  return `${out.join("\n")}\n`;
}

export const formatJson = (report: CheckReport): string => `${JSON.stringify(report, null, 2)}\n`;

const LEVEL = { error: "error", warning: "warning", note: "note" } as const;

/** A file name as a SARIF artifact URI: forward slashes, percent-encoded. */
const artifactUri = (file: string): string => encodeURI(file.replace(/\\/g, "/"));

/** SARIF 2.1.0: one run of the `rosapi` tool, its rules, and a result per finding. */
export function formatSarif(report: CheckReport, toolVersion: string): string {
  const ids = Object.keys(RULES) as RuleId[];
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "rosapi",
            version: toolVersion,
            rules: ids.map((id) => ({
              id,
              shortDescription: { text: RULES[id].text },
              defaultConfiguration: { level: LEVEL[RULES[id].severity] },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ids.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.source ? `${f.message} [${f.source}]` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, ...(f.endLine ? { endLine: f.endLine } : {}) },
              },
            },
          ],
          ...(f.source || f.suggestion || f.expected
            ? {
                properties: {
                  ...(f.source ? { source: f.source } : {}),
                  ...(f.suggestion ? { suggestion: f.suggestion } : {}),
                  ...(f.expected ? { expected: f.expected } : {}),
                },
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
