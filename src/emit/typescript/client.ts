/**
 * The emitter view → a typed client for TypeScript and JavaScript alike:
 * per top-level menu a declaration file (its types and its menu's type) and
 * a JavaScript module (its menu object), shared types, the runtime
 * transpiled from src/templates/, and an index with `createClient`.
 *
 * Declarations rather than TypeScript sources, so that a program using the
 * client type-checks only what it calls (with `skipLibCheck`, as `tsc --init`
 * sets it) instead of the whole client on every build. Code is written
 * through one printer with a fixed style (newWriter below); names and imports go
 * through the symbol table (symbols.ts).
 */
import { CodeBlockWriter } from "ts-morph";
import type { OutputFile } from "../../io/files.js";
import { UniqueNames } from "../../openapi/names.js";
import { type EmitterView, type MenuNode, type ViewOperation } from "../../view/index.js";
import { ownership, SHARED, writeDeclaration } from "./declarations.js";
import { menuShape, rootShape, topMembers, writeMenuObject, writeMenuType, type MenuShape } from "./menus.js";
import { identifier, memberName } from "./names.js";
import { API_TRANSPORT_FILE, apiTransportExports, runtimeExports, runtimeFiles } from "./runtime-names.js";
import { SymbolTable, RUNTIME_FILE, type ImportLine } from "./symbols.js";
import type { TypeContext } from "./types.js";
import { writeDocs, type Writer } from "./writer.js";

/** The one printer of the generated code: code-block-writer with a fixed style (two spaces, double quotes, `\n`). */
const newWriter = (): Writer => new CodeBlockWriter({ indentNumberOfSpaces: 2, useTabs: false, newLine: "\n", useSingleQuote: false });

const ROOT = "root";
const INDEX = "index";

/** The declarations import the names they use as types; the code, those it uses as values. */
function importText({ from, names }: ImportLine, as: "type" | "value"): string | undefined {
  const used = names.filter((n) => n[as]).map((n) => n.name);
  if (used.length === 0) return undefined;
  return `import ${as === "type" ? "type " : ""}{ ${used.join(", ")} } from "./${from}.js";`;
}
const importsText = (lines: ImportLine[], as: "type" | "value"): string => lines.flatMap((line) => importText(line, as) ?? []).join("\n");

/** Every operation of a menu and its submenus. */
const operationsUnder = (node: MenuNode): ViewOperation[] => [...node.operations, ...[...node.children.values()].flatMap(operationsUnder)];

/** `ip` → `IpMenu`: the type of a top-level menu's object. */
const menuTypeName = (name: string): string => {
  const member = memberName(name);
  return `${member[0]!.toUpperCase()}${member.slice(1)}Menu`;
};

interface MenuModule {
  file: string;
  function: string;
  type: string;
  doc: string;
  shape: MenuShape;
}

