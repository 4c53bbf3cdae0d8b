/**
 * Architecture as a fact: restraml's comparison of one version's trees on two architectures
 * (`<version>/extra/diff-deep-inspect.json`: `a`/`b` with their labels, `onlyInA`/`onlyInB` the console paths one
 * side has, and per arg the completion words one side offers). What exists on one architecture only is marked
 * `x-routeros-arch`; menus the tree lacks are added to the model from their paths alone, marked, and typed no further.
 */
import type { OpenAPIV3 } from "openapi-types";
import { UserError } from "../io/errors.js";
import type { Menu, SchemaModel } from "../model/types.js";
import type { ArchFact } from "./extensions.js";

export interface ArchDiff {
  /** Where it was read from. */
  source: string;
  labels: [string, string];
  /** Console paths (`/interface/ethernet/switch/host/add/mac-address`) on one side only, by side. */
  only: [Set<string>, Set<string>];
  /** Completion words of an arg path on one side only, by side. */
  words: Map<string, [string[], string[]]>;
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/** The comparison file as parsed JSON → its facts, or one message naming what is wrong. */
export function parseArchDiff(json: unknown, source: string): ArchDiff {
  const d = json as Record<string, unknown> | null;
  const label = (side: unknown) => (side as { label?: unknown } | null)?.label;
  const [a, b] = [label(d?.["a"]), label(d?.["b"])];
  if (typeof a !== "string" || typeof b !== "string" || !strings(d?.["onlyInA"]) || !strings(d?.["onlyInB"]))
    throw new UserError(`${source}: not restraml's architecture comparison (expected a.label, b.label, onlyInA[], onlyInB[])`);
  const words = new Map<string, [string[], string[]]>();
  // The per-arg completion differences: any array of {path, onlyInA[], onlyInB[]}, whatever restraml names it.
  for (const value of Object.values(d)) {
    if (!Array.isArray(value)) continue;
    for (const entry of value as unknown[]) {
      const e = entry as { path?: unknown; onlyInA?: unknown; onlyInB?: unknown } | null;
      if (typeof e?.path === "string" && strings(e.onlyInA) && strings(e.onlyInB)) words.set(e.path, [e.onlyInA, e.onlyInB]);
    }
  }
  return { source, labels: [a, b], only: [new Set(d["onlyInA"]), new Set(d["onlyInB"])], words };
}

/** Which side of the comparison the tree is: the one its header names, else `a` (restraml's trees are x86, its `a`). */
const treeSide = (model: SchemaModel, diff: ArchDiff): 0 | 1 => (model.header.architecture === diff.labels[1] ? 1 : 0);

/**
 * The model with the paths only the other architecture has added: a node whose children are leaves is a command (its
 * leaves its args), a node with deeper children a menu; `desc` leaves are descriptions, not args. Nothing is typed.
 */
export function addOtherArch(model: SchemaModel, diff: ArchDiff): { model: SchemaModel; added: Set<string> } {
  const other = diff.only[1 - treeSide(model, diff)]!;
  const children = new Map<string, string[]>();
  for (const path of other) {
    const parent = path.slice(0, path.lastIndexOf("/")) || "/";
    children.set(parent, [...(children.get(parent) ?? []), path]);
  }
  const root = structuredClone(model.root);
  const added = new Set<string>();
  const find = (path: string): Menu | undefined => {
    let menu: Menu | undefined = root;
    for (const part of path.split("/").filter(Boolean)) menu = menu?.menus[part];
    return menu;
  };
  // Shortest first: a menu is placed before what is inside it.
  for (const path of [...other].sort((x, y) => x.split("/").length - y.split("/").length || x.localeCompare(y))) {
    const cut = path.lastIndexOf("/");
    const [parentPath, name] = [path.slice(0, cut), path.slice(cut + 1)];
    const parent = find(parentPath);
    if (!parent || name === "desc") continue;
    const kids = (children.get(path) ?? []).filter((c) => !c.endsWith("/desc"));
    const deeper = kids.some((k) => (children.get(k) ?? []).some((c) => !c.endsWith("/desc")));
    if (deeper && !parent.menus[name]) {
      parent.menus[name] = { kind: "menu", nodeType: "path", menus: {}, commands: {} };
      added.add(path);
    } else if (!deeper && !parent.commands[name] && !parent.menus[name]) {
      parent.commands[name] = {
        kind: "command",
        args: Object.fromEntries(kids.map((k) => [k.slice(k.lastIndexOf("/") + 1), { kind: "arg" }])),
      };
      added.add(path);
    }
  }
  return { model: { ...model, root }, added };
}

/** The side that alone has `path` or one of its ancestors, if any. */
function onlyOn(path: string, diff: ArchDiff): 0 | 1 | undefined {
  for (let p = path; p.length > 0; p = p.slice(0, p.lastIndexOf("/"))) {
    if (diff.only[0].has(p)) return 0;
    if (diff.only[1].has(p)) return 1;
  }
  return undefined;
}

type Marked = { "x-routeros-arch"?: ArchFact };

/** Marks, in place, every operation and body arg of the document that exists on one architecture only; returns how many. */
export function markArch(document: OpenAPIV3.Document, diff: ArchDiff, added: ReadonlySet<string>): number {
  let marks = 0;
  const fact = (side: 0 | 1, path: string): ArchFact => ({
    only: diff.labels[side],
    compared: diff.labels,
    ...([...added].some((a) => path === a || path.startsWith(a + "/")) ? { fromComparison: true as const } : {}),
  });
  const schemas = document.components?.schemas ?? {};
  const resolve = (s: OpenAPIV3.ReferenceObject | OpenAPIV3.SchemaObject | undefined): OpenAPIV3.SchemaObject | undefined =>
    s && "$ref" in s ? (schemas[s.$ref.replace("#/components/schemas/", "")] as OpenAPIV3.SchemaObject | undefined) : s;
  // Completion words are a vocabulary only on a closed one (elsewhere they are files, instances: the router's state).
  const isEnum = (schema: OpenAPIV3.SchemaObject): boolean =>
    [schema, ...(schema.allOf ?? []).map(resolve)].some((s) => s && (s as Record<string, unknown>)["x-routeros-enum"] !== undefined);
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item ?? {}) as (OpenAPIV3.OperationObject & Marked & Record<string, unknown>)[]) {
      const menu = op?.["x-routeros-menu"];
      if (typeof menu !== "string") continue;
      const command = op["x-routeros-command"];
      const at = typeof command === "string" ? `${menu === "/" ? "" : menu}/${command}` : menu;
      const side = onlyOn(at, diff);
      if (side !== undefined) {
        op["x-routeros-arch"] = fact(side, at);
        marks++;
      }
      const body = op.requestBody && "content" in op.requestBody ? resolve(op.requestBody.content["application/json"]?.schema) : undefined;
      for (const [arg, property] of Object.entries(body?.properties ?? {})) {
        const argPath = `${at}/${arg}`;
        const argSide = diff.only[0].has(argPath) ? 0 : diff.only[1].has(argPath) ? 1 : undefined;
        const words = diff.words.get(argPath);
        // A shared value schema is not marked itself: the arg's own wrapper is (`allOf` of it, as described args are).
        const schema: OpenAPIV3.SchemaObject = "$ref" in property ? { allOf: [property] } : property;
        const mark: Marked = schema as Marked;
        if (argSide !== undefined && side === undefined) mark["x-routeros-arch"] = fact(argSide, argPath);
        else if (words && isEnum(schema))
          mark["x-routeros-arch"] = { compared: diff.labels, values: { [diff.labels[0]]: words[0], [diff.labels[1]]: words[1] } };
        else continue;
        body!.properties![arg] = schema;
        marks++;
      }
    }
  }
  return marks;
}
