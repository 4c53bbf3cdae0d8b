/**
 * Ansible's community.routeros `_api_data.py` (curated by hand from
 * `/export verbose`) → facts for one RouterOS version. Its `PATHS` literal is
 * read, never run; version ranges (`versioned=[('7.15', '>=', ...)]`) and
 * `versioned_fields` are applied as Ansible applies them. Paths that depend
 * on the hardware (`hardware_variants`) give no facts.
 */
import { compareVersions } from "../model/merge.js";
import { readAssignment, type PyValue } from "./python-literal.js";
import type { ArgMarks, DefaultFact, Evidence, FactSet, FactValue, MarksFact, RequiredFact, RequiredGroup } from "./types.js";

type Call = Extract<PyValue, { kind: "call" }>;

/** A change in the file's format: one clear message, never a half-read. */
export class AnsibleFormatError extends Error {
  override name = "AnsibleFormatError";
}

const KNOWN_CALLS = new Set(["APIData", "VersionedAPIData", "KeyInfo", "Depr"]);

function call(value: PyValue | undefined, callee: string, where: string): Call {
  if (value && typeof value === "object" && value.kind === "call" && value.callee === callee) return value;
  throw new AnsibleFormatError(`${where}: expected ${callee}(...)`);
}

function items(value: PyValue | undefined, where: string): PyValue[] {
  if (value && typeof value === "object" && (value.kind === "list" || value.kind === "tuple")) return value.items;
  throw new AnsibleFormatError(`${where}: expected a list or tuple`);
}

function text(value: PyValue | undefined, where: string): string {
  if (typeof value === "string") return value;
  throw new AnsibleFormatError(`${where}: expected a string`);
}

/** Ansible's comparison of the target version with a bound (LooseVersion, comparator). */
function matches(target: string, bound: string, comparator: string, where: string): boolean {
  if (bound === "*" && comparator === "*") return true;
  const d = compareVersions(target, bound);
  switch (comparator) {
    case "==":
      return d === 0;
    case "!=":
      return d !== 0;
    case "<":
      return d < 0;
    case "<=":
      return d <= 0;
    case ">":
      return d > 0;
    case ">=":
      return d >= 0;
  }
  throw new AnsibleFormatError(`${where}: unknown comparator ${JSON.stringify(comparator)}`);
}

/** The Python literal as the file wrote it, for `raw`. */
function pythonText(value: FactValue): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\r/g, "\\r").replace(/\n/g, "\\n")}'`;
}

function factValue(value: PyValue, where: string): FactValue {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new AnsibleFormatError(`${where}: expected a string, number or boolean`);
}

/** The data that applies to `target` of one path, with the range that selected it; undefined: not supported or hardware-dependent. */
function selectData(api: Call, target: string, where: string): { data: Call; range: string } | undefined {
  const { unversioned, versioned } = api.kwargs;
  if (unversioned) return { data: call(unversioned, "VersionedAPIData", where), range: "any" };
  if (!versioned) return undefined;
  for (const entry of items(versioned, where)) {
    const [bound, comparator, data] = items(entry, where);
    if (!matches(target, text(bound, where), text(comparator, where), where)) continue;
    // A string in place of the data means "not supported in these versions".
    if (typeof data === "string") return undefined;
    return { data: call(data, "VersionedAPIData", where), range: `${text(comparator, where)} ${text(bound, where)}` };
  }
  return undefined;
}

/** `fields` plus the `versioned_fields` whose conditions the target meets, each with its range. */
function fieldsFor(data: Call, target: string, range: string, where: string): [string, Call, string][] {
  const fields: [string, Call, string][] = [];
  const dict = data.kwargs["fields"];
  if (!dict || typeof dict !== "object" || dict.kind !== "dict") throw new AnsibleFormatError(`${where}: fields is not a dict`);
  for (const [name, info] of dict.entries) fields.push([text(name, where), call(info, "KeyInfo", where), range]);
  for (const entry of data.kwargs["versioned_fields"] ? items(data.kwargs["versioned_fields"], where) : []) {
    const [conditions, name, info] = items(entry, where);
    const bounds = items(conditions, where).map((c) => items(c, where).map((x) => text(x, where)) as [string, string]);
    if (!bounds.every(([bound, comparator]) => matches(target, bound, comparator, where))) continue;
    const own = bounds.map(([bound, comparator]) => `${comparator} ${bound}`).join(", ");
    fields.push([text(name, where), call(info, "KeyInfo", where), range === "any" ? own : `${range}, ${own}`]);
  }
  return fields;
}

