/**
 * newman runs generated collections against the simulator through a
 * recording proxy (shared by newman.full.test.ts and the newman-whole-N files).
 * By default nothing reaches the router that could change anything but the
 * run's own items, no request names an empty id, and no assertion fails;
 * with allowDisruptive=true the skipped requests are sent; without
 * pm.execution.skipRequest a guarded request still sends nothing.
 *
 * What runs, and why:
 * - newman.full.test.ts: the sample tree, whole, all three ways; the
 *   `system` folder of 7.22.3 extra by default and without skipRequest (where
 *   reboot, reset, license, package and device-mode live: every guard is
 *   exercised there, and a whole run without skipRequest proves nothing
 *   more for minutes more); and a CRUD chain on 7.22.3 deep over
 *   HTTP and HTTPS (seconds).
 * - newman-whole-1..3.full.test.ts (full tier): the whole collection of every
 *   dump in ../shared/routeros with default variables (5,200-7,000 requests
 *   each), as the "done when" asks; 7.22.3 extra also whole with
 *   allowDisruptive=true.
 * - newman is CPU-bound in one thread and vitest runs files in parallel, so
 *   the dumps are shared out over three files (SHARES) of about equal work,
 *   which start before the other files (test/helpers/sequencer.ts): no one
 *   file holds the suite back.
 * - A whole run costs the same per request from start to end (a remove
 *   unsets the id variables it named; see scripts.ts releaseRemoved).
 *
 * ROSAPI_NEWMAN_ALL=1 (set by hand before a release: vitest.config.ts says why CI does not) runs every dump's whole
 * collection all three ways.
 */
import newman from "newman";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { buildView } from "../../../src/view/index.js";
import { startSimulator, type SimulatorOptions } from "../../../src/simulator/index.js";
import { DUMPS, loadDump, QUICK_DUMP } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";
import { recordingProxy, type Recorded } from "./recorder.js";
import { judge } from "./traffic.js";

export interface Item {
  name: string;
  item?: Item[];
  event?: { listen: string; script: { exec: string[] } }[];
}
export type Collection = Record<string, unknown> & { item: Item[] };

const FULL = process.env["ROSAPI_NEWMAN_ALL"] === "1";
/** The dump whose whole collection also runs with allowDisruptive=true, and its slice without skipRequest. */
export const THOROUGH = QUICK_DUMP;
/** The folder of THOROUGH that newman.full.test.ts runs through newman, with and without skipRequest. */
export const SLICE = "system";
/** Only catches a hang: a whole collection takes minutes on a busy machine. */
export const LONG = 30 * 60_000;

/**
 * Which newman-whole-N file runs which dumps (index N-1), in requests sent or
 * skipped: 7.22.3 extra twice (6,990 each);
 * 7.16 5,208 + 7.20.8 5,347 + 7.23.3 5,518; 7.20.8 extra 6,757 + 7.22.3 deep 5,499.
 */
export const SHARES: readonly (readonly string[])[] = [["7.22.3-extra"], ["7.16", "7.20.8", "7.23.3"], ["7.20.8-extra", "7.22.3-deep"]];

export interface RunResult {
  summary: newman.NewmanRunSummary;
  /** Assertions as they happened (a skipped request's are missing from the summary's executions). */
  assertions: { item: string; name: string }[];
  /** The collection variables after the last test script (the summary's collection keeps the declared ones only). */
  variables: Record<string, unknown>;
}

interface ScriptResult {
  collectionVariables?: { values: { key: string; value: unknown }[] };
}

export function newmanRun(collection: Collection, baseUrl: string, allowDisruptive: boolean): Promise<RunResult> {
  const values = [{ key: "baseUrl", value: baseUrl }, ...(allowDisruptive ? [{ key: "allowDisruptive", value: "true" }] : [])];
  const assertions: RunResult["assertions"] = [];
  let variables: RunResult["variables"] = {};
  return new Promise((resolve, reject) =>
    newman
      .run({ collection: collection, environment: { values }, insecure: true, reporters: [] }, (err, summary) =>
        err ? reject(err) : resolve({ summary, assertions, variables }),
      )
      .on("assertion", (_err: unknown, args: { item: { name: string }; assertion: string }) =>
        assertions.push({ item: args.item.name, name: args.assertion }),
      )
      .on("test", (_err: unknown, args: { executions: { result?: ScriptResult }[] }) => {
        const scope = args.executions.at(-1)?.result?.collectionVariables;
        if (scope) variables = Object.fromEntries(scope.values.map((v) => [v.key, v.value]));
      }),
  );
}

