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
import { IPV4_PREFIX } from "./patterns.js";
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

/**
 * RouterOS writes an item's `address` with its prefix length (`10.0.0.111/24`
 * on /ip/address in the REST manual, `192.168.88.0/24` on
 * /ip/dhcp-server/network) where the syntax text says only `A.B.C.D (IP
 * address)`: such an arg's pattern takes an optional `/M`, without the
 * standard `ipv4` format that would refuse it.
 */
function withPrefixLength(name: string, form: Form | undefined): Form | undefined {
  if (name !== "address" || form?.type !== "ipv4") return form;
  const { format: _format, ...rest } = form;
  return { ...rest, pattern: IPV4_PREFIX };
}

/** Types one arg; pure, never throws. */
export function argValueType(name: string, arg: Arg, ctx: TypeContext): ValueType {
  const text = syntaxText(arg.syntax);
  // A text the grammar does not know (`see documentation`) leaves the arg's name as the evidence.
  const syntax = text === undefined ? undefined : (parseSyntaxText(text) ?? formByName(name));
  const form = combine(withPrefixLength(name, syntax), completionForm(name, arg, ctx));
  return toValueType(form ?? { type: text === undefined ? "string" : "unknown" });
}

/** Typed beyond a bare string: a known RouterOS type other than string, or a string with length bounds. */
export function isTypedBeyondString(vt: ValueType): boolean {
  if (vt.routerosType === "unknown") return false;
  return vt.routerosType !== "string" || vt.reply.minLength !== undefined || vt.reply.maxLength !== undefined;
}
export { typingCoverage, type TypingCoverage } from "./coverage.js";
