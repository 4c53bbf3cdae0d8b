/**
 * One arg's value type: its syntax text (the grammar in syntax.ts), its
 * completions (vocabulary.ts) and, where those say too little, its name
 * (by-name.ts), combined so that nothing a router writes is refused.
 */
import type { Arg } from "../../model/types.js";
import { syntaxText } from "../../model/syntax-text.js";
import type { Form, ValueType } from "./form.js";
import { toValueType } from "./form-schemas.js";
import { parseSyntaxText } from "./syntax.js";
import { completionForm, type Vocabulary } from "./vocabulary.js";
import { durationPatternByName, formByName, isAddressListName, isWordListName } from "./by-name.js";
import { IPV4_PREFIX } from "./patterns.js";
import type { TypeContext } from "./references.js";

const ADDRESS_TYPES = new Set(["ipv4", "ipv4-prefix", "ip-address", "ip-prefix", "ip-range"]);

/**
 * Syntax and completions together. A closed syntax word list stays closed; a
 * string (or script) with words stays any string that suggests them (`string
 * value` + `auto`/`none`); a typed form keeps its type, with the words as
 * special values (`time interval` | `never`), or, where the completions are
 * router objects, also as a reference (`A.B.C.D` | a `/routing/id` name).
 */
function combine(syntax: Form | undefined, vocabulary: Vocabulary | undefined): Form | undefined {
  if (!vocabulary || !syntax) return syntax ?? vocabulary?.form;
  const v = vocabulary.form;
  const marks: Partial<Form> = { ...(v.list ? { list: true } : {}), ...(v.negatable ? { negatable: true } : {}) };
  if (syntax.type === "string" || syntax.type === "script") {
    if (v.type === "reference") return { ...syntax, ...v };
    const suggestions = v.type === "boolean" ? ["yes", "no"] : [...(v.enum ?? []), ...(v.special ?? []), ...(v.suggestions ?? [])];
    return { ...syntax, ...marks, ...(suggestions.length ? { suggestions } : {}) };
  }
  const merged: Form = { ...syntax, ...marks };
  if (syntax.enum) return merged;
  if (v.type === "reference") {
    if (vocabulary.objects) merged.orRef ??= v.ref!;
    // A reference by name only, without objects: its words are special values of the typed form.
    const words = [...(v.special ?? []), ...(vocabulary.objects ? [] : (v.suggestions ?? []))];
    if (words.length) merged.special = [...new Set([...(syntax.special ?? []), ...words])];
    return merged;
  }
  // Words offered beside a real form (`disabled` beside a number) are its special values.
  if (v.type === "boolean") return { ...merged, special: [...new Set([...(syntax.special ?? []), "yes", "no"])] };
  const special = [...(syntax.special ?? []), ...(v.special ?? []), ...(v.enum ?? []), ...(v.suggestions ?? [])];
  if (special.length) merged.special = [...new Set(special)];
  return merged;
}

/**
 * What the arg's name adds to its syntax form: `address` takes a prefix
 * length where the text says only `A.B.C.D` (RouterOS writes `10.0.0.111/24`
 * on /ip/address, `192.168.88.0/24` on /ip/dhcp-server/network); server and
 * plural address args take comma lists; some durations take compound forms.
 */
function byName(name: string, form: Form | undefined): Form | undefined {
  if (!form) return form;
  if (name === "address" && form.type === "ipv4") {
    const { format: _format, ...rest } = form;
    return { ...rest, type: "ipv4-prefix", pattern: IPV4_PREFIX };
  }
  // `router-id=main-id`: an address or the name of a /routing/id item (7.x).
  if (name === "router-id" && form.type === "ipv4") return { ...form, orRef: "routing-id" };
  if (ADDRESS_TYPES.has(form.type) && isAddressListName(name)) return { ...form, list: true };
  if (form.type === "duration") return { ...form, pattern: durationPatternByName(name) };
  return form;
}

/** Values evidence shows RouterOS writes (`/export verbose`) beside the form: `""` clears, anything else is a special value. */
function withWritten(form: Form, written: readonly string[]): Form {
  if (written.length === 0 || form.type === "boolean") return form;
  const words = written.filter((w) => w !== "");
  const widened: Form = { ...form, ...(words.length ? { special: [...new Set([...(form.special ?? []), ...words])] } : {}) };
  if (words.length === written.length) return widened;
  // `""` written: the value clears, whatever length its text otherwise needs.
  const { minLength: _minLength, ...rest } = widened;
  return { ...rest, empty: true };
}

/** Types one arg; pure, never throws. `written`: values evidence shows the router writes, which the type must accept. */
export function argValueType(name: string, arg: Arg, ctx: TypeContext, written: readonly string[] = []): ValueType {
  const text = syntaxText(arg.syntax);
  // A text the grammar does not know (`see documentation`) leaves the arg's name as the evidence.
  const syntax = text === undefined ? undefined : (parseSyntaxText(text) ?? formByName(name));
  const combined = combine(byName(name, syntax), completionForm(name, arg, ctx));
  const form = combined && isWordListName(name) && combined.type !== "boolean" ? { ...combined, list: true as const } : combined;
  return toValueType(withWritten({ ...(form ?? { type: text === undefined ? "string" : "unknown" }), argName: name }, written));
}

/** Typed: a known RouterOS type other than string, a string with length bounds, or one with suggestions. */
export function isTyped(vt: ValueType): boolean {
  if (vt.routerosType === "unknown") return false;
  if (vt.routerosType !== "string") return true;
  return vt.reply.minLength !== undefined || vt.reply.maxLength !== undefined || vt.extensions?.["x-routeros-suggestions"] !== undefined;
}
