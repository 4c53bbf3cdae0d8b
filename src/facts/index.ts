/** The facts stage: evidence files → facts with provenance → one decision per fact for a model's version. */
import { UserError } from "../io/errors.js";
import type { SchemaModel } from "../model/types.js";
import { factSet, type FactInput } from "./load.js";
import { resolveFacts, type Facts } from "./resolve.js";

export { readFactFile, readFactFiles, factSet, type FactInput } from "./load.js";
export { resolveFacts, disagreements, valueText, type Facts } from "./resolve.js";
export { classifyProbe, ownWordsRule, type ProbeRow } from "./observed.js";
export type * from "./types.js";

/** The facts of the evidence read, for a RouterOS version (curated version ranges apply to it). */
export const factsForVersion = (inputs: readonly FactInput[], version: string): Facts =>
  resolveFacts(
    inputs.map((input) => factSet(input, version)),
    version,
  );

/** The facts of the evidence read, for the model's RouterOS version. */
export function factsForModel(inputs: readonly FactInput[], model: SchemaModel): Facts {
  const target = model.header.version;
  if (!target) throw new UserError("the tree carries no RouterOS version, and evidence is chosen by version: --ros-version sets it");
  return factsForVersion(inputs, target);
}