export function writeClient(view: EmitterView): OutputFile[] {
  const tops = [...view.tree.children.values()];
  // Distinct names can meet as members (`a-b`, `aB`) or as file names on a case-insensitive disk: each gets its own.
  const memberOf = topMembers(view);
  const files = new UniqueNames([ROOT, INDEX, SHARED, ...runtimeFiles().map((f) => f.name)]);
  const fileOf = memberOf.map((member) => files.claim(member, (name) => name.toLowerCase()));
  const fileOfOp = new Map<ViewOperation, string>(view.tree.operations.map((op) => [op, ROOT]));
  tops.forEach((top, i) => operationsUnder(top).forEach((op) => fileOfOp.set(op, fileOf[i]!)));
  const owner = ownership(view.operations, (op) => fileOfOp.get(op)!);

  const symbols = new SymbolTable(runtimeExports());
  // The index re-exports the API transport's names too: they are taken before any component's.
  for (const name of apiTransportExports()) symbols.declare(name, API_TRANSPORT_FILE);
  const client = symbols.declare("RouterOSClient", INDEX);
  // Shared value schemas are written in place (their request and reply types differ); object schemas by name.
  const declared = [...view.components].filter(([name]) => !view.valueComponents.has(name));
  const typeNames = new Map<string, string>();
  for (const [name] of declared) typeNames.set(name, symbols.declare(name, owner.get(name) ?? SHARED));

  const declarations = new Map<string, Writer>();
  const writer = (file: string) => declarations.get(file) ?? declarations.set(file, newWriter()).get(file)!;
  const context = (file: string): TypeContext => ({
    view,
    ref: (component) => symbols.use(typeNames.get(component)!, file),
    runtime: (name, as) => symbols.use(name, file, as),
  });
  const separate = (w: Writer) => {
    if (w.getLength() > 0) w.blankLine();
  };
  for (const [name, schema] of declared) {
    const file = owner.get(name) ?? SHARED;
    const w = writer(file);
    separate(w);
    writeDeclaration(w, typeNames.get(name)!, schema, view.requestComponents.has(name), context(file));
  }

  const module = (file: string, name: string, typeName: string, doc: string, shape: (ctx: TypeContext) => MenuShape): MenuModule => ({
    file,
    function: symbols.declare(name, file),
    type: symbols.declare(typeName, file),
    doc,
    shape: shape(context(file)),
  });
  // Root commands sit beside the top-level menus and close() in the client object: menus keep their names.
  const rootModule = module(ROOT, ROOT, "RootMenu", "The root menu's commands.", (ctx) => rootShape(view, ctx));
  const topModules = tops.map((top, i) =>
    module(fileOf[i]!, identifier(top.name), menuTypeName(top.name), `The ${top.menu} menu.`, (ctx) => menuShape(top, ctx)),
  );
  const code = new Map<string, Writer>();
  for (const m of [rootModule, ...topModules]) {
    const transport = context(m.file).runtime("Transport");
    const w = writer(m.file);
    separate(w);
    writeDocs(w, m.doc);
    w.write(`export interface ${m.type} `);
    writeMenuType(w, m.shape);
    w.blankLine();
    writeDocs(w, m.doc);
    w.writeLine(`export declare function ${m.function}(t: ${transport}): ${m.type};`);
    const js = newWriter();
    js.write(`export function ${m.function}(t) `).block(() => {
      js.write("return ");
      writeMenuObject(js, m.shape);
      js.write(";").newLine();
    });
    code.set(m.file, js);
  }

  const version = view.version === "unknown" ? "(version unknown)" : view.version;
  const header = `/** Generated by rosapi from the OpenAPI document of RouterOS ${version}. Do not edit. */\n`;
  const withImports = (imports: string, body: string) => `${header}${imports ? `${imports}\n\n` : ""}${body}\n`;
  const written = [...declarations.keys()].sort();
  const out: OutputFile[] = written.flatMap((file) => {
    const imports = symbols.importsOf(file);
    const js = code.get(file);
    return [
      { path: `client/${file}.d.ts`, content: withImports(importsText(imports, "type"), declarations.get(file)!.toString()) },
      ...(js ? [{ path: `client/${file}.js`, content: withImports(importsText(imports, "value"), js.toString()) }] : []),
    ];
  });

  const [types, js] = [newWriter(), newWriter()];
  const use = (name: string, as: "type" | "value") => symbols.use(name, INDEX, as);
  const options = use("ClientOptions", "type");
  const [rest, api] = [use("RestTransport", "value"), use("ApiTransport", "value")];
  for (const m of [rootModule, ...topModules]) {
    use(m.type, "type");
    use(m.function, "value");
  }
  const imports = symbols.importsOf(INDEX);
  const doc =
    'A client for one router: `createClient({ baseUrl: "https://192.168.88.1/rest", username, password, tls: { insecure: true } })`,\n' +
    'or over the API protocol: `createClient({ transport: "api", host: "192.168.88.1", tls: {}, username, password })`.\n' +
    "Menus are properties (`ros.ip.address.list()`), console commands are methods (`ros.ping({ address, count: 3 })`).";

  types.writeLine(`export * from "./${RUNTIME_FILE}.js";`);
  types.writeLine(`export * from "./${API_TRANSPORT_FILE}.js";`);
  for (const file of written) types.writeLine(`export type * from "./${file}.js";`);
  types.blankLine();
  writeDocs(types, "One router's menus, as `createClient` returns them.");
  types.write(`export interface ${client} extends ${rootModule.type} `).block(() => {
    topModules.forEach((m, i) => {
      writeDocs(types, m.doc);
      types.writeLine(`${memberOf[i]}: ${m.type};`);
    });
    types.writeLine("/** Closes the client's connections. */");
    types.writeLine("close(): Promise<void>;");
  });
  types.blankLine();
  writeDocs(types, doc);
  types.write(`export declare function createClient(options: ${options}): ${client};`);

  js.writeLine(`export * from "./${RUNTIME_FILE}.js";`);
  js.writeLine(`export * from "./${API_TRANSPORT_FILE}.js";`);
  js.blankLine();
  writeDocs(js, doc);
  js.write("export function createClient(options) ").block(() => {
    js.writeLine(`const t = options.transport === "api" ? new ${api}(options) : new ${rest}(options);`);
    js.write("return ").inlineBlock(() => {
      js.writeLine(`...${rootModule.function}(t),`);
      topModules.forEach((m, i) => js.writeLine(`${memberOf[i]}: ${m.function}(t),`));
      js.writeLine("close: () => t.close(),");
    });
    js.write(";").newLine();
  });

  out.push(
    { path: "client/index.d.ts", content: withImports(importsText(imports, "type"), types.toString()) },
    { path: "client/index.js", content: withImports(importsText(imports, "value"), js.toString()) },
    ...runtimeFiles().flatMap(({ name, js, dts }) => [
      { path: `client/${name}.d.ts`, content: dts },
      { path: `client/${name}.js`, content: js },
    ]),
  );
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}
