/**
 * The syntax-text grammar: what `/console/inspect` `syntax` says an arg
 * accepts, e.g. `string value, max length 31`, `0..4294967295`,
 * `00:00:00.020..00:00:05    (time interval)`, `none | A.B.C.D    (IP address)`,
 * `pap|chap|mschap1|mschap2[,Authentication*]`.
 */
import type { Form } from "./form.js";
import { DURATION, HEX, INTEGER, IP_PREFIX, IPV4, IPV4_PREFIX, IPV4_RANGE, MAC } from "./patterns.js";

/**
 * Forms written the same way in every version. Only standard formats are
 * named (`ipv4`); the pattern carries every other form. A kept IPv6-only row
 * takes IPv4 too: routers write `0.0.0.0/0` under `IPv6/0..128` (ipsec
 * policies, snmp communities), and a dump keeps one of the router's rows.
 */
const FIXED: Record<string, Form> = {
  "A.B.C.D": { type: "ipv4", format: "ipv4", pattern: IPV4 },
  "A.B.C.D/M": { type: "ipv4-prefix", pattern: IPV4_PREFIX },
  IPv6: { type: "ip-address", pattern: IP_PREFIX },
  "IPv6/0..128": { type: "ip-prefix", pattern: IP_PREFIX },
  "A.B.C.D[-A.B.C.D |0..32 |/A.B.C.D ]": { type: "ip-range", pattern: IPV4_RANGE },
  "AB[:|-|.]CD[:|-|.]EF[:|-|.]GH[:|-|.]IJ[:|-|.]KL": { type: "mac", pattern: MAC },
  "time interval": { type: "duration", pattern: DURATION },
  script: { type: "script" },
};

const LABELLED = /^(.*?)\s{2,}\(([^()]+)\)$/;
const RANGE = /^(-?\d+)\.\.(-?\d+)$/;
const DURATION_RANGE = /^([\d:.wdhms]*)\.\.([\d:.wdhms]*)$/;
const STRING = /^(hexadecimal )?string value((?:, (?:min|max) length \d+)*)$/;
const WORD = /^[A-Za-z0-9][\w.+/-]*$/;
const WORD_LIST = /^([^\s|[\]]+(?:\|[^\s|[\]]+)+|[^\s|[\]]+)(\[,(\w+)\*\])?$/;

function stringForm(hex: boolean, bounds: string): Form {
  const form: Form = hex ? { type: "hex", pattern: HEX } : { type: "string" };
  const min = /min length (\d+)/.exec(bounds);
  const max = /max length (\d+)/.exec(bounds);
  if (min) form.minLength = Number(min[1]);
  if (max) form.maxLength = Number(max[1]);
  return form;
}

/** One alternative of a syntax body: a fixed form, an integer range, or a word. */
function partForm(part: string, label: string | undefined): Form | undefined {
  const fixed = FIXED[part];
  if (fixed) return { ...fixed };
  if (label === "time interval") {
    const range = DURATION_RANGE.exec(part);
    if (range)
      return { ...FIXED["time interval"]!, range: { ...(range[1] ? { min: range[1] } : {}), ...(range[2] ? { max: range[2] } : {}) } };
  }
  const range = RANGE.exec(part);
  if (range) return { type: "integer", pattern: INTEGER, minimum: Number(range[1]), maximum: Number(range[2]) };
  const text = STRING.exec(part);
  if (text) return stringForm(text[1] !== undefined, text[2]!);
  const words = WORD_LIST.exec(part);
  if (words && (words[1]!.includes("|") || words[2])) {
    // A spelled-out word list closes the vocabulary; `[,Name*]` makes it a list, which `""` empties.
    return { type: words[2] ? "enum-list" : "enum", enum: words[1]!.split("|"), ...(words[2] ? { list: true, empty: true } : {}) };
  }
  return undefined;
}

/** Alternatives `a | B | c`: words become special values of the one real form. */
function alternativesForm(parts: string[], label: string | undefined): Form | undefined {
  const forms: Form[] = [];
  const special: string[] = [];
  for (const part of parts) {
    const form = partForm(part, label);
    if (form) forms.push(form);
    else if (WORD.test(part)) special.push(part);
    else return undefined;
  }
  if (forms.length === 0) return special.length > 1 ? { type: "enum", enum: special } : undefined;
  if (forms.length > 1) {
    // Two real forms (not seen in the dumps so far): keep both patterns, name both types.
    if (forms.some((f) => f.pattern === undefined)) return undefined;
    return {
      type: forms.map((f) => f.type).join("|"),
      pattern: forms.map((f) => f.pattern).join("|"),
      ...(special.length ? { special } : {}),
    };
  }
  return { ...forms[0]!, ...(special.length ? { special } : {}) };
}

const cache = new Map<string, Form | undefined>();

/** The form of one syntax text, or undefined when the grammar does not know it (e.g. `see documentation`). */
export function parseSyntaxText(text: string): Form | undefined {
  if (cache.has(text)) return cache.get(text);
  const labelled = LABELLED.exec(text.trim());
  const body = (labelled ? labelled[1]! : text).trim();
  const label = labelled?.[2];
  const form = partForm(body, label) ?? alternativesForm(body.split(/\s+\|\s+/), label);
  cache.set(text, form);
  return form;
}
