/** A router that stalls on `syntax` of menus and commands (7.9.2) is detected once, up front, and crawled without member descriptions. */
import { describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { forEachMenu } from "../../src/model/walk.js";
import type { Menu, SchemaModel } from "../../src/model/types.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";

/** The tree without the descriptions that member syntax gives (menus, commands, args); property descriptions stay. */
function withoutMemberDescriptions(model: SchemaModel): Menu {
  const root = structuredClone(model.root);
  forEachMenu(root, (menu) => {
    delete menu.description;
    for (const sub of Object.values(menu.menus)) delete sub.description;
    for (const command of Object.values(menu.commands)) {
      delete command.description;
      for (const arg of Object.values(command.args)) delete arg.description;
    }
  });
  return root;
}

describe("member syntax support", () => {
  it("falls back when syntax on the root stalls: waits the stall out, then asks no member syntax", async () => {
    const sim = await startSimulator({ model: sampleModel(), hang: [{ path: "", ms: 2500 }] });
    try {
      const model = await crawl({ url: sim.url, user: "admin", password: "", timeoutMs: 500 });
      expect(model.header.unknown).toEqual(["descriptions"]);
      expect(model.header.stats).toMatchObject({ failures: 0, skipped: [] });
      expect(model.root.menus.ip!.menus.address!.commands.add!.args.address!.description).toBeUndefined();
      expect(withoutMemberDescriptions(model)).toEqual(withoutMemberDescriptions(sampleModel()));
    } finally {
      await sim.close();
    }
  });

  it("asks member syntax where the probe answers", async () => {
    const sim = await startSimulator({ model: sampleModel() });
    try {
      const model = await crawl({ url: sim.url, user: "admin", password: "" });
      expect(model.header.unknown).toBeUndefined();
      expect(model.root.menus.ip!.menus.address!.commands.add!.args.address!.description).toBe("Local IP address");
    } finally {
      await sim.close();
    }
  });
});

describe("member syntax that stalls on commands only", () => {
  it("is switched off after two stalls: the rest of the crawl asks none, skips only what stalled, and keeps everything else", async () => {
    const commands: string[] = [];
    forEachMenu(sampleModel().root, (menu, path) => Object.keys(menu.commands).forEach((name) => commands.push([...path, name].join(","))));
    const sim = await startSimulator({ model: sampleModel(), hang: commands.map((path) => ({ path, ms: 4000 })) });
    try {
      // Margins wide enough for a machine busy with other tests: a timeout well above a slow answer, a hang well above the timeout.
      const model = await crawl({ url: sim.url, user: "admin", password: "", timeoutMs: 1500 });
      expect(model.header.unknown).toEqual(["descriptions"]);
      // Only the two commands whose syntax stalled are skipped; the other suspects of that stall were no longer asked.
      const skipped = model.header.stats!.skipped;
      expect(skipped).toHaveLength(2);
      expect(skipped.filter((s) => !commands.includes(s.replace(/^syntax \//, "").replaceAll("/", ",")))).toEqual([]);
      expect(withoutMemberDescriptions(model)).toEqual(withoutMemberDescriptions(sampleModel()));
    } finally {
      await sim.close();
    }
  });
});
