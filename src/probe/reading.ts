/**
 * A probe's answer read into the observed-probe row: RouterOS's exact
 * `missing value(s) of argument(s) a b` names them; the menu's own words
 * (`name or regexp required`, `mac address is not set`) name them as words,
 * which are matched against the add's args: `mac address` is `mac-address`,
 * each word that is an arg counts, a plural or singular form too.
 */
import { MISSING_VALUES } from "../facts/observed.js";

export function requiredArgsOf(answer: string, addArgs: readonly string[]): string[] {
  const exact = MISSING_VALUES.exec(answer);
  if (exact) return exact[1]!.trim().split(/\s+/).filter(Boolean).sort();
  const args = new Set(addArgs);
  const text = answer.replace(/^(Script Error|failure):\s*/i, "").replace(/\s*\([^()]*; line \d+\)$/, "");
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9.-]+/)
    .filter(Boolean);
  const found = new Set<string>();
  const match = (word: string) => [word, `${word}s`, word.replace(/s$/, "")].find((w) => args.has(w));
  words.forEach((word, i) => {
    const joined = i + 1 < words.length ? match(`${word}-${words[i + 1]}`) : undefined;
    if (joined) found.add(joined);
    const one = match(word);
    if (one) found.add(one);
  });
  return [...found].sort();
}
