/**
 * A whole Postman run against a simulator that enforces the evidence (7.22.3 base, the 7.22.1 probe and
 * Ansible): add bodies carry every required arg, nothing changes outside the run's own items, no empty id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../src/emit/postman/index.js";
import { buildView } from "../../src/emit/view.js";
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
    "changes nothing outside its own items and sends no empty id; the adds the simulator refuses are listed (required args without a true example)",
    async () => {
      const result = await run(options, collection);
      const verdict = judge(result.received);
      expect(verdict.changes, "state-changing requests outside the run's own items").toEqual([]);
      expect(verdict.emptyIds, "requests with an empty item id").toEqual([]);
      // Not yet 0: these menus' required args have no example the document can prove true (a certificate, a peer, a
      // vlan-id whose syntax the dump does not give). The list is the gap; each failure of the run is one of these adds.
      const refused = [
        ...new Set(result.received.filter((r) => r.status === 400 && /missing value|failure: /.test(r.reply)).map((r) => r.path)),
      ];
      const failing = result.failures.filter((f) => !refused.some((path) => f.includes(path)));
      await expect(refused.sort().join("\n") + "\n").toMatchFileSnapshot("__snapshots__/refused-adds-7.22.3-deep.txt");
      console.log(
        `[postman+facts] ${refused.length} add menus refused, ${result.failures.length} failures, ${failing.length} of them elsewhere`,
      );
    },
    LONG,
  );
});
