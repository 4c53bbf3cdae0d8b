/** The value types over every real dump: every syntax text understood, 95% typed, no router object in an enum. */
import { describe, expect, it } from "vitest";
import { syntaxText } from "../../../src/model/syntax-text.js";
import { forEachCommand } from "../../../src/model/walk.js";
import { inlineValueSchemas } from "../../../src/openapi/index.js";
import { argValueType, parseSyntaxText, typeContext, typingCoverage } from "../../../src/openapi/types/index.js";
import { DUMPS, dump, loadDump } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";

/** Texts that name no form; the arg's name or completions type those args. */
const UNTYPED_TEXTS = new Set(["see documentation"]);

/** Objects of the CHR that the 7.22.3 dump was taken from. */
const CHR_OBJECTS = [
  "ether1",
  "lo",
  "serial0",
  "admin",
  "client1",
  "default-encryption",
  "default-small",
  "static-only",
  "skins/",
  "default-trial",
];

/** Every word list in a document: enums, and the word lists kept in extensions. */
function wordLists(node: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(node)) for (const item of node) wordLists(item, out);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "enum" || key === "x-routeros-enum" || key === "x-routeros-special") && Array.isArray(value))
        out.push(value.map(String));
      else wordLists(value, out);
    }
  }
  return out;
}

describe.each(DUMPS)("value types of $name", (d) => {
  it("understand every syntax text", async () => {
    const texts = new Set<string>();
    forEachCommand((await loadDump(d)).root, (command) => {
      for (const arg of Object.values(command.args)) {
        const text = syntaxText(arg.syntax);
        if (text !== undefined) texts.add(text);
      }
    });
    const unknown = [...texts].filter((t) => !UNTYPED_TEXTS.has(t) && parseSyntaxText(t) === undefined);
    expect(unknown).toEqual([]);
  });

  it("type at least 95% of described args beyond a bare string", async () => {
    const coverage = typingCoverage(await loadDump(d));
    expect(coverage.share, JSON.stringify(coverage)).toBeGreaterThanOrEqual(0.95);
  });
});

describe("router objects", () => {
  const deep = dump("7.22.3-deep");
  it.skipIf(!deep)("never become enums (7.22.3 deep: interfaces, users, profiles, obj-* completions)", async () => {
    const model = await loadDump(deep!);
    const lists = wordLists(inlineValueSchemas(await documentOf(deep!)));
    expect(lists.length).toBeGreaterThan(1000);
    expect(lists.filter((list) => CHR_OBJECTS.some((o) => list.includes(o)))).toEqual([]);
    // Per arg: a word the router styles as an object (`main` under vrf) never sits in that arg's word lists.
    const ctx = typeContext(model);
    const leaks: string[] = [];
    forEachCommand(model.root, (command, commandName, path) => {
      for (const [name, arg] of Object.entries(command.args)) {
        const objects = new Set((arg.completions ?? []).filter((c) => c.style.startsWith("obj-")).map((c) => c.word));
        if (objects.size === 0) continue;
        const words = wordLists(argValueType(name, arg, ctx)).flat();
        if (words.some((w) => objects.has(w))) leaks.push(`/${path.join("/")}/${commandName} ${name}`);
      }
    });
    expect(leaks).toEqual([]);
  });
});

describe.skipIf(!dump("7.22.3-deep"))("keyword args (completions of style arg only)", () => {
  it("are closed vocabularies or booleans, never references", async () => {
    const model = await loadDump(dump("7.22.3-deep")!);
    const ctx = typeContext(model);
    const asReferences: string[] = [];
    let keywordArgs = 0;
    forEachCommand(model.root, (command, commandName, path) => {
      for (const [name, arg] of Object.entries(command.args)) {
        const words = (arg.completions ?? []).filter((c) => c.style !== "syntax-meta");
        if (words.length < 2 || !words.every((c) => c.style === "arg")) continue;
        keywordArgs++;
        if (argValueType(name, arg, ctx).routerosType === "reference") asReferences.push(`/${path.join("/")}/${commandName} ${name}`);
      }
    });
    expect(keywordArgs).toBeGreaterThan(1000);
    expect(asReferences).toEqual([]);
  });
});
