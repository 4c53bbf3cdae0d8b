/**
 * A stall started by a request the crawl already gave up on (it was still
 * running on the router) must not be blamed on the innocent paths asked
 * meanwhile: here both `syntax` and `completion` of one arg hang, one after
 * the other, and exactly those two are skipped.
 */
import { describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";

describe("crawl with an arg whose syntax and completion both hang", () => {
  it("skips and records just that arg's two requests and keeps everything else", async () => {
    const sim = await startSimulator({ model: sampleModel(), hang: [{ path: "ip,address,add,address", ms: 4000 }] });
    try {
      const model = await crawl({ url: sim.url, user: "admin", password: "", timeoutMs: 1000, healthDeadlineMs: 60_000 });
      expect(model.header.stats!.skipped).toEqual(["completion /ip/address/add/address", "syntax /ip/address/add/address"]);
      const expected = sampleModel().root;
      const arg = expected.menus.ip!.menus.address!.commands.add!.args.address!;
      delete arg.syntax;
      delete arg.completions;
      expect(model.root).toEqual(expected);
    } finally {
      await sim.close();
    }
  });
});
