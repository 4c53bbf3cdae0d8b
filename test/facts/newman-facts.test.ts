/**
 * A whole Postman run against a simulator that enforces the evidence (7.22.3 base, the 7.22.1 probe and
 * Ansible): add bodies carry every required arg, nothing changes outside the run's own items, no empty id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../src/emit/postman/index.js";
import { SKIP_REASONS } from "../../src/emit/postman/scripts.js";
import { buildView } from "../../src/view/index.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import { factsForModel, readFactFiles } from "../../src/facts/index.js";
import type { SimulatorOptions } from "../../src/simulator/index.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { LONG, run, type Collection } from "../emit/postman/newman-run.js";
import { judge } from "../emit/postman/traffic.js";
import { ANSIBLE, evidencePresent, PROBE_7221 } from "./helpers.js";

const base = dump("7.22.3-deep");

describe.skipIf(!evidencePresent || !base)("newman: the whole 7.22.3 base collection with evidence", () => {
  let options: SimulatorOptions;
  let collection: Collection;
  beforeAll(async () => {
    const model = await loadDump(base!);
    const facts = factsForModel(await readFactFiles([PROBE_7221, ANSIBLE]), model);
    options = { model, facts };
    collection = buildCollection(buildView(buildOpenApi(model, facts))) as Collection;
  }, LONG);

  it(
    "changes nothing outside its own items, sends no empty id, fails nothing; adds whose required args no true value fills are skipped",
    async () => {
      const result = await run(options, collection);
      const verdict = judge(result.received);
      expect(verdict.changes, "state-changing requests outside the run's own items").toEqual([]);
      expect(verdict.emptyIds, "requests with an empty item id").toEqual([]);
      // An add whose required args have no value true on every router (a certificate, a peer...) is skipped, saying
      // which args to fill in; the router refuses none.
      const refused = result.received.filter((r) => r.status === 400 && /missing value|failure: /.test(r.reply)).map((r) => r.path);
      expect(refused).toEqual([]);
      expect(result.failures).toEqual([]);
      const needs = result.assertions
        .filter((a) => a.name.startsWith(SKIP_REASONS.needs))
        .map((a) => `${a.item}: ${a.name.slice(SKIP_REASONS.needs.length)}`);
      await expect([...new Set(needs)].sort().join("\n") + "\n").toMatchFileSnapshot("__snapshots__/skipped-adds-7.22.3-deep.txt");
      console.log(
        `[postman+facts] ${new Set(needs).size} adds skipped for args no true value can fill, ${result.failures.length} failures`,
      );
    },
    LONG,
  );
});
