/** With evidence (7.22.3 base, the 7.22.1 probe and Ansible), describe says which args an add requires and what a property defaults to, and plan refuses an add that lacks them before anything is sent. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFactFiles, type FactInput } from "../../src/facts/index.js";
import type { SchemaModel } from "../../src/model/types.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { ANSIBLE, evidencePresent, PROBE_7221 } from "../facts/helpers.js";
import { inMemory, simulatedRouter, type Router } from "./harness.js";

const base = dump("7.22.3-deep");

describe.skipIf(!base || !evidencePresent)("rosapi mcp with evidence (7.22.3 base)", () => {
  let model: SchemaModel;
  let facts: readonly FactInput[];
  let router: Router;
  beforeAll(async () => {
    model = await loadDump(base!);
    facts = await readFactFiles([PROBE_7221, ANSIBLE]);
    router = await simulatedRouter(model);
  });
  afterAll(() => router?.close());

  it("describe marks required args, group rules and defaults; plan refuses an add without its required args", async () => {
    const s = await inMemory(model, router, { allowWrite: ["ip/address"], facts });
    try {
      const add = (await s.call("describe", { menu: "/ip/address", operation: "add" })).text;
      expect(add).toMatch(/^ {2}address \(required\): /m);
      expect(add).toMatch(/^ {2}interface \(required\): /m);
      expect(add).not.toMatch(/^ {2}comment \(required\)/m);
      expect((await s.call("describe", { menu: "/ip/dns/static", operation: "add" })).text).toMatch(/^requires .* of .*name.*regexp/m);
      expect((await s.call("describe", { menu: "/interface/bridge", operation: "add" })).text).toMatch(
        /^ {2}ageing-time: duration.*default "/m,
      );
      const before = router.recorder.requests.length;
      const plan = await s.call("plan", { menu: "/ip/address", operation: "add", args: { comment: "x" } });
      expect(plan.isError).toBe(true);
      expect(plan.text).toMatch(/address/);
      expect(router.recorder.requests.length).toBe(before);
    } finally {
      await s.close();
    }
  });
});
