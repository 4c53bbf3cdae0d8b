/**
 * How much of a tree the value types understand: of the args that carry a
 * syntax text or a vocabulary (two or more words), the share typed beyond a
 * bare string. Args whose syntax says just `string value` are strings, and
 * counted apart: no typing can say more of them.
 */
import type { SchemaModel } from "../../model/types.js";
import { syntaxText } from "../../model/syntax-text.js";
import { forEachCommand } from "../../model/walk.js";
import { argValueType, isTypedBeyondString, typeContext } from "./index.js";

export interface TypingCoverage {
  /** Args with a syntax text or a vocabulary of two or more words. */
  described: number;
  /** Of those, args whose syntax is exactly `string value`. */
  plainStrings: number;
  /** Of the rest, args typed beyond a bare string. */
  typed: number;
  /** typed / (described - plainStrings). */
  share: number;
}

export function typingCoverage(model: SchemaModel): TypingCoverage {
  const ctx = typeContext(model);
  const result = { described: 0, plainStrings: 0, typed: 0 };
  forEachCommand(model.root, (command) => {
    for (const [name, arg] of Object.entries(command.args)) {
      const text = syntaxText(arg.syntax);
      const vocabulary = (arg.completions ?? []).filter((c) => c.style === "none" || c.style === "arg").length >= 2;
      if (text === undefined && !vocabulary) continue;
      result.described++;
      if (text === "string value") result.plainStrings++;
      else if (isTypedBeyondString(argValueType(name, arg, ctx))) result.typed++;
    }
  });
  return { ...result, share: result.typed / Math.max(1, result.described - result.plainStrings) };
}
