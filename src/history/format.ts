/** History and where, for people. */
import type { History, NodeHistory } from "./history.js";

/** Per version: what appeared, disappeared (tops of subtrees only) and changed syntax. */
export function formatHistory(history: History): string {
  const out = [`RouterOS ${history.versions.join(", ")}: ${history.nodes.length} nodes`];
  history.versions.forEach((version, i) => {
    const lines: string[] = [];
    for (const n of history.nodes) {
      // Appeared: absent (not merely unknown) in the version before.
      if (i > 0 && n.since === version && n.present[i - 1] === false && !n.withParent) lines.push(`  + ${n.level.padEnd(8)} ${n.path}`);
      if (n.removedIn === version && !n.withParent) lines.push(`  - ${n.level.padEnd(8)} ${n.path}`);
      for (const c of n.syntaxChanges)
        if (c.version === version)
          lines.push(`  ~ ${n.level.padEnd(8)} ${n.path}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`);
      for (const [what, values] of Object.entries(n.evidence ?? {}) as [string, (string | null)[]][]) {
        const [before, after] = [values[i - 1], values[i]];
        if (i > 0 && before != null && after != null && before !== after)
          lines.push(`  ~ ${n.level.padEnd(8)} ${n.path} ${what}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
      }
    }
    if (i > 0) out.push("", `${version}: ${lines.length ? `${lines.length} changes` : "no change"}`, ...lines);
  });
  return out.join("\n") + "\n";
}

export function formatWhere(result: { versions: string[]; nodes: NodeHistory[] }): string {
  const out: string[] = [];
  for (const n of result.nodes) {
    out.push(`${n.level} ${n.path}${n.since ? `: since ${n.since}${n.removedIn ? `, removed in ${n.removedIn}` : ""}` : ""}`);
    result.versions.forEach((version, i) => {
      const state = n.present[i] === true ? "yes" : n.present[i] === false ? "no" : "unknown";
      const facts = n.evidence
        ? [
            n.evidence.required[i] != null ? `[${n.evidence.required[i]}]` : "",
            n.evidence.default[i] != null ? `[default ${JSON.stringify(n.evidence.default[i])}]` : "",
          ]
        : [];
      out.push(`  ${version.padEnd(10)} ${state.padEnd(7)} ${[n.syntax[i] ?? "", ...facts].filter(Boolean).join(" ")}`.trimEnd());
    });
  }
  return out.join("\n") + "\n";
}
