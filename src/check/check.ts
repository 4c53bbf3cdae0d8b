/**
 * A configuration's commands against a version's tree: each menu, command
 * and arg must exist, each value must fit its arg's type, each add must give
 * what the evidence says it requires. What this tree lacks but hardware or
 * another package has is a warning that says so; scripting is a note, never
 * guessed. Each finding names the fact that decided it.
 */
import type { ConfigArg, ConfigCommand, ConfigItem, ParsedConfig } from "../config/types.js";
import { inert } from "../io/inert.js";
import { compareVersions } from "../model/merge.js";
import { syntaxText } from "../model/syntax-text.js";
import type { Menu, SchemaModel } from "../model/types.js";
import { MISSING_VALUES } from "../facts/observed.js";
import type { OpenAPIV3 } from "openapi-types";
import { valueFacts, type RequiredEvidence } from "../openapi/extensions.js";
import { fits } from "../openapi/types/fits.js";
import { hardwareArg, hardwareMenu } from "./hardware.js";
import { nearest } from "./suggest.js";
import { argOf, resolvePath, type CheckTree, type Resolved } from "./tree.js";
import { RULES, type Finding, type RuleId } from "./types.js";

export interface CheckOptions {
  /** Trees of other packages or architectures (`restraml:7.22.3/extra`): what only they have is a warning. */
  also?: readonly { label: string; model: SchemaModel }[];
  /** Trees of other versions: an unknown name they have says in which versions it is. */
  history?: readonly SchemaModel[];
}

