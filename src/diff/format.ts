/** The human-readable form of a model diff. */
import type { DiffNode, ModelDiff, NodeKind } from "./diff.js";

const PLURAL: Record<NodeKind, string> = { menu: "menus", command: "commands", arg: "args", property: "properties" };
const KINDS = Object.keys(PLURAL) as NodeKind[];

function counts(nodes: DiffNode[]): string {
  const parts = KINDS.map((kind) => [kind, nodes.filter((n) => n.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${n === 1 ? kind : PLURAL[kind]}`);
  return parts.length ? parts.join(", ") : "nothing";
}

export function formatDiff(diff: ModelDiff): string {
  const lines = [
    `RouterOS ${diff.from ?? "(unknown)"} -> ${diff.to ?? "(unknown)"}`,
    `  added: ${counts(diff.added)}`,
    `  removed: ${counts(diff.removed)}`,
    `  changed: ${diff.changed.length} (syntax ${diff.changed.filter((c) => c.field === "syntax").length}, description ${diff.changed.filter((c) => c.field === "description").length})`,
  ];
  const section = (title: string, mark: string, nodes: DiffNode[]) => {
    if (nodes.length === 0) return;
    lines.push("", title);
    for (const node of nodes) lines.push(`  ${mark} ${node.kind.padEnd(8)} ${node.path}`);
  };
  section("Added", "+", diff.added);
  section("Removed", "-", diff.removed);
  if (diff.changed.length) {
    lines.push("", "Changed");
    for (const c of diff.changed) lines.push(`  ~ ${c.path} (${c.field}): ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`);
  }
  return lines.join("\n") + "\n";
}
