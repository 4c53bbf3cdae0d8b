/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- these cases edit a model's raw JSON by hand to break it */
/**
 * The model format's published JSON Schema (schemas/model.schema.json): real
 * models pass it, it stays in step with src/model/types.ts, and every
 * malformed model ends in one message naming the file, the JSON path and what
 * was expected.
 */
import { readFileSync } from "node:fs";
import { Project, type InterfaceDeclaration } from "ts-morph";
import { describe, expect, it } from "vitest";
import { schemaFile, validateAtDoor } from "../../src/io/door.js";
import { UserError } from "../../src/io/errors.js";
import { modelFromJson, serializeModel } from "../../src/model/load.js";
import type { SchemaModel } from "../../src/model/types.js";
import { sampleModel } from "../../src/sample/index.js";
import { DUMPS, dumpsPresent, loadDump, dumpsOf } from "../helpers/dumps.js";
import { tinyModel } from "../helpers/tiny-model.js";

interface JsonSchema {
  required?: string[];
  properties?: Record<string, unknown>;
  $defs?: Record<string, JsonSchema>;
}

const schema = JSON.parse(readFileSync(schemaFile("model"), "utf8")) as JsonSchema;
/** A model as a file holds it: our own format, JSON. */
const asFile = (model: SchemaModel): unknown => JSON.parse(serializeModel(model));

describe("model schema: real models pass", () => {
  it("the sample tree and the tiny model", () => {
    expect(() => validateAtDoor("model", asFile(sampleModel()), "sample")).not.toThrow();
    expect(() => validateAtDoor("model", asFile(tinyModel()), "tiny")).not.toThrow();
  });

  // Each tier reads its own dumps (quick: 7.22.3 extra; the full tier the other five): together all six.
  it.skipIf(!dumpsPresent)("the models of all six shared dumps", async () => {
    expect(dumpsOf("all")).toHaveLength(6);
    for (const dump of DUMPS) {
      const model = asFile(await loadDump(dump));
      expect(() => validateAtDoor("model", model, dump.name), dump.name).not.toThrow();
      // And read back as a model file, whole.
      expect(modelFromJson(model, dump.name).header.source.kind).toMatch(/^restraml/);
    }
  });
});

describe("model schema: in step with src/model/types.ts", () => {
  const project = new Project({
    tsConfigFilePath: new URL("../../tsconfig.json", import.meta.url).pathname,
    skipAddingFilesFromTsConfig: true,
  });
  const types = project.addSourceFileAtPath(new URL("../../src/model/types.ts", import.meta.url).pathname);
  const fields = (decl: InterfaceDeclaration) => {
    const all = [...decl.getBaseDeclarations(), decl].flatMap((d) => (d as InterfaceDeclaration).getProperties());
    return {
      all: all.map((p) => p.getName()).sort(),
      required: all
        .filter((p) => !p.hasQuestionToken())
        .map((p) => p.getName())
        .sort(),
    };
  };
  const defs: Record<string, JsonSchema> = { ...schema.$defs, SchemaModel: schema };
  const interfaces = types.getInterfaces();

  it("every interface of the model has a definition with the same fields, the same ones required", () => {
    for (const decl of interfaces) {
      const def = defs[decl.getName()];
      expect(def, `schema definition of ${decl.getName()}`).toBeDefined();
      const { all, required } = fields(decl);
      expect(Object.keys(def!.properties ?? {}).sort(), decl.getName()).toEqual(all);
      expect([...(def!.required ?? [])].sort(), decl.getName()).toEqual(required);
    }
  });

  it("the header's source: the same fields and kinds as ModelHeader.source", () => {
    const source = interfaces.find((d) => d.getName() === "ModelHeader")!.getPropertyOrThrow("source");
    const names = source
      .getType()
      .getProperties()
      .map((p) => p.getName())
      .sort();
    expect(Object.keys(defs.ModelSource!.properties!).sort()).toEqual(names);
    const kinds = types
      .getTypeAliasOrThrow("SourceKind")
      .getType()
      .getUnionTypes()
      .map((t) => t.getLiteralValue());
    expect(((defs.ModelSource!.properties!["kind"] as { enum: string[] }).enum as unknown[]).sort()).toEqual(kinds.sort());
  });
});

