/**
 * What the evidence says changed between two versions: an add arg that
 * became required (breaking: a client that left it out is refused), or
 * stopped being; a default that changed (listed). Only where both sides'
 * evidence knows: unknown is not "optional".
 */
import type { Facts } from "../facts/resolve.js";
import { valueText } from "../facts/resolve.js";
import type { RequiredRule } from "../facts/types.js";

/** What an add demands of one arg, weakest first. */
const DEMANDS = ["optional", "any of", "one of", "required"] as const;

export interface EvidenceChange {
  menu: string;
  arg: string;
  field: "required" | "default";
  before: string;
  after: string;
  breaking: boolean;
}

/** What a rule demands of one arg: `required`, `one of a, b`, `any of a, b` or `optional`. */
export function demand(rule: RequiredRule, arg: string): string {
  if (rule.all.includes(arg)) return "required";
  const group = rule.groups.find((g) => g.args.includes(arg));
  return group ? `${group.kind === "oneOf" ? "one of" : "any of"} ${group.args.join(", ")}` : "optional";
}

const strength = (text: string): number => DEMANDS.findIndex((d) => text.startsWith(d));

/** Whether `after` refuses some body that `before` accepted. */
function narrows(before: RequiredRule, after: RequiredRule): boolean {
  if (after.all.some((a) => !before.all.includes(a))) return true;
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((a) => y.includes(a));
  return after.groups.some((g) =>
    g.kind === "oneOf"
      ? !before.groups.some((h) => h.kind === "oneOf" && same(h.args, g.args))
      : !(g.args.some((a) => before.all.includes(a)) || before.groups.some((h) => h.args.every((a) => g.args.includes(a)))),
  );
}

/** `args(menu)`: the add args of the newer tree, so that an arg new in that version that is required counts too. */
export function evidenceChanges(before: Facts, after: Facts, addArgs: (menu: string) => string[] | undefined): EvidenceChange[] {
  const out: EvidenceChange[] = [];
  for (const [menu, now] of after.menus) {
    const old = before.menus.get(menu);
    const args = addArgs(menu);
    if (old?.required && now.required && args) {
      for (const arg of args) {
        const [a, b] = [demand(old.required.value, arg), demand(now.required.value, arg)];
        if (a === b) continue;
        // Breaking when the rule refuses a body the old one took, for the args whose demand grew or moved.
        const breaking = narrows(old.required.value, now.required.value) && strength(b) >= strength(a);
        out.push({ menu, arg, field: "required", before: a, after: b, breaking });
      }
    }
    for (const [arg, d] of now.defaults) {
      const was = old?.defaults.get(arg);
      if (was && valueText(was.value) !== valueText(d.value))
        out.push({ menu, arg, field: "default", before: valueText(was.value), after: valueText(d.value), breaking: false });
    }
  }
  return out.sort((x, y) => (x.menu < y.menu ? -1 : x.menu > y.menu ? 1 : x.arg < y.arg ? -1 : 1));
}
