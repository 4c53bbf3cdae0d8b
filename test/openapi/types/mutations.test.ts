/**
 * Closed grammars stay enforced: values that break them (a length past `max
 * length`, a number past its range, a word outside a spelled-out list, a
 * malformed MAC or duration) are rejected by the request body schemas of the
 * 7.22.3 deep document, at least 98% of them.
 */
import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { inlineValueSchemas } from "../../../src/openapi/index.js";
import { valueFacts } from "../../../src/openapi/extensions.js";
import { dump } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";
import { documentValidator } from "../../helpers/ajv.js";

type Schema = OpenAPIV3.SchemaObject;

/** Values that break the closed grammar of one arg schema, by what its facts say. */
function mutations(schema: Schema): unknown[] {
  const facts = valueFacts(schema);
  const typed = (schema.oneOf?.[1] ?? schema) as Schema;
  const out: unknown[] = [];
  if (typed.maxLength !== undefined) out.push("x".repeat(typed.maxLength + 1));
  const range = facts["x-routeros-range"];
  if (
    facts["x-routeros-type"] === "integer" &&
    !facts["x-routeros-list"] &&
    typeof range?.max === "number" &&
    Number.isSafeInteger(range.max + 1)
  ) {
    out.push(range.max + 1, String(range.max + 1));
  }
  if (facts["x-routeros-type"] === "integer" && !facts["x-routeros-list"] && typeof range?.min === "number" && range.min > 0)
    out.push(String(range.min - 1));
  if (facts["x-routeros-enum"]) out.push("not-a-word-of-it");
  if (facts["x-routeros-type"] === "mac") out.push("00:0C:29:AB:CD", "00:0C:29:AB:CD:GG");
  if (facts["x-routeros-type"] === "duration") out.push("1x", "P1D", "10 s");
  return out;
}

describe.skipIf(!dump("7.22.3-deep"))("mutated values", () => {
  it("that break a closed grammar are rejected (98%)", async () => {
    const doc = inlineValueSchemas(await documentOf(dump("7.22.3-deep")!));
    const { compile } = documentValidator(doc);
    let tried = 0;
    const accepted: string[] = [];
    for (const [name, body] of Object.entries(doc.components!.schemas!)) {
      for (const [arg, property] of Object.entries((body as Schema).properties ?? {})) {
        for (const value of mutations(property as Schema)) {
          tried++;
          if (compile(property)(value)) accepted.push(`${name}.${arg}=${JSON.stringify(value)}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(5_000);
    console.info(`mutations: ${tried} tried, ${tried - accepted.length} rejected (${(100 * (1 - accepted.length / tried)).toFixed(2)}%)`);
    expect(accepted.length / tried, accepted.slice(0, 20).join("\n")).toBeLessThanOrEqual(0.02);
  });
});
