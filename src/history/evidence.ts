/**
 * Evidence beside a node's history: for an arg of add or set, per version,
 * what the add demands of it and its default (null where no evidence says).
 */
import { valueText, type Facts } from "../facts/index.js";
import { demand } from "../diff/evidence.js";
import type { NodeHistory } from "./history.js";

export interface ArgEvidence {
  /** Per version: `required`, `one of a, b`, `any of a, b`, `optional` (add args only), or null: unknown. */
  required: (string | null)[];
  /** Per version: the default, or null. */
  default: (string | null)[];
}

const ARG = /^(.*)\/(add|set) (\S+)$/;

/** The evidence of an add or set arg node, per version; undefined for other nodes. */
export function argEvidence(node: Pick<NodeHistory, "level" | "path">, facts: readonly Facts[]): ArgEvidence | undefined {
  const m = node.level === "arg" ? ARG.exec(node.path) : null;
  if (!m) return undefined;
  const [, menu, command, arg] = m as unknown as [string, string, string, string];
  const of = (f: Facts) => f.menus.get(menu || "/");
  return {
    required: facts.map((f) => {
      const rule = command === "add" ? of(f)?.required?.value : undefined;
      return rule ? demand(rule, arg) : null;
    }),
    default: facts.map((f) => {
      const d = of(f)?.defaults.get(arg);
      return d ? valueText(d.value) : null;
    }),
  };
}
