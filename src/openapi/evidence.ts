/**
 * Evidence facts (src/facts/) into schemas: `required` and `oneOf`/`anyOf`
 * groups on add bodies, `default` on properties, each with its evidence in
 * `x-routeros-evidence`. A default goes in only in a form its own property
 * schema accepts (src/openapi/types/fits.ts); one the schema refuses widens the value's type (the source
 * saw RouterOS write it), and says so.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { Arg } from "../model/types.js";
import type { Decision, Facts, MenuFacts } from "../facts/resolve.js";
import { valueText } from "../facts/resolve.js";
import type { FactValue, RequiredGroup, RequiredRule } from "../facts/types.js";
import type { DefaultEvidence, EvidenceExtensions, RequiredEvidence } from "./extensions.js";
import { fits } from "./types/fits.js";

type Schema = OpenAPIV3.SchemaObject;

/** What the evidence says about one menu, for the document, or unknown when nothing does. */
export function menuFacts(facts: Facts | undefined, menu: string): MenuFacts | undefined {
  return facts?.menus.get(menu);
}

/** The forms a value may take, most natural first: a number as a number then as text; a boolean as RouterOS writes it (yes/no, true/false). */
function candidates(value: FactValue): unknown[] {
  if (value === true || value === "yes") return ["yes", "true"];
  if (value === false || value === "no") return ["no", "false"];
  if (typeof value === "number") return [value, String(value)];
  return [value];
}

export interface DefaultChoice {
  /** The value in the form its schema accepts; absent when none does. */
  value?: unknown;
  evidence: DefaultEvidence;
}

/** The default's form that `schema` accepts, with its evidence. */
export function chooseDefault(decision: Decision<FactValue>, schema: Schema, widened: boolean): DefaultChoice {
  const value = candidates(decision.value).find((v) => fits(schema, v));
  const evidence: DefaultEvidence = {
    value: decision.value,
    ...decision.evidence,
    ...(decision.decidedBy ? { decidedBy: decision.decidedBy } : {}),
    ...(decision.others.length ? { others: decision.others.map((o) => ({ value: o.value, ...o.evidence, agrees: o.agrees })) } : {}),
    ...(widened ? { widened: true } : {}),
    ...(value === undefined ? { refused: true } : {}),
  };
  return { ...(value !== undefined ? { value } : {}), evidence };
}

/** The values a default of `arg` needs the type to accept, when its schema refuses every form of it. */
export function writtenValues(decision: Decision<FactValue> | undefined, schema: Schema): string[] {
  if (!decision) return [];
  return candidates(decision.value).some((v) => fits(schema, v)) ? [] : [valueText(decision.value)];
}

export type RequiredKeys = Pick<Schema, "required" | "oneOf" | "anyOf" | "allOf"> & EvidenceExtensions;

/** The schema keys of a required rule on a body that takes `args`; args the tree's add does not take are left out and named. */
export function requiredKeys(facts: MenuFacts | undefined, args: Record<string, Arg>): RequiredKeys {
  if (!facts?.required) {
    const probeErrors = facts?.probeErrors ?? [];
    return { "x-routeros-evidence": { required: { status: "unknown", ...(probeErrors.length ? { probeErrors } : {}) } } };
  }
  const decision = facts.required;
  const known = (names: string[]) => names.filter((n) => n in args);
  const rule: RequiredRule = {
    all: known(decision.value.all),
    groups: decision.value.groups.map((g) => ({ ...g, args: known(g.args) })).filter((g) => g.args.length > 0),
  };
  const named = [...decision.value.all, ...decision.value.groups.flatMap((g) => g.args)];
  const notInTree = named.filter((n) => !(n in args));
  const required: RequiredEvidence = {
    status: "known",
    ...rule,
    ...decision.evidence,
    ...(decision.decidedBy ? { decidedBy: decision.decidedBy } : {}),
    ...(decision.others.length ? { others: decision.others.map((o) => ({ ...o.value, ...o.evidence, agrees: o.agrees })) } : {}),
    ...(notInTree.length ? { notInTree } : {}),
  };
  const groups: RequiredKeys[] = rule.groups.map((g) => ({ [g.kind]: g.args.map((a) => ({ required: [a] })) }));
  return {
    ...(rule.all.length ? { required: rule.all } : {}),
    ...(groups.length === 1 ? groups[0] : groups.length > 1 ? { allOf: groups } : {}),
    "x-routeros-evidence": { required },
  };
}

/** A body's group rules (`oneOf`/`anyOf` of `{required: [arg]}`, several under `allOf`), as the args of each group. */
export function requiredGroups(schema: OpenAPIV3.SchemaObject): RequiredGroup[] {
  const one = (s: OpenAPIV3.SchemaObject) =>
    (["oneOf", "anyOf"] as const).flatMap((kind) => {
      const members = s[kind] as OpenAPIV3.SchemaObject[] | undefined;
      return members?.every((m) => m.required?.length === 1 && !m.properties) ? [{ kind, args: members.map((m) => m.required![0]!) }] : [];
    });
  return [...one(schema), ...((schema.allOf ?? []) as OpenAPIV3.SchemaObject[]).flatMap(one)];
}
