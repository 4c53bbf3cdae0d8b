/**
 * Value types: what an arg accepts and a property holds, from the arg's
 * syntax text (the grammar in syntax.ts) and its completions (vocabulary.ts).
 */
export type { ValueType } from "./form.js";
export { argValueType } from "./value-type.js";
export { typeContext, type TypeContext } from "./references.js";
export { parseSyntaxText } from "./syntax.js";
export { typingCoverage } from "./coverage.js";
