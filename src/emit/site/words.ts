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

/** What a reference names, in words, where a kind has more to say than its name. */
const REFERENCE_WORDS: Record<string, string> = {
  "address-list": "the name of a firewall address list (/ip/firewall/address-list)",
  "interface-list": "the name of an interface list (/interface/list)",
  "wireless-channel-list": "frequencies, frequency ranges, default, or channel names or lists of /interface/wireless/channels",
  list: "a list name (the tree does not show which list)",
};

function referenceWords(ref: string): string {
  return REFERENCE_WORDS[ref] ?? `reference to ${ref} (its name or id)`;
}

/** A plain string that carries no syntax text, words or bounds: the tree did not say what it takes. */
const untyped = ({ schema, facts }: ValueView): boolean =>
  facts["x-routeros-type"] === "string" &&
  facts["x-routeros-syntax"] === undefined &&
  !facts["x-routeros-suggestions"]?.length &&
  schema.maxLength === undefined &&
  schema.pattern === undefined;

export function valueWords(value: ValueView): ValueWords {
  const { schema, facts } = value;
  const routerType = facts["x-routeros-type"];
  const ref = facts["x-routeros-ref"];
  const type =
    routerType === "reference" && ref
      ? referenceWords(ref)
      : ref
        ? `${routerType ?? schema.type ?? "string"}, or ${referenceWords(ref)}`
        : untyped(value)
          ? "string: type unknown (the tree gives no syntax for it)"
          : routerType === "unknown"
            ? `unknown: the console's syntax text is not one we read`
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
