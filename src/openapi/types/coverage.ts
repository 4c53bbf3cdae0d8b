/**
 * How much of a tree the value types understand: of the args that the
 * router describes (a syntax text, or completions that offer words), the
 * share that carries a type, a reference or suggestions. Args whose syntax
 * says just `string value` and that offer nothing are strings, counted
 * apart: no typing can say more of them.
 */
import type { SchemaModel } from "../../model/types.js";
import { syntaxText } from "../../model/syntax-text.js";
import { forEachCommand } from "../../model/walk.js";
import { typeContext } from "./references.js";
import { argValueType, isTyped } from "./value-type.js";

export interface TypingCoverage {
  /** Args with a syntax text or word completions. */
  described: number;
  /** Of those, plain strings: syntax exactly `string value` and no words offered. */
  plainStrings: number;
  /** Of the rest, args that carry a type, a reference or suggestions. */
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
      const offered = (arg.completions ?? []).some((c) => c.style !== "syntax-meta");
      if (text === undefined && !offered) continue;
      result.described++;
      const vt = argValueType(name, arg, ctx);
      if (text === "string value" && vt.routerosType === "string" && !isTyped(vt)) result.plainStrings++;
      else if (isTyped(vt)) result.typed++;
    }
  });
  return { ...result, share: result.typed / Math.max(1, result.described - result.plainStrings) };
}
