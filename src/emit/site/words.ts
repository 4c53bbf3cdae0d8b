/**
 * A value's type in words, from the facts of the emitter view: what a person
 * reads to know what RouterOS takes (`integer 0..4294967295`, `a comma-separated
 * list of: tcp, udp`, `the name of an interface`). Each part is one fact.
 */
import type { ValueView } from "../../view/index.js";

export interface ValueWords {
  /** The type: `ipv4-prefix`, `integer`, `reference to interface`. */
  type: string;
  /** Further facts, one phrase each. */
  details: string[];
  /** A closed vocabulary: the value is one of these (or a list of them). */
  words?: readonly string[];
  /** Words the console suggests; the value stays open. */
  suggestions?: readonly string[];
  examples: string[];
}

const bound = (value: number | string | undefined): string => (value === undefined ? "" : String(value));

export function valueWords({ schema, facts }: ValueView): ValueWords {
  const routerType = facts["x-routeros-type"];
  const ref = facts["x-routeros-ref"];
  const type =
    routerType === "reference" && ref
      ? `reference to ${ref} (its name or id)`
      : ref
        ? `${routerType ?? schema.type ?? "string"}, or a reference to ${ref}`
        : (routerType ?? schema.type ?? "any");
  const details: string[] = [];
  const range = facts["x-routeros-range"];
  if (range && (range.min !== undefined || range.max !== undefined)) details.push(`range ${bound(range.min)}..${bound(range.max)}`);
  if (schema.maxLength !== undefined) details.push(`at most ${schema.maxLength} characters`);
  if (facts["x-routeros-list"]) details.push("a comma-separated list");
  if (facts["x-routeros-negatable"]) details.push("each value may start with !");
  if (facts["x-routeros-empty"]) details.push('"" clears it');
  const special = facts["x-routeros-special"];
  if (special?.length) details.push(`also takes ${special.join(", ")}`);
  if (schema.pattern) details.push(`pattern ${schema.pattern}`);
  const syntax = facts["x-routeros-syntax"];
  if (syntax) details.push(`console syntax: ${syntax}`);
  const words = facts["x-routeros-enum"];
  const suggestions = facts["x-routeros-suggestions"];
  const examples = [schema.example, ...((schema as { examples?: unknown[] }).examples ?? [])]
    .filter((e) => e !== undefined)
    .map((e) => (typeof e === "string" ? e : JSON.stringify(e)));
  return { type, details, ...(words?.length ? { words } : {}), ...(suggestions?.length ? { suggestions } : {}), examples };
}
