/**
 * The project's own sample tree: a small RouterOS 7.22.3 CHR written by us
 * (ip/address, ip/route, ip/firewall/filter, interface, bridge, system,
 * ping, tool), with a seeded store, for `npm start`, `rosapi mock` and tests.
 */
import type { SchemaModel } from "../model/types.js";
import type { StoreSeed } from "../simulator/store.js";
import { modelFromJson } from "../model/load.js";
import tree from "./tree.json" with { type: "json" };
import store from "./store.json" with { type: "json" };

/** A fresh deep copy each call: callers may change it. */
export function sampleModel(): SchemaModel {
  return modelFromJson(structuredClone(tree), "sample tree");
}

export function sampleStore(): StoreSeed {
  return structuredClone(store);
}