export type Run = Awaited<ReturnType<typeof run>>;

/** One run through a fresh recorder in front of a fresh simulator (so that every run starts from the same store). */
export async function run(options: SimulatorOptions, collection: Collection, allowDisruptive = false) {
  const sim = await startSimulator(options);
  const recorder = await recordingProxy(sim.url);
  try {
    const { summary, assertions, variables } = await newmanRun(collection, recorder.url, allowDisruptive);
    const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error.message}`);
    const skipped = assertions.filter((a) => a.name.startsWith("skipped: ")).map((a) => a.item);
    return { summary, assertions, variables, failures, skipped, received: [...recorder.requests] as Recorded[] };
  } finally {
    await recorder.close();
    await sim.close();
  }
}

export const requests = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? requests(i.item) : [i]));

/** The collection as a runtime without pm.execution.skipRequest sees it. */
export function withoutSkipRequest(collection: Collection): Collection {
  const strip = (items: Item[]): Item[] =>
    items.map((i) =>
      i.item
        ? { ...i, item: strip(i.item) }
        : {
            ...i,
            event: i.event?.map((e) =>
              e.listen === "prerequest"
                ? { ...e, script: { ...e.script, exec: ["pm.execution.skipRequest = undefined;", ...e.script.exec] } }
                : e,
            ),
          },
    );
  return { ...collection, item: strip(collection.item) };
}

/** Checks a default run: nothing changed outside the run's own items, no empty id, no failed assertion. */
export function expectSafe(result: Run) {
  const verdict = judge(result.received);
  expect(verdict.changes, "state-changing requests outside the run's own items").toEqual([]);
  expect(verdict.emptyIds, "requests with an empty item id").toEqual([]);
  expect(result.failures).toEqual([]);
  return verdict;
}

/** A guarded request of a runtime without skipRequest reaches nothing: none changes the router, none names an empty id. */
export function expectNothingSent(result: Run) {
  const verdict = judge(result.received);
  expect(verdict.changes).toEqual([]);
  expect(verdict.emptyIds).toEqual([]);
}

/** The whole collection of each dump of share `n` (1-based): by default, for THOROUGH (or all with FULL) with allowDisruptive=true, and with FULL without skipRequest. */
export function describeWholeRuns(n: number): void {
  const names = SHARES[n - 1]!;
  describe.each(DUMPS.filter((d) => names.includes(d.name)))("newman: the whole collection of $name against the simulator", (d) => {
    let collection: Collection;
    let options: SimulatorOptions;
    let byDefault: Promise<Run> | undefined;
    const defaultRun = () => (byDefault ??= run(options, collection));
    const thorough = FULL || d.name === THOROUGH;
    beforeAll(async () => {
      options = { model: await loadDump(d) };
      collection = buildCollection(buildView(await documentOf(d))) as Collection;
    }, LONG);

    it(
      "by default changes nothing it did not add, sends no empty id, fails no assertion",
      async () => {
        const result = await defaultRun();
        expectSafe(result);
        expect(result.skipped.length).toBeGreaterThan(0);
        // Each item added and removed took its id variables along: what is left names items that exist.
        expect(Object.keys(result.variables).filter((key) => key.endsWith("_id_added"))).toEqual([]);
        console.log(
          `[postman] ${d.name}: ${result.received.length} of ${requests(collection.item).length} requests reached the router by default, ` +
            `${result.skipped.length} skipped, ${Object.keys(result.variables).length} collection variables at the end`,
        );
      },
      LONG,
    );

    it.skipIf(!thorough)(
      "with allowDisruptive=true sends the requests skipped by default, but those that still have no item id",
      async () => {
        const skipped = (await defaultRun()).skipped;
        const disruptive = await run(options, collection, true);
        const unlocked = skipped.filter((name) => !disruptive.skipped.includes(name));
        console.log(
          `[postman] ${d.name}: allowDisruptive=true sends ${unlocked.length} of the ${skipped.length} skipped (${disruptive.received.length} requests in all)`,
        );
        expect(unlocked.length).toBeGreaterThan(0);
        expect(disruptive.skipped.every((name) => skipped.includes(name))).toBe(true);
        const otherReasons = disruptive.assertions.filter(
          (a) => a.name.startsWith("skipped: ") && !a.name.startsWith("skipped: no item id"),
        );
        expect(otherReasons).toEqual([]);
      },
      LONG,
    );

    it.skipIf(!FULL)(
      "without pm.execution.skipRequest still sends nothing that changes the router (whole)",
      async () => expectNothingSent(await run(options, withoutSkipRequest(collection))),
      LONG,
    );
  });
}
