/**
 * What an arg's completions say about its values: a fixed vocabulary (enum),
 * a reference to router objects (never an enum: another router has other
 * objects), a file path, or a few special words beside another form.
 */
import type { Arg } from "../../model/types.js";
import type { Form } from "./form.js";
import { isObjectStyle, isReferenceName, isWordStyle, referenceKind, type TypeContext } from "./references.js";

/** Completions with `syntax-meta` style are markers: `,` (a list), `!` (may be negated). */
function metaMarks(arg: Arg): Pick<Form, "list" | "negatable"> {
  const meta = (arg.completions ?? []).filter((c) => c.style === "syntax-meta").map((c) => c.word);
  return {
    ...(meta.some((w) => w.includes(",")) ? { list: true } : {}),
    ...(meta.some((w) => w.includes("!")) ? { negatable: true } : {}),
  };
}

/**
 * Words that are mostly object words, or that hold a numbered object name
 * (`ether1`, `serial0`): special words such as `all` or `none` sit beside
 * objects and in real vocabularies alike, so alone they prove nothing.
 */
function looksLikeObjects(words: string[], ctx: TypeContext): boolean {
  const objects = words.filter((w) => ctx.objectWords.has(w));
  return objects.length > 0 && (objects.length * 2 >= words.length || objects.some((w) => /\d/.test(w)));
}

export function completionForm(name: string, arg: Arg, ctx: TypeContext): Form | undefined {
  const completions = arg.completions ?? [];
  const marks = metaMarks(arg);
  const words = completions.filter(isWordStyle).map((c) => c.word);
  if (isReferenceName(name) || completions.some(isObjectStyle) || looksLikeObjects(words, ctx)) {
    return { type: "reference", ref: referenceKind(name), ...marks };
  }
  if (completions.some((c) => c.style === "dir")) return { type: "reference", ref: "file", ...marks };
  if (words.length === 0) return Object.keys(marks).length ? { type: "string", ...marks } : undefined;
  if (words.length === 1) return { type: "string", special: words, ...marks };
  if (words.length === 2 && words.includes("yes") && words.includes("no") && !marks.list) return { type: "boolean" };
  return { type: marks.list ? "enum-list" : "enum", enum: words, ...marks };
}
