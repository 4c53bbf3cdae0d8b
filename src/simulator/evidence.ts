/**
 * The simulator answers adds as RouterOS does, from evidence facts: an add
 * without its required args is refused with the router's words (on PUT, POST
 * add, and inside a script run by /execute), and a new item or a settings
 * object carries the defaults the evidence gives.
 */
import type { Facts, MenuFacts } from "../facts/resolve.js";
import { MISSING_VALUES } from "../facts/observed.js";
import type { FactValue, RequiredRule } from "../facts/types.js";
import type { Item } from "./store.js";

/** Why an add is refused, in the two forms RouterOS writes it. */
export interface Refusal {
  /** The REST reply's `detail` (`missing value(s) of argument(s) address interface`). */
  detail: string;
  /** The text of a script's failure (`Script Error: ... (/ip/address/add; line 1)`). */
  script: string;
}

/** RouterOS's own text of a probe, without the script's place (`(/ip/dns/static/add; line 1)`) and prefix. */
const ownWords = (raw: string): string => raw.replace(/\s*\([^()]*; line \d+\)$/, "").replace(/^Script Error: /, "");

/** RouterOS's words for a group rule that a body breaks, as menus write them (`name or regexp required`, `must specify exactly one of ...`). */
function groupWords(group: RequiredRule["groups"][number]): string {
  return group.kind === "oneOf"
    ? `failure: must specify exactly one of ${group.args.join(", ")}`
    : `failure: ${group.args.join(" or ")} required`;
}

/** The refusal of an add on `menu` with `args`, or undefined when the evidence lets it through (or says nothing). */
export function refuseAdd(facts: MenuFacts | undefined, menu: string, args: Record<string, unknown>): Refusal | undefined {
  const decision = facts?.required;
  if (!decision) return undefined;
  const rule = decision.value;
  const missing = rule.all.filter((a) => !(a in args));
  const broken = rule.groups.find((g) => {
    const given = g.args.filter((a) => a in args).length;
    return given === 0 || (g.kind === "oneOf" && given > 1);
  });
  if (missing.length === 0 && !broken) return undefined;
  const raw = decision.evidence.source === "observed" ? decision.evidence.raw : undefined;
  // The menu's own words where a router gave them; else RouterOS's standard text for args every add needs, which it checks first.
  const words = raw && !MISSING_VALUES.test(raw) ? ownWords(raw) : missing.length ? undefined : groupWords(broken!);
  const detail = words ?? `missing value(s) of argument(s) ${missing.join(" ")}`;
  return { detail, script: `${words ?? `Script Error: ${detail}`} (${menu}/add; line 1)` };
}

/** A default as a reply carries it: booleans `true`/`false`, everything else its text. */
function replyText(value: FactValue): string {
  if (value === true || value === "yes") return "true";
  if (value === false || value === "no") return "false";
  return String(value);
}

/** The defaults of a menu's properties, as a new item (or a fresh settings object) carries them. */
export function defaultValues(facts: MenuFacts | undefined, properties: Iterable<string>): Item {
  const out: Item = {};
  if (!facts) return out;
  for (const name of properties) {
    const decision = facts.defaults.get(name);
    if (decision) out[name] = replyText(decision.value);
  }
  return out;
}

export const menuFactsOf = (facts: Facts | undefined, menu: string): MenuFacts | undefined => facts?.menus.get(menu);

/** The adds of a script as the evidence's probe writes it: `[/ip/address add a=b]` or `/ip/address add`, with their args. */
export function scriptAdds(script: string): { menu: string; args: Record<string, string> }[] {
  const adds: { menu: string; args: Record<string, string> }[] = [];
  for (const m of script.matchAll(/(\/[\w./-]*?)\s*[/ ]add\b([^;\]]*)/g)) {
    const args: Record<string, string> = {};
    for (const a of m[2]!.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S+)/g)) args[a[1]!] = a[2]!.replace(/^"(.*)"$/, "$1");
    adds.push({ menu: m[1]!.replace(/\/$/, ""), args });
  }
  return adds;
}
