/**
 * The upgrade check: which lines that fit today's version break on the
 * target (a menu, command or arg removed or renamed, a value the new grammar
 * refuses, an arg that became required), and which args a line leaves out
 * whose default changed between the two (a compact export relies on every
 * default it does not write). Renames and changed defaults come from the
 * version diff.
 */
import type { ParsedConfig } from "../config/types.js";
import { diffModels } from "../diff/index.js";
import { checkConfig, type CheckOptions } from "./check.js";
import { resolvePath, type CheckTree } from "./tree.js";
import { RULES, type Finding, type RuleId } from "./types.js";

const UPGRADE_RULE: Partial<Record<RuleId, RuleId>> = {
  "unknown-menu": "upgrade-removed",
  "unknown-command": "upgrade-removed",
  "unknown-arg": "upgrade-removed",
  "bad-value": "upgrade-value",
  "missing-required": "upgrade-required",
};

const key = (f: Finding): string => `${f.line}:${f.column}:${f.rule}`;

/** What the diff says of the two versions: renamed args (old path → new name), changed defaults (arg path → before, after). */
function changes(from: CheckTree, to: CheckTree) {
  const diff = diffModels(from.model, to.model, from.facts && to.facts ? { facts: { before: from.facts, after: to.facts } } : {});
  const renamed = new Map<string, string>();
  const defaults = new Map<string, { before: string; after: string }>();
  for (const change of diff.changes) {
    for (const place of change.places ?? [change.path]) {
      if (change.kind === "renamed" && change.before && change.after)
        renamed.set(`${place.slice(0, place.lastIndexOf(" "))} ${change.before}`, change.after);
      if (change.kind === "changed" && change.field === "default" && change.before !== undefined && change.after !== undefined)
        defaults.set(place, { before: change.before, after: change.after });
    }
  }
  return { renamed, defaults };
}

/** `options` are today's (`also`: trees of today's extra packages); `targetOptions` the target's, by default the same. */
export function upgradeFindings(
  config: ParsedConfig,
  from: CheckTree,
  to: CheckTree,
  options: CheckOptions = {},
  targetOptions: CheckOptions = options,
): Finding[] {
  const today = new Set(checkConfig(config, from, options).map(key));
  const { renamed, defaults } = changes(from, to);
  const out: Finding[] = [];
  // Today's tree is history to the target's: it says which version last had what the target lacks.
  for (const finding of checkConfig(config, to, { ...targetOptions, history: [...(targetOptions.history ?? []), from.model] })) {
    const rule = UPGRADE_RULE[finding.rule];
    // A line that is already wrong today is today's finding, not the upgrade's.
    if (!rule || today.has(key(finding))) continue;
    out.push({ ...finding, rule, severity: RULES[rule].severity, message: `on RouterOS ${to.version}: ${finding.message}` });
  }
  for (const item of config.items) {
    if (item.kind !== "command") continue;
    const words = [...item.menu.split("/").filter(Boolean), item.command];
    const resolved = resolvePath(from.model.root, "/", words);
    if (!resolved?.command || resolved.unknownAt !== undefined) continue;
    const menu = resolved.menu;
    const given = new Set([...item.args.map((a) => a.name), ...item.positional.flatMap((v) => (v.text ? [v.text] : []))]);
    for (const arg of item.args) {
      const newName = renamed.get(`${menu}/${item.command} ${arg.name}`);
      const finding = out.find((f) => f.line === arg.line && f.column === arg.column && f.rule === "upgrade-removed");
      if (newName && finding) finding.message += `; renamed ${arg.name} → ${newName} in ${to.version}`;
    }
    // What a line leaves out takes the default: an add's, or a settings menu's set without a selector.
    if (item.command !== "add" && !(item.command === "set" && !item.selector)) continue;
    for (const [path, change] of defaults) {
      const [place, arg] = path.split(" ") as [string, string];
      if (place !== `${menu}/${item.command}` || given.has(arg)) continue;
      out.push({
        file: config.file,
        line: item.line,
        column: item.column,
        ...(item.endLine !== item.line ? { endLine: item.endLine } : {}),
        rule: "upgrade-default",
        severity: RULES["upgrade-default"].severity,
        message: `${menu} ${item.command} leaves ${arg} out: its default changes from ${change.before} (RouterOS ${from.version}) to ${change.after} (RouterOS ${to.version})`,
        source: `evidence: defaults of RouterOS ${from.version} and ${to.version}`,
      });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
