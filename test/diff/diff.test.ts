import { describe, expect, it } from "vitest";
import { diffModels, formatDiff } from "../../src/diff/index.js";
import { definitionRow } from "../../src/model/restraml.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { tinyModel } from "../helpers/tiny-model.js";

describe("diffModels", () => {
  const older = tinyModel();
  const newer = tinyModel();
  newer.header.version = "7.99";
  const address = newer.root.menus.ip!.menus.address!;
  address.commands.add!.args.address!.syntax = [definitionRow("A.B.C.D/M    (IPv4 prefix)")];
  address.commands.add!.args.vrf = { kind: "arg" };
  delete address.commands.export;
  address.properties!.vrf = {};
  newer.root.menus.tool = { kind: "menu", nodeType: "dir", menus: {}, commands: { sniff: { kind: "command", args: { x: { kind: "arg" } } } } };
  const diff = diffModels(older, newer, { from: "old.json" });

  it("lists only the top of each added or removed subtree", () => {
    expect(diff.added).toEqual([
      { kind: "property", path: "/ip/address .vrf" },
      { kind: "arg", path: "/ip/address/add vrf" },
      { kind: "menu", path: "/tool" },
    ]);
    expect(diff.removed).toEqual([{ kind: "command", path: "/ip/address/export" }]);
  });

  it("reports changed syntax texts, and labels versions", () => {
    expect(diff.changed).toEqual([
      { kind: "arg", path: "/ip/address/add address", field: "syntax", from: "A.B.C.D/M    (IP prefix)", to: "A.B.C.D/M    (IPv4 prefix)" },
    ]);
    expect([diff.from, diff.to]).toEqual([older.header.version ?? "old.json", "7.99"]);
    expect(formatDiff(diff)).toContain("added: 1 menu, 1 arg, 1 property");
  });

  it("finds nothing between a tree and itself", () => {
    expect(diffModels(older, tinyModel())).toMatchObject({ added: [], removed: [], changed: [] });
  });
});

describe("diff of real versions", () => {
  const [a, b] = [dump("7.20.8"), dump("7.22.3-deep")];
  it.skipIf(!a || !b)("7.20.8 -> 7.22.3: new commands appear, and property lists are not compared against a tree without them", async () => {
    const diff = diffModels(await loadDump(a!), await loadDump(b!));
    expect(diff.added.length).toBeGreaterThan(0);
    expect(diff.added.some((n) => n.kind === "property")).toBe(false);
    expect(diff.changed.every((c) => c.from !== c.to)).toBe(true);
  });
});
