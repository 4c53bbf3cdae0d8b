/** Every `example` in the documents of every dump validates against its own schema (ajv + ajv-formats). */
import { describe, expect, it } from "vitest";
import { inlineValueSchemas } from "../../../src/openapi/index.js";
import { DUMPS } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";
import { documentValidator } from "../../helpers/ajv.js";

/** Every schema-like object that carries an `example`, with where it sits. */
function withExamples(node: unknown, at: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (Array.isArray(node)) node.forEach((item, i) => withExamples(item, `${at}/${i}`, out));
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    if ("example" in record && ("type" in record || "oneOf" in record || "anyOf" in record || "enum" in record)) out.push([at, record]);
    for (const [key, value] of Object.entries(record))
      if (key !== "example" && key !== "examples") withExamples(value, `${at}/${key}`, out);
  }
  return out;
}

describe.each(DUMPS)("examples of $name", (d) => {
  it("validate against their own schemas", async () => {
    const doc = inlineValueSchemas(await documentOf(d));
    const { compile } = documentValidator(doc);
    const found = withExamples(doc, "#");
    const byText = new Map<string, boolean>();
    const wrong: string[] = [];
    for (const [at, schema] of found) {
      const text = JSON.stringify(schema);
      let ok = byText.get(text);
      if (ok === undefined) byText.set(text, (ok = compile(schema)(schema.example)));
      if (!ok) wrong.push(`${at}: ${JSON.stringify(schema.example)}`);
    }
    expect(found.length).toBeGreaterThan(1000);
    expect(wrong.slice(0, 20)).toEqual([]);
  });
});