function checkCalls(value: PyValue, where: string): void {
  if (!value || typeof value !== "object") return;
  if (value.kind === "call") {
    if (!KNOWN_CALLS.has(value.callee)) throw new AnsibleFormatError(`${where}: unknown ${value.callee}(...)`);
    value.args.forEach((v) => checkCalls(v, where));
    Object.values(value.kwargs).forEach((v) => checkCalls(v, where));
  } else if (value.kind === "list" || value.kind === "tuple") value.items.forEach((v) => checkCalls(v, where));
  else if (value.kind === "dict") value.entries.forEach(([k, v]) => (checkCalls(k, where), checkCalls(v, where)));
}

export interface AnsibleOptions {
  /** The file, as the user named it. */
  file: string;
  /** The collection's version, when a MANIFEST.json or galaxy.yml beside the collection says it. */
  collectionVersion?: string;
  /** The RouterOS version whose facts are wanted. */
  target: string;
}

export function ansibleFacts(source: string, options: AnsibleOptions): FactSet {
  const origin = `community.routeros ${options.collectionVersion ?? "(version unknown)"}`;
  const paths = readAssignment(source, "PATHS");
  if (!paths || typeof paths !== "object" || paths.kind !== "dict") throw new AnsibleFormatError("PATHS is not a dict");
  const set: FactSet = {
    file: options.file,
    description: `${origin} (_api_data.py), curated`,
    required: [],
    probeErrors: [],
    defaults: [],
    marks: [],
  };
  for (const [key, value] of paths.entries) {
    const menu =
      "/" +
      items(key, "PATHS key")
        .map((p) => text(p, "PATHS key"))
        .join("/");
    checkCalls(value, menu);
    const selected = selectData(call(value, "APIData", menu), options.target, menu);
    if (!selected) continue;
    const evidence = (range: string, raw?: string): Evidence => ({
      source: "curated",
      method: "curated",
      version: range,
      origin,
      ...(raw !== undefined ? { raw } : {}),
    });
    const required: string[] = [];
    for (const [arg, info, range] of fieldsFor(selected.data, options.target, selected.range, menu)) {
      const kw = info.kwargs;
      if (kw["required"] === true) required.push(arg);
      if (kw["default"] !== undefined && kw["default"] !== null) {
        const value = factValue(kw["default"], `${menu} ${arg}`);
        set.defaults.push({ menu, arg, value, evidence: evidence(range, `default=${pythonText(value)}`) } satisfies DefaultFact);
      }
      const marks: ArgMarks = {
        ...(kw["read_only"] === true ? { readOnly: true } : {}),
        ...(kw["write_only"] === true ? { writeOnly: true } : {}),
        ...(kw["can_disable"] === true ? { canDisable: true } : {}),
        ...(kw["remove_value"] !== undefined && kw["remove_value"] !== null
          ? { removeValue: factValue(kw["remove_value"], `${menu} ${arg}`) }
          : {}),
      };
      if (Object.keys(marks).length) set.marks.push({ menu, arg, marks, evidence: evidence(range) } satisfies MarksFact);
    }
    const groups = requiredGroups(selected.data, menu);
    if (required.length || groups.length) {
      const raw = [
        required.length ? `required=True: ${required.join(", ")}` : "",
        ...groups.map((g) => `${g.kind === "oneOf" ? "required_one_of + mutually_exclusive" : "required_one_of"}: ${g.args.join(", ")}`),
      ].filter(Boolean);
      set.required.push({
        menu,
        rule: { all: required.sort(), groups },
        evidence: evidence(selected.range, raw.join("; ")),
      } satisfies RequiredFact);
    }
  }
  return set;
}

/** `required_one_of` lists; one that is also `mutually_exclusive` means exactly one. */
function requiredGroups(data: Call, where: string): RequiredGroup[] {
  const lists = (key: string) =>
    data.kwargs[key]
      ? items(data.kwargs[key], where).map((l) =>
          items(l, where)
            .map((x) => text(x, where))
            .sort(),
        )
      : [];
  const exclusive = new Set(lists("mutually_exclusive").map((l) => l.join(",")));
  return lists("required_one_of").map((args) => ({ kind: exclusive.has(args.join(",")) ? "oneOf" : "anyOf", args }));
}
