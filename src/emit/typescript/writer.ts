/**
 * JSDoc for the generated code, on ts-morph's code-block-writer (created by
 * client.ts, with its fixed style): types only here, so that the menu shapes
 * the site reads load no ts-morph.
 */
import type { CodeBlockWriter } from "ts-morph";
import type { ArchExtensions, VersionExtensions } from "../../openapi/extensions.js";

export type Writer = CodeBlockWriter;

/** The JSDoc text of a node: its description, then `@since` / `@deprecated` from a merged multi-version document, and the architecture it is on alone. */
export function docText(description: string | undefined, versions: VersionExtensions & ArchExtensions = {}): string {
  const arch = versions["x-routeros-arch"];
  const tags = [
    ...(arch?.only
      ? [
          `@remarks ${arch.only} only (of ${arch.compared.join(", ")})${arch.fromComparison ? "; known from the comparison's paths alone, untyped" : ""}`,
        ]
      : []),
    ...(versions["x-routeros-since"] ? [`@since RouterOS ${versions["x-routeros-since"]}`] : []),
    ...(versions["x-routeros-removed-in"] ? [`@deprecated Removed in RouterOS ${versions["x-routeros-removed-in"]}`] : []),
  ];
  return [description, tags.join("\n")].filter(Boolean).join("\n\n");
}

/** Writes a JSDoc block (one line when the text is one line; `*​/` defused). */
export function writeDocs(w: Writer, text: string): void {
  if (!text) return;
  const lines = text.replace(/\*\//g, "*\\/").split("\n");
  if (lines.length === 1) {
    w.writeLine(`/** ${lines[0]} */`);
    return;
  }
  w.writeLine("/**");
  for (const line of lines) w.writeLine(` * ${line}`.trimEnd());
  w.writeLine(" */");
}
