/**
 * The runtime templates (src/templates/: runtime.ts, the duration reader
 * it imports, and the API protocol's codec), as the client ships them (JavaScript and declarations,
 * transpiled from the one source), and the names the runtime exports, read
 * from its source rather than kept by hand.
 */
import { readFileSync } from "node:fs";
import { ts } from "ts-morph";

/** The template's source text: resolves from src/ and from dist/ alike, both two levels below the package root. */
const template = (name: string): string => readFileSync(new URL(`../../../src/templates/${name}.ts`, import.meta.url), "utf8");

const RUNTIME = template("runtime");

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
let shipped: { name: string; js: string; dts: string }[] | undefined;

/** The templates as `<name>.js` and `<name>.d.ts` (transpiled once per process: no type check, so it is quick). */
export function runtimeFiles(): { name: string; js: string; dts: string }[] {
  shipped ??= ["duration", "api-codec", "runtime"].map((name) => {
    const source = name === "runtime" ? RUNTIME : template(name);
    const fileName = `${name}.ts`;
    const js = ts.transpileModule(source, { compilerOptions: options, fileName }).outputText;
    const declarations = ts.transpileDeclaration(source, { compilerOptions: options, fileName, reportDiagnostics: true });
    if (declarations.diagnostics?.length) throw new Error(`src/templates/${fileName} must declare every exported type explicitly`);
    return { name, js, dts: declarations.outputText };
  });
  return shipped;
}
