import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { diffModels, formatDiff, markdownDiff, type Change } from "../../src/diff/index.js";
import { definitionRow } from "../../src/model/restraml.js";
import { sampleModel } from "../../src/sample/index.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { tinyModel } from "../helpers/tiny-model.js";

const places = (c: Change): string[] => c.places ?? [c.path];

describe("diffModels", () => {
  const older = tinyModel();
  older.header.version = "7.98";
  const newer = tinyModel();
  const address = newer.root.menus.ip!.menus.address!;
  address.commands.add!.args.address!.syntax = [definitionRow("A.B.C.D/M    (IPv4 prefix)")];
  address.commands.add!.args.vrf = { kind: "arg" };
  delete address.commands.export;
  address.properties!.vrf = {};
  delete address.properties!.dynamic;
  newer.root.commands.ping!.args.count!.syntax = [definitionRow("1..100")];
  newer.root.menus.system!.menus.identity!.commands.set!.args.name!.syntax = [definitionRow("string value, max length 128")];
  newer.root.menus.tool = {
    kind: "menu",
    nodeType: "dir",
    menus: {},
    commands: { sniff: { kind: "command", args: { x: { kind: "arg" } } } },
  };
  const diff = diffModels(older, newer);
  const find = (kind: string, path: string) => diff.changes.find((c) => c.kind === kind && places(c).includes(path));

  it("names added and removed nodes at every level, the tops of subtrees only, with their REST consequence", () => {
    expect(find("added", "/tool")).toMatchObject({ level: "menu", breaking: false });
    expect(find("added", "/tool/sniff")).toBeUndefined();
    expect(find("added", "/ip/address/add vrf")).toMatchObject({
      level: "arg",
      breaking: false,
      rest: expect.arrayContaining(["PUT /ip/address body gains vrf"]),
    });
    expect(find("added", "/ip/address .vrf")).toMatchObject({ level: "property", rest: ["GET /ip/address items gains vrf"] });
    expect(find("removed", "/ip/address .dynamic")).toMatchObject({
      level: "property",
      breaking: true,
      rest: ["GET /ip/address items loses dynamic"],
    });
    expect(find("removed", "/ip/address/export")).toMatchObject({
      level: "command",
      breaking: true,
      rest: ["POST /ip/address/export is gone"],
    });
  });

  it("tells narrowed from widened values, and words from types", () => {
    expect(find("changed", "/ping count")).toMatchObject({ field: "range", before: "1..4294967295", after: "1..100", breaking: true });
    expect(find("changed", "/system/identity/set name")).toMatchObject({ field: "range", breaking: false });
    expect(find("changed", "/ip/address/add address")).toMatchObject({ field: "syntax", breaking: false });
    expect([diff.from, diff.to, diff.summary.breaking]).toEqual(["7.98", "7.99", 3]);
  });

  it("sees vocabularies and suggestions change", () => {
    const a = tinyModel();
    const b = tinyModel();
    a.root.commands.ping!.args.interval!.syntax = [definitionRow("fast|slow|never")];
    b.root.commands.ping!.args.interval!.syntax = [definitionRow("fast|slow|medium")];
    const disabled = b.root.menus.ip!.menus.address!.commands.add!.args.disabled!;
    disabled.completions = [...disabled.completions!, { word: "maybe", style: "none", preference: 1 }];
    const d = diffModels(a, b);
    expect(d.changes.find((c) => c.field === "enum")).toMatchObject({ added: ["medium"], removed: ["never"], breaking: true });
    expect(d.changes.find((c) => c.field === "suggestions")).toMatchObject({
      path: "/ip/address/add disabled",
      added: ["maybe"],
      breaking: false,
    });
  });

  it("finds a renamed arg in the sample tree, keeping both ends", () => {
    const a = sampleModel();
    const b = sampleModel();
    const add = b.root.menus.ip!.menus.address!.commands.add!;
    add.args.note = add.args.comment!;
    delete add.args.comment;
    const d = diffModels(a, b);
    expect(d.changes.find((c) => c.kind === "renamed")).toMatchObject({
      level: "arg",
      path: "/ip/address/add note",
      before: "comment",
      after: "note",
      breaking: true,
    });
    expect(d.changes.some((c) => c.kind === "removed" && c.level === "arg")).toBe(false);
  });

  it("filters by menu and by breaking, and finds nothing between a tree and itself", () => {
    expect(diffModels(older, newer, { only: ["ip/address"] }).changes.every((c) => c.path.startsWith("/ip/address"))).toBe(true);
    expect(diffModels(older, newer, { breaking: true }).changes.every((c) => c.breaking)).toBe(true);
    expect(diffModels(tinyModel(), tinyModel()).changes).toEqual([]);
  });
});

