/** A model diff for people: text (coloured on a terminal) and a Markdown checklist. */
import { inert } from "../io/inert.js";
import type { Change, ModelDiff } from "./diff.js";

/** Grouped changes that differ only in the name and share their places print as one line: `print` gained a, b, c in 412 menus. */
export interface Line {
  change: Change;
  names: string[];
}

export function lines(changes: readonly Change[]): Line[] {
  const out = new Map<string, Line>();
  for (const change of changes) {
    const key =
      change.count && change.level === "arg" && change.field === undefined
        ? JSON.stringify([change.kind, change.breaking, change.places!.map((p) => p.slice(0, p.lastIndexOf(" ")))])
        : JSON.stringify(change);
    const line = out.get(key);
    if (line) line.names.push(change.name!);
    else out.set(key, { change, names: [change.name ?? ""] });
  }
  return [...out.values()];
}

const VERB = { added: "added", removed: "removed", changed: "changed", renamed: "renamed?" } as const;

function values(c: Change): string {
  if (c.kind === "renamed") return `${c.before} → ${c.after}`;
  const words = [c.added?.length ? `+${c.added.join(" +")}` : "", c.removed?.length ? `-${c.removed.join(" -")}` : ""]
    .filter(Boolean)
    .join(" ");
  if (words) return words;
  return c.before !== undefined || c.after !== undefined ? `${JSON.stringify(c.before ?? null)} → ${JSON.stringify(c.after ?? null)}` : "";
}

/** One sentence per line, e.g. `arg on-event, timestamp added: print in 316 menus`; `verb` in place of the kind's. */
export function sentence({ change: c, names }: Line, verb: string = VERB[c.kind]): string {
  const field = c.field ? ` ${c.field}` : "";
  const what = values(c);
  if (c.count) {
    const places =
      c.level === "arg"
        ? `${c.places![0]!.slice(c.places![0]!.lastIndexOf("/") + 1, c.places![0]!.indexOf(" "))} in ${c.count} menus`
        : `${c.count} places`;
    return `${c.level} ${names.join(", ")}${field} ${verb}${what ? ` (${what})` : ""}: ${places}`;
  }
  return `${c.level} ${c.path}${field} ${verb}${what ? `: ${what}` : ""}`;
}

function summaryLine(diff: ModelDiff): string {
  const parts = Object.entries(diff.summary.byKind).map(([k, n]) => `${n} ${k.replace(".", " ")}`);
  return `${diff.summary.changes} changes (${diff.summary.breaking} breaking)${parts.length ? `: ${parts.join(", ")}` : ""}`;
}

const FOLD = 8;

/** Markdown text that stays text: no HTML, no code span opened. */
const mdText = (text: string): string => text.replace(/[&<>`]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "`": "\\`" })[c]!);

/** A code span that holds whatever it quotes: its fence is longer than any run of backticks inside. */
const mdCode = (text: string): string => {
  const fence = "`".repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
};

/** A sentence in Markdown: its first menu path in a code span, the rest as text. */
function mdSentence(text: string): string {
  const path = /(\/[^\s,:]+)/.exec(text);
  if (!path) return mdText(text);
  return mdText(text.slice(0, path.index)) + mdCode(path[1]!) + mdText(text.slice(path.index + path[1]!.length));
}

export function formatDiff(diff: ModelDiff, options: { color?: boolean } = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const out = [inert(`RouterOS ${diff.from ?? "(unknown)"} -> ${diff.to ?? "(unknown)"}`), `  ${summaryLine(diff)}`];
  for (const line of lines(diff.changes)) {
    const c = line.change;
    const mark = c.kind === "added" ? "+" : c.kind === "removed" ? "-" : "~";
    const color = c.breaking ? 31 : c.kind === "added" ? 32 : 33;
    out.push(paint(color, inert(`${c.breaking ? "!" : " "} ${mark} ${sentence(line)}`)));
    for (const rest of c.rest) out.push(inert(`      ${rest}`));
    if (c.places)
      out.push(
        inert(`      in ${c.places.slice(0, FOLD).join(", ")}${c.places.length > FOLD ? `, ... (${c.places.length - FOLD} more)` : ""}`),
      );
  }
  return out.join("\n") + "\n";
}

/** A checklist to paste into an issue: breaking changes first, places folded under `<details>`. */
export function markdownDiff(diff: ModelDiff): string {
  const out = [mdText(inert(`## RouterOS ${diff.from ?? "(unknown)"} → ${diff.to ?? "(unknown)"}`)), "", summaryLine(diff), ""];
  const section = (title: string, breaking: boolean) => {
    const chosen = lines(diff.changes.filter((c) => c.breaking === breaking));
    if (chosen.length === 0) return;
    out.push(`### ${title}`, "");
    for (const line of chosen) {
      out.push(
        `- [ ] ${mdSentence(inert(sentence(line)))}${line.change.rest.length ? ` — ${line.change.rest.map((r) => mdCode(inert(r))).join(", ")}` : ""}`,
      );
      if (line.change.places)
        out.push(
          `  <details><summary>${line.change.places.length} places</summary>`,
          "",
          ...line.change.places.map((p) => `  - ${mdCode(inert(p))}`),
          "",
          "  </details>",
        );
    }
    out.push("");
  };
  section("Breaking", true);
  section("Not breaking", false);
  return out.join("\n");
}
