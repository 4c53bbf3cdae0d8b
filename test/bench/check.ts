/**
 * Benchmark: `rosapi check`. A configuration of 10,000 command lines generated from a dump (every menu's
 * add, each with the args whose document example its own type accepts), parsed and checked once the tree
 * is loaded (target < 1 s), and the upgrade check of the same configuration to a newer tree.
 *
 *   npm run bench:check
 */
import { timed as step } from "./timed.js";
import { checkConfig, checkTree, upgradeFindings, type CheckTree } from "../../src/check/index.js";
import { parseConfig, writeValue } from "../../src/config/index.js";
import { loadModel } from "../../src/model/index.js";
import type { Menu } from "../../src/model/types.js";
import { buildDocument } from "../../src/openapi/build.js";
import { fits } from "../../src/openapi/types/fits.js";
import { buildView } from "../../src/view/index.js";
import { dump } from "../helpers/dumps.js";

const LINES = 10_000;

const timed = <T>(label: string, fn: () => T | Promise<T>): Promise<T> => step(label, fn, 60);

const [older, newer] = [dump("7.22.3-extra"), dump("7.23.3")];
if (!older || !newer) throw new Error("bench:check needs ../shared/routeros/7.22.3/extra and 7.23.3");

async function load(file: string, label: string): Promise<CheckTree> {
  const model = await loadModel(file);
  return checkTree(model, (await buildDocument(model)).document, label);
}

/** `add` lines for every menu that has one, with the args whose example fits their own type, repeated to `count` lines. */
async function generate(tree: CheckTree, file: string, count: number): Promise<string> {
  const view = buildView((await buildDocument(tree.model)).document);
  const sections: string[][] = [];
  const visit = (menu: Menu, path: string[]): void => {
    const menuPath = `/${path.join("/")}`;
    const schemas = menu.commands["add"] ? tree.schemas(menuPath, "add") : undefined;
    if (schemas) {
      const args = [...schemas.args].flatMap(([name, schema]) => {
        const example = view.example(schema);
        return example !== undefined && fits(schema, String(example)) && name !== "copy-from"
          ? [`${name}=${writeValue(String(example))}`]
          : [];
      });
      sections.push([`/${path.join(" ")}`, `add ${args.join(" ")}`.trimEnd()]);
    }
    for (const [name, child] of Object.entries(menu.menus)) visit(child, [...path, name]);
  };
  visit(tree.model.root, []);
  const out = [`# generated from ${file} by RouterOS ${tree.version}`];
  for (let i = 0, lines = 0; lines < count; i++, lines++) out.push(...sections[i % sections.length]!);
  return `${out.join("\n")}\n`;
}

console.log("check:");
const tree = await timed("load the 7.22.3-extra tree and build its document", () => load(older.file, older.name));
const text = await generate(tree, older.name, LINES);
const parsed = await timed(`parse ${LINES.toLocaleString("en")} command lines (${(text.length / 1e6).toFixed(1)} MB)`, () =>
  parseConfig(text, "generated.rsc"),
);
const commands = parsed.items.filter((i) => i.kind === "command").length;
const findings = await timed("check them against the tree", () => checkConfig(parsed, tree));
console.log(`    ${commands} commands, ${findings.length} findings   (target < 1000 ms for parse + check)`);
const target = await timed("load the 7.23.3 tree and build its document", () => load(newer.file, newer.name));
const upgrade = await timed("upgrade check 7.22.3-extra -> 7.23.3 (two checks, one diff)", () => upgradeFindings(parsed, tree, target));
console.log(`    ${upgrade.length} findings (menus of the extra packages that the base 7.23.3 tree lacks, among them)`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
