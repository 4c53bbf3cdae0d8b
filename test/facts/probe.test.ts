/**
 * Probe round trip: a simulator primed with facts (the 7.22.1 probe and Ansible over 7.22.3 base), probed,
 * gives back the same required sets and defaults; its items after the probe equal those before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { factsForModel, readFactFiles, resolveFacts, type Facts } from "../../src/facts/index.js";
import { observedFacts } from "../../src/facts/observed.js";
import { probeRouter, type ProbeResult } from "../../src/probe/probe.js";
import { RestClient } from "../../src/transport/client.js";
import type { SchemaModel } from "../../src/model/types.js";
import { findMenu, forEachMenu } from "../../src/model/walk.js";
import { menuKind } from "../../src/model/menu-kind.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { ANSIBLE, evidencePresent, PROBE_7221 } from "./helpers.js";

const base = dump("7.22.3-deep");
/** A value as replies write it: booleans `true`/`false`. */
const reply = (v: unknown): string => (v === true || v === "yes" ? "true" : v === false || v === "no" ? "false" : String(v));

describe.skipIf(!evidencePresent || !base)("probe mode against a simulator primed with facts", () => {
  let model: SchemaModel;
  let primed: Facts;
  let sim: RunningSimulator;
  let client: RestClient;
  let result: ProbeResult;
  let before: string;
  /** Every item of every item menu, as one text. */
  const snapshot = async () => {
    const all: [string, unknown][] = [];
    const menus: string[] = [];
    forEachMenu(
      model.root,
      (m, path) => void (path.length && menuKind(m) === "items" && m.commands["print"] && menus.push(path.join("/"))),
    );
    for (const menu of menus) all.push([menu, await client.post(`${menu}/print`, {})]);
    return JSON.stringify(all);
  };

  beforeAll(async () => {
    model = await loadDump(base!);
    primed = factsForModel(await readFactFiles([PROBE_7221, ANSIBLE]), model);
    sim = await startSimulator({ model, facts: primed, version: "7.22.3" });
    client = new RestClient({ url: sim.url, user: "admin", password: "" });
    before = await snapshot();
    result = await probeRouter({ transport: client, model, confirm: "MikroTik" });
  }, 300_000);
  afterAll(async () => {
    await client?.close();
    await sim?.close();
  });

  it("refuses a router whose identity is not the one typed", async () => {
    await expect(probeRouter({ transport: client, model, confirm: "MikroTik2" })).rejects.toThrow(
      /identity is "MikroTik", not "MikroTik2"/,
    );
  });

  it("gives back the same required sets (100% of the primed rules a probe can see)", () => {
    const probed = resolveFacts([observedFacts(result.rows, result.meta, "probe", "probe")], "7.22.3");
    const addMenus = new Set(result.rows.filter((r) => r.hasAdd).map((r) => r.path));
    const compared: string[] = [];
    const differ: string[] = [];
    for (const [menu, facts] of primed.menus) {
      if (!facts.required || !addMenus.has(menu)) continue;
      const rule = facts.required.value;
      // A probe without args sees the first refusal only: the args every add needs, before any group.
      if (rule.all.length && rule.groups.length) continue;
      compared.push(menu);
      const got = probed.menus.get(menu)?.required?.value;
      if (JSON.stringify(got) !== JSON.stringify(rule)) differ.push(`${menu}: ${JSON.stringify(rule)} → ${JSON.stringify(got)}`);
    }
    expect(differ).toEqual([]);
    expect(compared.length).toBeGreaterThan(200);
  });

  it("gives back the same defaults, read back from a minimal add and from settings", () => {
    const probed = resolveFacts([observedFacts(result.rows, result.meta, "probe", "probe")], "7.22.3");
    let compared = 0;
    const differ: string[] = [];
    for (const row of result.rows) {
      const expected = primed.menus.get(row.path)?.defaults;
      if (!row.defaults || !expected) continue;
      const menu = findMenu(model.root, row.path.split("/").filter(Boolean))!;
      for (const [arg, decision] of expected) {
        if (!menu.commands[row.hasAdd ? "add" : "set"]?.args[arg]) continue; // not an arg of this tree
        // A fresh router is MikroTik (so is the simulator); Ansible says `Mikrotik`: listed in docs/evidence.md.
        if (row.path === "/system/identity") continue;
        compared++;
        const got = probed.menus.get(row.path)?.defaults.get(arg)?.value;
        if (reply(got) !== reply(decision.value)) differ.push(`${row.path} ${arg}: ${String(decision.value)} → ${String(got)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(compared).toBeGreaterThan(300);
    expect(result.rows.filter((r) => r.defaultsFrom === "fresh-router-value").length).toBeGreaterThan(50);
  });

  it("leaves nothing behind: the items after the probe equal those before", async () => {
    expect(result.leftovers).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
