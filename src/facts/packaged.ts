/**
 * The facts the package carries: required args of add observed on a router by tikoci/lsp-routeros-ts (MIT; the
 * attribution and licence travel in the table), derived by scripts/derive-facts.ts, so that required args are known
 * offline with no file given. Each probe is a fact set of its own version; the resolver marks it inferred for others.
 */
import type { FactInput } from "./load.js";
import type { Evidence, FactSet, RequiredGroup } from "./types.js";
import json from "./observed-required.json" with { type: "json" };

export interface PackagedTable {
  about: string;
  license: string;
  probes: {
    version: string;
    architecture?: string;
    /** The probe file the rules were read from. */
    origin: string;
    /** Menu → its rule; `raw`: the menu's own words, when the rule was read from them. */
    required: Record<string, { all: string[]; groups: RequiredGroup[]; raw?: string }>;
    /** Menu → the probe's error: the rule stays unknown. */
    probeErrors: Record<string, string>;
  }[];
}

const table = json as unknown as PackagedTable;

/** What a packaged set is called where sources are named (`--facts`, the evidence line). */
export const PACKAGED = "packaged";

function probeSet(probe: PackagedTable["probes"][number]): FactSet {
  const base: Evidence = {
    source: "observed",
    method: "observed-probe",
    version: probe.version,
    ...(probe.architecture ? { architecture: probe.architecture } : {}),
    origin: `${probe.origin} (tikoci/lsp-routeros-ts, packaged)`,
  };
  return {
    file: `${PACKAGED}:probe:${probe.version}`,
    description: `observed probe of RouterOS ${probe.version}${probe.architecture ? ` (${probe.architecture})` : ""}, packaged`,
    required: Object.entries(probe.required).map(([menu, { raw, ...rule }]) => ({
      menu,
      rule,
      evidence: { ...base, ...(raw ? { raw } : {}) },
    })),
    probeErrors: Object.entries(probe.probeErrors).map(([menu, raw]) => ({ menu, evidence: { ...base, ...(raw ? { raw } : {}) } })),
    defaults: [],
    marks: [],
  };
}

/** The packaged probes, newest last, as evidence inputs. */
export function packagedFacts(): FactInput[] {
  return table.probes.map((probe) => ({ kind: "set", file: `${PACKAGED}:probe:${probe.version}`, set: probeSet(probe) }));
}
