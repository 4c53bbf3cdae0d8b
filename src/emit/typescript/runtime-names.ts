/**
 * The runtime template (templates/runtime.ts), as the client ships it
 * (JavaScript and declarations, transpiled from the one source), and the
 * names it exports, read from its source rather than kept by hand.
 */
import { readFileSync } from "node:fs";
import { ts } from "ts-morph";

/** Resolves from src/ and from dist/ alike: both sit two levels below the package root. */
export const RUNTIME = readFileSync(new URL("../../../templates/runtime.ts", import.meta.url), "utf8");

const exported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The template's exports, in source order. */
export function runtimeExports(source = RUNTIME): string[] {
  const file = ts.createSourceFile("runtime.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const node of file.statements) {
    if (!exported(node)) continue;
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) out.push(d.name.text);
    } else if (
      (ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isFunctionDeclaration(node)) &&
      node.name
    ) {
      out.push(node.name.text);
    }
  }
  return out;
}

// ES modules as the client's package is one (`transpileModule` has no package.json to tell it).
const options = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true };
let shipped: { js: string; dts: string } | undefined;

/** The template as `runtime.js` and `runtime.d.ts` (transpiled once per process: no type check, so it is quick). */
export function runtimeFiles(): { js: string; dts: string } {
  if (!shipped) {
    const js = ts.transpileModule(RUNTIME, { compilerOptions: options, fileName: "runtime.ts" }).outputText;
    const declarations = ts.transpileDeclaration(RUNTIME, { compilerOptions: options, fileName: "runtime.ts", reportDiagnostics: true });
    if (declarations.diagnostics?.length) throw new Error("templates/runtime.ts must declare every exported type explicitly");
    shipped = { js, dts: declarations.outputText };
  }
  return shipped;
}
