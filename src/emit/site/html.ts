/**
 * HTML that escapes by default: every value put into an `html\`...\`` template
 * is escaped unless it is already `Html` (another template's result). The
 * only way to insert unescaped text is `trusted()`, used for the site's own
 * constant markup, never for a string from a dump.
 */

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template takes: text (escaped), Html (kept), lists (joined), and nothing (`undefined`, `null`, `false`: left out). */
export type Part = Html | string | number | undefined | null | false | readonly Part[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return "";
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join("");
  return escapeHtml(String(part));
}

/**
 * A template's own text with the indentation of its lines dropped (templates are indented as code; the pages
 * need none). Only the template's text: values, a `<pre>`'s content among them, are kept as they are.
 */
const compact = new WeakMap<TemplateStringsArray, string[]>();
const textOf = (strings: TemplateStringsArray): string[] =>
  compact.get(strings) ??
  compact
    .set(
      strings,
      strings.map((s) => s.replace(/\n[ \t]+/g, "\n")),
    )
    .get(strings)!;

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  const text = textOf(strings);
  let out = text[0]!;
  values.forEach((value, i) => (out += render(value) + text[i + 1]!));
  return new Html(out);
}

/** Markup the site itself wrote (its stylesheet link, a script tag): never a string that came from a dump. */
export const trusted = (markup: string): Html => new Html(markup);

/** JSON inside `<script>`: `<` escaped so no string can close the element or open a comment. */
export const scriptJson = (value: unknown): Html =>
  new Html(
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
  );

/** Text whose `backticked` spans (the document's descriptions write code so) show as code, where they pair up; all of it escaped. */
export function prose(text: string): Html {
  const parts = text.split("`");
  return parts.length % 2 === 0 ? html`${text}` : html`${parts.map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`;
}