const show = (text: string): string => inert(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** Where the tree came from, as a finding's source. */
const treeSource = (tree: CheckTree): string => `tree: RouterOS ${tree.version} (${tree.label})`;

/** What another version's trees say of a node this tree lacks: `in 7.20.8, 7.22.3` / nothing. */
function inOtherVersions(tree: CheckTree, history: readonly SchemaModel[], menu: string, command?: string, arg?: string): string {
  const versions = history.flatMap((model) => {
    const version = model.header.version;
    if (!version || version === tree.version) return [];
    const found = resolvePath(model.root, "/", [...menu.split("/").filter(Boolean), ...(command ? [command] : [])]);
    if (!found || found.unknownAt !== undefined || (command && !found.command)) return [];
    if (arg && !(found.command && argOf(found.command.node, arg))) return [];
    return [version];
  });
  if (versions.length === 0) return "";
  const sorted = versions.sort(compareVersions);
  const older = sorted.filter((v) => compareVersions(v, tree.version) < 0);
  const newer = sorted.filter((v) => compareVersions(v, tree.version) > 0);
  if (older.length && !newer.length) return `; RouterOS ${older.at(-1)} has it: removed or renamed since`;
  if (newer.length && !older.length) return `; RouterOS ${newer[0]} has it: added since ${tree.version}`;
  return `; RouterOS ${sorted.join(", ")} ${sorted.length > 1 ? "have" : "has"} it`;
}

/** Why the configuration may differ from its tree: its own version, when another. */
function versionNote(config: ParsedConfig, tree: CheckTree): string {
  const own = config.header.version;
  if (!own || own === tree.version || tree.version === "unknown") return "";
  return compareVersions(own, tree.version) < 0
    ? ` (the configuration is of RouterOS ${own}, older than the tree's ${tree.version})`
    : ` (the configuration is of RouterOS ${own}, newer than the tree's ${tree.version})`;
}

export function checkConfig(config: ParsedConfig, tree: CheckTree, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const also = options.also ?? [];
  const history = options.history ?? [];
  const hardware = config.header.model ? ` (this configuration is of a ${show(config.header.model)})` : "";
  /** Menus already reported as unknown: the lines under them say nothing more. */
  const reported = new Set<string>();
  /** Menus only another package's tree has, already warned of. */
  const warned = new Set<string>();
  const add = (at: { line: number; column: number; endLine?: number }, rule: RuleId, message: string, extra: Partial<Finding> = {}): void =>
    void findings.push({
      file: config.file,
      line: at.line,
      column: at.column,
      ...(at.endLine !== undefined && at.endLine !== at.line ? { endLine: at.endLine } : {}),
      rule,
      severity: RULES[rule].severity,
      message,
      ...extra,
    });

  /** Reports a menu or command this tree lacks (once per menu); false when nothing was wrong. */
  const unknownPlace = (
    item: ConfigItem & { path: { word: string; line: number; column: number }[] },
    words: string[],
    resolved: Resolved | undefined,
    isCommandLine: boolean,
  ): boolean => {
    if (resolved?.unknownAt === undefined && resolved) return false;
    const first = resolved?.unknownAt ?? 0;
    const placeAt = (at: number): string => `/${words.slice(0, at + 1).join("/")}`;
    const wordAt = (at: number) => item.path[item.path.length - words.length + at] ?? item.path[0] ?? item;
    const hw = hardwareMenu(placeAt(first));
    if (hw) {
      if ([...reported].some((m) => placeAt(first) === m || placeAt(first).startsWith(`${m}/`))) return true;
      reported.add(placeAt(first));
      add(wordAt(first), "not-in-tree", `${placeAt(first)}: needs ${hw.what}, which the tree lacks: not checked${hardware}`, {
        source: hw.source,
      });
      return true;
    }
    // Another package's tree that goes further down this path: what it lacks is unknown there too.
    const elsewhere = also
      .map(({ label, model }) => ({ label, found: resolvePath(model.root, "/", words) }))
      .find(({ found }) => found !== undefined && (found.unknownAt === undefined || found.unknownAt > first));
    if (elsewhere && elsewhere.found?.unknownAt === undefined) {
      // Lines under a menu another tree has are that tree's: warned once, at the menu.
      if ([...warned].some((m) => placeAt(first) === m || placeAt(first).startsWith(`${m}/`))) return true;
      warned.add(placeAt(first));
      add(
        wordAt(first),
        "not-in-tree",
        `${placeAt(first)}: not in this tree, but in ${elsewhere.label} (another package or architecture): not checked`,
        {
          source: `tree: ${elsewhere.label}`,
        },
      );
      return true;
    }
    const walk = elsewhere?.found ?? resolved;
    const at = walk?.unknownAt ?? 0;
    if ([...reported].some((m) => placeAt(at) === m || placeAt(at).startsWith(`${m}/`))) return true;
    reported.add(placeAt(at));
    const parent = walk?.menu ?? "/";
    const missing = words[at]!;
    const node: Menu = walk?.node ?? tree.model.root;
    const isCommand = isCommandLine && at === words.length - 1;
    const names = isCommand
      ? Object.keys(node.commands)
      : [...Object.keys(node.menus), ...(isCommandLine ? [] : Object.keys(node.commands))];
    const suggestion = nearest(missing, names);
    const history_ = isCommand ? inOtherVersions(tree, history, parent, missing) : inOtherVersions(tree, history, placeAt(at));
    add(
      wordAt(at),
      isCommand ? "unknown-command" : "unknown-menu",
      `${isCommand ? `${parent} has no command` : `no menu`} ${show(isCommand ? missing : placeAt(at))}${suggestion ? `: did you mean ${show(suggestion)}?` : ""}${history_}${versionNote(config, tree)}`,
      { source: elsewhere ? `tree: ${elsewhere.label}` : treeSource(tree), ...(suggestion ? { suggestion } : {}) },
    );
    return true;
  };

  for (const item of config.items) {
    switch (item.kind) {
      case "comment":
        break;
      case "problem":
        add(item, "parse-error", item.message, { endLine: item.endLine });
        break;
      case "script":
        add(item, "not-checked", "scripting: not checked", { endLine: item.endLine });
        break;
      case "menu": {
        const words = item.menu.split("/").filter(Boolean);
        unknownPlace(item, words, resolvePath(tree.model.root, "/", words), false);
        break;
      }
      case "command": {
        const words = [...item.menu.split("/").filter(Boolean), item.command];
        if ([...reported].some((m) => item.menu === m || item.menu.startsWith(`${m}/`))) break;
        const resolved = resolvePath(tree.model.root, "/", words);
        if (unknownPlace(item, words, resolved, true) || !resolved?.command) break;
        checkCommand(item, resolved, tree, config, also, history, add);
        break;
      }
    }
  }
  return findings;
}

type Add = (at: { line: number; column: number; endLine?: number }, rule: RuleId, message: string, extra?: Partial<Finding>) => void;

function checkCommand(
  item: ConfigCommand,
  resolved: Resolved,
  tree: CheckTree,
  config: ParsedConfig,
  also: NonNullable<CheckOptions["also"]>,
  history: readonly SchemaModel[],
  add: Add,
): void {
  const command = resolved.command!;
  const menu = resolved.menu;
  const schemas = tree.schemas(menu, command.name);
  const given = new Set<string>();
  const hardware = config.header.model ? ` (this configuration is of a ${show(config.header.model)})` : "";
  const unknownArg = (at: ConfigArg | { line: number; column: number }, name: string): void => {
    const hw = hardwareArg(menu, name);
    if (hw) {
      add(at, "not-in-tree", `${menu} ${command.name}: ${show(name)} needs ${hw.what}, which the tree lacks: not checked${hardware}`, {
        source: hw.source,
      });
      return;
    }
    const elsewhere = also.find(({ model }) => {
      const found = resolvePath(model.root, menu, [command.name]);
      return found?.command !== undefined && argOf(found.command.node, name) !== undefined;
    });
    if (elsewhere) {
      add(
        at,
        "not-in-tree",
        `${menu} ${command.name}: ${show(name)} is not in this tree, but in ${elsewhere.label} (another package or architecture): not checked`,
        {
          source: `tree: ${elsewhere.label}`,
        },
      );
      return;
    }
    const suggestion = nearest(name, Object.keys(command.node.args));
    // A misspelt arg is reported once, as the arg it was meant to be, not again as that arg missing.
    if (suggestion) given.add(suggestion);
    add(
      at,
      "unknown-arg",
      `${menu} ${command.name} takes no arg ${show(name)}${suggestion ? `: did you mean ${show(suggestion)}?` : ""}${inOtherVersions(tree, history, menu, command.name, name)}${versionNote(config, tree)}`,
      { source: treeSource(tree), ...(suggestion ? { suggestion } : {}) },
    );
  };
  for (const arg of item.args) {
    given.add(arg.name);
    const node = argOf(command.node, arg.name);
    if (!node) {
      unknownArg(arg, arg.name);
      continue;
    }
    const value = arg.value;
    if (!value) continue;
    if (value.kind === "script") {
      add(value, "not-checked", `${arg.name}=${show(value.raw)}: a script's value, decided when it runs: not checked`);
      continue;
    }
    const schema = schemas?.args.get(arg.name);
    if (!schema || (fits(schema, value.text!) && !outOfRange(schema, value.text!))) continue;
    const expected = syntaxText(node.syntax) ?? describeSchema(schema);
    add(
      value,
      "bad-value",
      `${arg.name}=${show(value.text!)}: not a value ${menu} ${command.name} takes${expected ? `; expected ${show(expected)}` : ""}${versionNote(config, tree)}`,
      {
        source: treeSource(tree),
        ...(expected ? { expected } : {}),
      },
    );
  }
  // Bare words after the args: a flag (`passive`, an arg given as yes); `unset 0 comment` names the value to unset.
  for (const value of item.positional) {
    if (value.kind !== "plain" || !value.text) continue;
    const name = value.text;
    const owner = command.name === "unset" ? resolvePath(tree.model.root, menu, ["set"])?.command?.node : command.node;
    if (owner && argOf(owner, name)) given.add(name);
    else if (["add", "set", "unset"].includes(command.name)) unknownArg(value, name);
  }
  if (command.name === "add" && !given.has("copy-from")) missingRequired(item, menu, given, schemas?.required, add);
}

function missingRequired(item: ConfigCommand, menu: string, given: Set<string>, required: RequiredEvidence | undefined, add: Add): void {
  // Unknown is not "nothing required": no finding where no source says.
  if (!required || required.status !== "known") return;
  // The menu's own words (`Peer not set!`) come from a check RouterOS makes on an enabled item: a disabled one was written without (a real export's `add disabled=yes` IPsec policy has no peer).
  const disabled = item.args.some((a) => a.name === "disabled" && a.value?.text === "yes");
  // `missing value(s) of argument(s) …` is the console's own check, made on every add, disabled or not.
  if (disabled && required.raw !== undefined && !MISSING_VALUES.test(required.raw)) return;
  const source = required.origin
    ? `evidence: ${required.origin} (${required.source}${required.method ? `, ${required.method}` : ""}${required.inferredFrom ? `, of RouterOS ${required.inferredFrom}` : ""})`
    : "evidence";
  const at = { line: item.line, column: item.column, endLine: item.endLine };
  const missing = (required.all ?? []).filter((a) => !given.has(a));
  if (missing.length) add(at, "missing-required", `${menu} add lacks ${missing.join(", ")}: required`, { source });
  for (const group of required.groups ?? []) {
    if (group.args.some((a) => given.has(a))) continue;
    add(
      at,
      "missing-required",
      `${menu} add lacks ${group.kind === "oneOf" ? "exactly one" : "at least one"} of ${group.args.join(", ")}`,
      { source },
    );
  }
}

/**
 * An integer outside its arg's range: the string form a REST body may send is any digits (RouterOS answers
 * the range itself), but the console refuses `distance=256` (`value of distance out of range (1..255)`).
 */
function outOfRange(schema: OpenAPIV3.SchemaObject, text: string): boolean {
  const facts = valueFacts(schema);
  const range = facts["x-routeros-range"];
  if (facts["x-routeros-type"] === "duration" && typeof range?.min === "string" && typeof range.max === "string") {
    const [value, min, max] = [seconds(text), seconds(range.min), seconds(range.max)];
    return value !== undefined && min !== undefined && max !== undefined && (value < min || value > max);
  }
  if (facts["x-routeros-type"] !== "integer" || typeof range?.min !== "number" || typeof range.max !== "number") return false;
  const { min, max } = range;
  return (facts["x-routeros-list"] ? text.split(",") : [text]).some((item) => {
    const digits = /^!?(-?\d+)$/.exec(item)?.[1];
    return digits !== undefined && (Number(digits) < min || Number(digits) > max);
  });
}

const UNIT: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };

/** A RouterOS duration in seconds (`1w2d3h4m5s`, `500ms`, `30`, `00:10:00`, `1d 00:10:00`); undefined for a word (`none`). */
export function seconds(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const clock = /^(?:(\d+)d\s?)?(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 86400 + Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4] ?? 0);
  if (!/^(?:\d+(?:\.\d+)?(?:w|d|h|ms|m|s|us|ns))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(w|d|h|ms|m|s|us|ns)/g)) total += Number(n) * UNIT[unit!]!;
  return total;
}

/** A schema's form in words, where the tree gave no syntax text. */
function describeSchema(schema: {
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}): string | undefined {
  if (schema.enum) return schema.enum.join("|");
  if (schema.minimum !== undefined || schema.maximum !== undefined) return `${schema.minimum ?? ""}..${schema.maximum ?? ""}`;
  if (schema.maxLength !== undefined) return `at most ${schema.maxLength} characters`;
  return undefined;
}