type Raw = Record<string, unknown> & { _type?: string };

/** Menus, commands and args of a restraml dump, walked from its JSON (not through the model). */
function walk(node: Raw, path: string, out: Map<string, string>, level = "menu"): void {
  out.set(path || "/", level);
  for (const [name, child] of Object.entries(node)) {
    if (name.startsWith("_") || typeof child !== "object" || child === null) continue;
    const c = child as Raw;
    if (c._type === "arg") out.set(`${path} ${name}`, "arg");
    else walk(c, `${path}/${name}`, out, c._type === "cmd" ? "command" : "menu");
  }
}

const parentOf = (path: string): string =>
  path.includes(" ") ? path.slice(0, path.indexOf(" ")) : path.slice(0, path.lastIndexOf("/")) || "/";

describe("diff of real versions", () => {
  const [a, b] = [dump("7.20.8"), dump("7.23.3")];
  it.skipIf(!a || !b)(
    "7.20.8 -> 7.23.3: every added and removed node a direct walk finds, grouped, removals breaking; markdown and JSON render",
    async () => {
      const [before, after] = [new Map<string, string>(), new Map<string, string>()];
      walk(JSON.parse(await readFile(a!.file, "utf8")) as Raw, "", before);
      walk(JSON.parse(await readFile(b!.file, "utf8")) as Raw, "", after);
      const tops = (x: Map<string, string>, y: Map<string, string>) => [...x.keys()].filter((p) => !y.has(p) && y.has(parentOf(p))).sort();

      const diff = diffModels(await loadDump(a!), await loadDump(b!));
      const reported = (kind: "added" | "removed") =>
        diff.changes
          .flatMap((c) => {
            if (c.kind === kind) return places(c);
            if (c.kind !== "renamed") return [];
            return places(c).map((p) => (kind === "added" ? p : `${p.slice(0, p.indexOf(" "))} ${c.before}`));
          })
          .sort();
      expect(reported("added")).toEqual(tops(after, before));
      expect(reported("removed")).toEqual(tops(before, after));
      expect(diff.changes.filter((c) => c.kind === "removed").every((c) => c.breaking)).toBe(true);

      const comments = diff.changes.find((c) => c.kind === "added" && c.name === "comments" && c.path.includes("/print "));
      expect(comments?.count).toBeGreaterThan(100);
      expect(diff.changes.length).toBeLessThan(diff.summary.changes / 3);
      expect(formatDiff(diff)).toMatch(/arg .*comments.* added: print in \d+ menus/);

      const markdown = markdownDiff(diff);
      expect(markdown).toMatch(/^## RouterOS 7\.20\.8 → 7\.23\.3/);
      expect(markdown).toContain("### Breaking");
      expect(markdown).toMatch(/^- \[ \] /m);
      const json = JSON.parse(JSON.stringify(diff)) as typeof diff;
      expect(json).toMatchObject({ from: "7.20.8", to: "7.23.3", summary: { changes: expect.any(Number), breaking: expect.any(Number) } });
      for (const c of json.changes) expect(Object.keys(c)).toEqual(expect.arrayContaining(["kind", "level", "path", "breaking"]));
    },
    60_000,
  );
});
