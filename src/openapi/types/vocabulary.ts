/**
 * What an arg's completions say about its values. A completion list is what
 * the console suggests, not what it accepts (console-inspect.md): only
 * keywords of style `arg` close a vocabulary; words of style `none` are
 * suggestions on an open value; objects of the router (`obj-*`, or words
 * seen under reference-named args) make a reference, never an enum.
 */
import type { Arg } from "../../model/types.js";
import type { Form } from "./form.js";
import { isObjectStyle, isReferenceName, referenceKind, type TypeContext } from "./references.js";

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

/** What the completions say, and whether the router's objects are the evidence (not just the arg's name). */
export interface Vocabulary {
  form: Form;
  /** Completions name objects of the router (`obj-*` styles or object words). */
  objects: boolean;
}

export function completionForm(name: string, arg: Arg, ctx: TypeContext): Vocabulary | undefined {
  const completions = arg.completions ?? [];
  const marks = metaMarks(arg);
  const keywords = completions.filter((c) => c.style === "arg").map((c) => c.word);
  const suggested = completions.filter((c) => c.style === "none").map((c) => c.word);
  // Keywords alone (style `arg`, like yes/no) are a closed vocabulary, whatever the arg's name. One
  // keyword alone (`auto` of an mtu) sits beside a form the dump did not keep: it closes nothing.
  if (keywords.length > 1 && suggested.length === 0 && !completions.some(isObjectStyle)) {
    if (keywords.length === 2 && keywords.includes("yes") && keywords.includes("no") && !marks.list)
      return { form: { type: "boolean" }, objects: false };
    return {
      form: { type: marks.list ? "enum-list" : "enum", enum: keywords, ...marks, ...(marks.list ? { empty: true } : {}) },
      objects: false,
    };
  }
  const objects = completions.some(isObjectStyle) || looksLikeObjects(suggested, ctx);
  // An arg that names its own item's list defines the list: a name, whatever names it completes.
  if ((objects || isReferenceName(name)) && !ctx.ownLists.has(arg)) {
    // Keywords beside objects (`none`, `all`) are accepted words; other suggestions that are not objects are offered.
    const offered = suggested.filter((w) => !ctx.objectWords.has(w));
    return {
      form: {
        type: "reference",
        ref: referenceKind(name, arg, ctx),
        ...(keywords.length ? { special: keywords } : {}),
        ...(offered.length ? { suggestions: offered } : {}),
        ...marks,
      },
      objects,
    };
  }
  if (completions.some((c) => c.style === "dir")) return { form: { type: "reference", ref: "file", ...marks }, objects: false };
  const words = [...keywords, ...suggested];
  if (words.length === 0) return Object.keys(marks).length ? { form: { type: "string", ...marks }, objects: false } : undefined;
  return { form: { type: "string", suggestions: words, ...marks }, objects: false };
}
