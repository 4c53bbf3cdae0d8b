/**
 * The shared hostile dump (test/fixtures/hostile/model.json): a small model
 * whose menu, command and arg names, descriptions, syntax texts and
 * completions try to break out of whatever they are written into (quotes,
 * comment closers, template literals, `</script>`, line separators, ANSI
 * escapes, direction marks, NUL, Markdown and Postman `{{...}}`). Each
 * payload runs `globalThis.__rosapiPwned=1`: an output is inert when that
 * identifier never appears as code in it and the flag stays unset.
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { loadModel } from "../../src/model/load.js";
import type { SchemaModel } from "../../src/model/types.js";

const HOSTILE_MODEL_FILE = fileURLToPath(new URL("../fixtures/hostile/model.json", import.meta.url));
/** The identifier every payload assigns to. */
export const PWNED = "__rosapiPwned";

export const hostileModel = (): Promise<SchemaModel> => loadModel(HOSTILE_MODEL_FILE);

/** Whether the flag was set by anything that ran. */
export const pwned = (): boolean => (globalThis as Record<string, unknown>)[PWNED] !== undefined;

/**
 * Parses JavaScript or TypeScript source: its syntax errors, and whether the
 * payload's identifier appears as code (not inside a string or a comment).
 */
export function inspectSource(text: string, fileName: string): { errors: string[]; payloadAsCode: boolean } {
  const kind = fileName.endsWith(".d.ts") || fileName.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const errors = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  let payloadAsCode = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === PWNED) payloadAsCode = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { errors, payloadAsCode };
}
