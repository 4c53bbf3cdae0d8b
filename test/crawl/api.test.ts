/**
 * The crawl over the API protocol (`api://127.0.0.1:Q`, the simulator's `--api-port`) gives the model the crawl over
 * REST gives, from one simulator serving both, on a few menus of the quick tier's dump (a whole dump takes minutes
 * over REST; equality.full.test.ts crawls every dump whole over the API).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawl } from "../../src/crawl/index.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { dump, loadDump, QUICK_DUMP } from "../helpers/dumps.js";

const d = dump(QUICK_DUMP);
/** Items, settings with a child menu, a root command. */
const ONLY = ["ip/address", "system/clock", "ping"];

describe.skipIf(!d)(`crawl over the API (${QUICK_DUMP}: ${ONLY.join(", ")})`, () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ model: await loadDump(d!), apiPort: 0 });
  });
  afterAll(() => sim?.close());

  it("gives the model the crawl over REST gives", async () => {
    const url = `api://127.0.0.1:${sim.apiPort}`;
    const overRest = await crawl({ url: sim.url, user: "admin", password: "", only: ONLY });
    const overApi = await crawl({ url, user: "admin", password: "", only: ONLY });
    expect(overApi.root).toEqual(overRest.root);
    expect(Object.keys(overApi.root.menus?.["ip"]?.menus?.["address"]?.commands ?? {})).toContain("add");
    const { source: _r, stats: restStats, ...restHeader } = overRest.header;
    const { source, stats, ...apiHeader } = overApi.header;
    expect(apiHeader).toEqual(restHeader);
    expect(source).toMatchObject({ kind: "crawl", url });
    expect(stats).toMatchObject({ requests: restStats!.requests, retries: 0, failures: 0, skipped: [] });
  });

  it("says which user was refused, and refuses a plain-text login to another machine", async () => {
    const url = `api://127.0.0.1:${sim.apiPort}`;
    await expect(crawl({ url, user: "admin", password: "wrong", only: ONLY })).rejects.toThrow(
      `${url}: user admin was refused (invalid user name or password (6)): check the user and password`,
    );
    expect(() => crawl({ url: "api://192.0.2.1", user: "admin", password: "", only: ONLY })).toThrow(
      "api://192.0.2.1: the password would cross the network unencrypted; use api-ssl://, or --allow-plaintext-login",
    );
  });
});
