import type { SyntaxRow } from "./types.js";

/**
 * An arg's syntax as one text: the single definition's text, or one
 * `symbol: text` line per non-empty row of a nested definition.
 */
export function syntaxText(rows: readonly SyntaxRow[] | undefined): string | undefined {
  const texts = (rows ?? []).filter((r) => r.text !== "");
  if (texts.length === 0) return undefined;
  if (texts.length === 1) return texts[0]!.text;
  return texts.map((r) => (r.symbol ? `${r.symbol}: ${r.text}` : r.text)).join("\n");
}
