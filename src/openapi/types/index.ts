/**
 * Value types: what an arg accepts and a property holds, from the arg's
 * syntax text (the grammar in syntax.ts) and its completions (vocabulary.ts).
 */
import type { Arg } from "../../model/types.js";
import { syntaxText } from "../../model/syntax-text.js";
import { toValueType, type Form, type ValueType } from "./form.js";
import { parseSyntaxText } from "./syntax.js";
import { completionForm } from "./vocabulary.js";
import { formByName } from "./by-name.js";
import type { TypeContext } from "./references.js";

export type { ValueType } from "./form.js";
export { typeContext, type TypeContext } from "./references.js";
export { parseSyntaxText } from "./syntax.js";

function combine(syntax: Form | undefined, vocabulary: Form | undefined): Form | undefined {
  if (!vocabulary || !syntax) return syntax ?? vocabulary;
  // A string (or script) says little: an enum or a reference from the completions says more, lengths kept.
  if (syntax.type === "string" || syntax.type === "script") return { ...syntax, ...vocabulary, ...(vocabulary.type === "string" ? { type: syntax.type } : {}) };
  const merged: Form = { ...syntax, ...(vocabulary.list ? { list: true } : {}), ...(vocabulary.negatable ? { negatable: true } : {}) };
  // Words offered beside a real form (`disabled` beside a number) are its special values.
  if (vocabulary.type !== "reference" && !syntax.enum) {
    const special = [...(syntax.special ?? []), ...(vocabulary.special ?? []), ...(vocabulary.enum ?? [])];
    if (special.length) merged.special = [...new Set(special)];
  }
  return merged;
}

/** Types one arg; pure, never throws. */
export function argValueType(name: string, arg: Arg, ctx: TypeContext): ValueType {
  const text = syntaxText(arg.syntax);
  // A text the grammar does not know (`see documentation`) leaves the arg's name as the evidence.
  const syntax = text === undefined ? undefined : (parseSyntaxText(text) ?? formByName(name));
  const form = combine(syntax, completionForm(name, arg, ctx));
  return toValueType(form ?? { type: text === undefined ? "string" : "unknown" });
}

/** Typed beyond a bare string: a known RouterOS type other than string, or a string with length bounds. */
export function isTypedBeyondString(vt: ValueType): boolean {
  if (vt.routerosType === "unknown") return false;
  return vt.routerosType !== "string" || vt.reply.minLength !== undefined || vt.reply.maxLength !== undefined;
}
export { typingCoverage, type TypingCoverage } from "./coverage.js";
