/** Router facts are best effort: a RouterOS that refuses /system/resource or /system/package is still crawled, and the header says what is unknown. */
import { afterEach, describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { routerOsError, tamperingProxy } from "./proxy.js";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** RouterOS's own 403 on the given paths, as a router answers a user whose group lacks the policy. */
async function refusing(sim: RunningSimulator, refused: string[]): Promise<string> {
  const proxy = await tamperingProxy(sim, (path) =>
    refused.includes(path) ? routerOsError(403, "Forbidden", "not enough permissions (9)") : undefined,
  );
  closers.push(() => proxy.close());
  return proxy.url;
}

async function simulator(hang: { path: string; ms: number }[] = []) {
  const sim = await startSimulator({ model: sampleModel(), hang });
  closers.push(() => sim.close());
  return sim;
}

describe("router facts", () => {
  it("records version, architecture, board and packages where the router gives them", async () => {
    const sim = await simulator();
    const model = await crawl({ url: sim.url, user: "admin", password: "" });
    expect(model.header).toMatchObject({ version: "7.22.3", architecture: "x86_64", board: "CHR", packages: ["routeros"] });
    expect(model.header).not.toHaveProperty("unknown");
  });

  it("crawls a router that refuses /system/resource and /system/package, and says those facts are unknown", async () => {
    const sim = await simulator();
    const url = await refusing(sim, ["/rest/system/resource", "/rest/system/package"]);
    const model = await crawl({ url, user: "admin", password: "" });
    expect(model.header.unknown).toEqual(expect.arrayContaining(["version", "architecture", "board", "packages"]));
    expect(model.header).not.toHaveProperty("version");
    expect(model.header.stats).toMatchObject({ failures: 0, skipped: [] });
    expect(model.root).toEqual(sampleModel().root);
  });

  it("keeps the facts it got when only /system/package is refused", async () => {
    const sim = await simulator();
    const model = await crawl({ url: await refusing(sim, ["/rest/system/package"]), user: "admin", password: "" });
    expect(model.header).toMatchObject({ version: "7.22.3", architecture: "x86_64", unknown: ["packages"] });
  });

  it("takes a refused /system/resource as a sign of life when checking health after a stall", async () => {
    const sim = await simulator([{ path: "ip,address,add", ms: 2000 }]);
    const url = await refusing(sim, ["/rest/system/resource"]);
    const model = await crawl({ url, user: "admin", password: "", timeoutMs: 500, healthDeadlineMs: 5000 });
    expect(model.header.stats!.skipped).toEqual(["syntax /ip/address/add"]);
  });
});