/** A copy of the tiny model, changed by `change`, through the loader. */
function loadChanged(change: (model: Record<string, any>) => void): string {
  const model = asFile(tinyModel()) as Record<string, any>;
  change(model);
  try {
    modelFromJson(model, "bad.json");
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error("accepted");
}

describe("model schema: malformed models get one message naming the file, the path and what was expected", () => {
  const address = (m: Record<string, any>) => m["root"].menus.ip.menus.address;
  it.each([
    ["a root without menus", (m: any) => delete m.root.menus, `bad.json: $.root: missing the field "menus"`],
    [
      "a syntax row whose text is a number",
      (m: any) => (address(m).commands.add.args.address.syntax[0].text = 3),
      `bad.json: $.root.menus.ip.menus.address.commands.add.args.address.syntax[0].text: expected a string, got a number (3)`,
    ],
    [
      "a completion without a word",
      (m: any) => (address(m).commands.add.args.disabled.completions[0].word = null),
      `bad.json: $.root.menus.ip.menus.address.commands.add.args.disabled.completions[0].word: expected a string, got null`,
    ],
    ["a header without a source", (m: any) => delete m.header.source, `bad.json: $.header: missing the field "source"`],
    [
      "a version given as a number",
      (m: any) => (m.header.version = 7.2),
      `bad.json: $.header.version: expected a string, got a number (7.2)`,
    ],
    [
      "commands given as a string",
      (m: any) => (m.root.commands = "print"),
      `bad.json: $.root.commands: expected an object, got the string "print"`,
    ],
    [
      "a menu whose kind says command",
      (m: any) => (m.root.menus.ip.kind = "command"),
      `bad.json: $.root.menus.ip.kind: expected "menu", got the string "command"`,
    ],
    [
      "a null syntax",
      (m: any) => (address(m).commands.add.args.address.syntax = null),
      `bad.json: $.root.menus.ip.menus.address.commands.add.args.address.syntax: expected an array, got null`,
    ],
    [
      "a menu named __proto__",
      (m: any) => Object.defineProperty(m.root.menus, "__proto__", { value: m.root.menus.ip, enumerable: true }),
      `bad.json: $.root.menus: the name "__proto__" is not allowed`,
    ],
    [
      "an ANSI escape in a bad name comes out inert",
      (m: any) => (m.root.menus["\u001b[31mred"] = 5),
      `bad.json: $.root.menus["\\u001b[31mred"]: expected an object, got a number (5)`,
    ],
    ["another format version", (m: any) => (m.formatVersion = 2), `bad.json: unsupported model format version 2`],
  ])("%s", (_, change, message) => {
    expect(loadChanged(change)).toBe(message);
  });

  it("menus nested 3,000 deep: a depth limit, not a stack overflow", () => {
    const message = loadChanged((m) => {
      let menu = m["root"];
      for (let i = 0; i < 3000; i++) menu = menu.menus.x = { kind: "menu", nodeType: "dir", menus: {}, commands: {} };
    });
    expect(message).toMatch(/^bad\.json: nested deeper than 128 levels, at \$\.root\.menus\.x\.menus\.x\.menus\.x\.menus…$/);
  });

  it("a restraml dump: its node, path and what was expected", () => {
    expect(() =>
      modelFromJson({ ip: { _type: "path", add: { _type: "cmd", address: { _type: "arg", desc: 5 } } } }, "inspect.json"),
    ).toThrow(/^inspect\.json: \$\.ip\.add\.address\.desc: /);
    expect(() =>
      modelFromJson({ ip: { _type: "path", x: { _type: "arg", _completion: { a: { preference: "high" } } } } }, "i.json"),
    ).toThrow(`i.json: $.ip.x._completion.a.preference: expected a number, got the string "high"`);
  });
});
