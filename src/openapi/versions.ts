/** `x-routeros-since` / `x-routeros-removed-in` of a merged model's node; nothing on a single version's. */
import type { VersionSpan } from "../model/types.js";
import type { VersionExtensions } from "./extensions.js";

export function versionExtensions(node: { versions?: VersionSpan } | undefined): VersionExtensions {
  const span = node?.versions;
  if (!span) return {};
  return { "x-routeros-since": span.since, ...(span.removedIn !== undefined ? { "x-routeros-removed-in": span.removedIn } : {}) };
}
