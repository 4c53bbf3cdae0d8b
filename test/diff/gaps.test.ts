/**
 * A node one dump lacks while the trees before and after it have it is "absent from this dump", not
 * removed and added again: on hand-made trees through the whole site, and on the real dumps, where 7.20.8
 * lacks the `mlag-id` of /interface/bonding that 7.16 and 7.22.3 have.
 */
import { describe, expect, it } from "vitest";
import { diffModels, dumpGaps, type Change, type Gap } from "../../src/diff/index.js";
import { indexTree } from "../../src/model/nodes.js";
import type { SchemaModel } from "../../src/model/types.js";
import { buildSite } from "../../src/site.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { tinyModel } from "../helpers/tiny-model.js";

function version(v: string, edit: (m: SchemaModel) => void = () => {}): SchemaModel {
  const m = tinyModel();
  m.header.version = v;
  edit(m);
  return m;
}

describe("a site of three versions, the middle dump lacking a menu", () => {
  // 7.2 lacks /system/identity (7.1 and 7.3 have it): a gap. 7.1 alone has /ping's `interval`: removed in 7.2.
  const trees = [
    version("7.1"),
    version("7.2", (m) => {
      delete m.root.menus["system"]!.menus["identity"];
      delete m.root.commands["ping"]!.args["interval"];
    }),
    version("7.3", (m) => delete m.root.commands["ping"]!.args["interval"]),
  ].map((model, i) => ({ model, source: `v${i}.json` }));
  const site = buildSite(trees, { downloads: false });
  const page = async (path: string) => (await site).find((f) => f.path === path)!.content;

  it("lists the menu as absent from the middle dump, not removed, and outside the breaking changes", async () => {
    const diff = await page("diff/7.1..7.2.html");
    expect(diff).toContain("menu /system/identity absent from this dump");
    expect(diff).not.toContain("menu /system/identity removed");
    expect(diff).toMatch(/<h2>Absent from this dump \(1\)<\/h2>/);
    const breaking = diff.slice(diff.indexOf("<h2>Breaking"), diff.indexOf("<h2>Absent"));
    expect(breaking).not.toContain("/system/identity");
    // A removal no later tree contradicts stays a removal.
    expect(breaking).toContain("arg /ping interval removed");
    expect(diff).toContain("<p>2 changes, 1 of them breaking, 1 of them a gap of one dump.</p>");
  });

  it("lists its return as back, not added, and badges neither since nor removed", async () => {
    const diff = await page("diff/7.2..7.3.html");
    expect(diff).toContain("menu /system/identity back after a dump that lacked it");
    expect(diff).not.toContain("menu /system/identity added");
    expect(diff).toMatch(/<h2>Back after a dump that lacked them \(1\)<\/h2>/);
    for (const v of ["7.1", "7.3"]) {
      const menu = await page(`${v}/m/system.identity.html`);
      expect(menu, v).not.toMatch(/class="badge (?:since|removed)"/);
    }
    expect(await page("7.1/m/index.html").catch(() => "")).not.toContain('removed in 7.2">');
  });
});

const [OLD, MIDDLE, NEW] = [dump("7.16"), dump("7.20.8"), dump("7.22.3-deep")];

describe.skipIf(!OLD || !MIDDLE || !NEW)("gaps of the real base dumps 7.16, 7.20.8, 7.22.3", () => {
  it("7.20.8 lacks bonding's mlag-id that 7.16 and 7.22.3 have: absent, then back", async () => {
    const [a, b, c] = (await Promise.all([OLD!, MIDDLE!, NEW!].map(loadDump))) as [SchemaModel, SchemaModel, SchemaModel];
    const [ia, ic] = [indexTree(a.root), indexTree(c.root)];
    const places = (gaps: Map<Change, Gap>, kind: Gap) => [...gaps].filter(([, g]) => g === kind).flatMap(([ch]) => ch.places ?? [ch.path]);
    const out = dumpGaps(diffModels(a, b).changes, { earlier: [], later: [ic] });
    const back = dumpGaps(diffModels(b, c).changes, { earlier: [ia], later: [] });
    // From the dumps, read by hand: the three commands of /interface/bonding that take mlag-id.
    const want = ["/interface/bonding/add mlag-id", "/interface/bonding/reset mlag-id", "/interface/bonding/set mlag-id"];
    expect(places(out, "absent").sort()).toEqual(want);
    expect(places(back, "back").sort()).toEqual(want);
    expect(places(out, "back")).toEqual([]);
  });
});
