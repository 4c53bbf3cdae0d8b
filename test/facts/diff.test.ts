import { describe, expect, it } from "vitest";
import { diffModels } from "../../src/diff/index.js";
import { resolveFacts, type Evidence, type FactSet, type RequiredRule } from "../../src/facts/index.js";
import { tinyModel } from "../helpers/tiny-model.js";

const evidence: Evidence = { source: "observed", method: "observed-probe", version: "7.99", origin: "test" };
const facts = (rule: RequiredRule | undefined, defaults: Record<string, string> = {}) =>
  resolveFacts(
    [
      {
        file: "t",
        description: "t",
        required: rule ? [{ menu: "/ip/address", rule, evidence }] : [],
        probeErrors: [],
        defaults: Object.entries(defaults).map(([arg, value]) => ({ menu: "/ip/address", arg, value, evidence })),
        marks: [],
      } satisfies FactSet,
    ],
    "7.99",
  );

describe("diff with evidence", () => {
  const model = tinyModel();
  const changes = (before: ReturnType<typeof facts>, after: ReturnType<typeof facts>) =>
    diffModels(model, model, { facts: { before, after } }).changes.map(({ path, field, before: b, after: a, breaking }) => ({
      path,
      field,
      before: b,
      after: a,
      breaking,
    }));

  it("an arg that became required is breaking; one that stopped being is not", () => {
    expect(changes(facts({ all: ["address"], groups: [] }), facts({ all: ["address", "interface"], groups: [] }))).toEqual([
      { path: "/ip/address/add interface", field: "required", before: "optional", after: "required", breaking: true },
    ]);
    expect(changes(facts({ all: ["address", "interface"], groups: [] }), facts({ all: ["address"], groups: [] }))).toEqual([
      { path: "/ip/address/add interface", field: "required", before: "required", after: "optional", breaking: false },
    ]);
  });

  it("a wider 'any of' is not breaking; an arg joining an 'exactly one of' is", () => {
    const group = (kind: "anyOf" | "oneOf", args: string[]): RequiredRule => ({ all: [], groups: [{ kind, args }] });
    const breaking = (a: RequiredRule, b: RequiredRule) => changes(facts(a), facts(b)).map((c) => [c.path, c.breaking]);
    expect(breaking(group("anyOf", ["address"]), group("anyOf", ["address", "interface"]))).toEqual([
      ["/ip/address/add address", false],
      ["/ip/address/add interface", false],
    ]);
    expect(breaking(group("oneOf", ["address"]), group("oneOf", ["address", "interface"]))).toEqual([
      ["/ip/address/add address", true],
      ["/ip/address/add interface", true],
    ]);
  });

  it("unknown on either side says nothing; a changed default is listed, not breaking", () => {
    expect(changes(facts(undefined), facts({ all: ["address"], groups: [] }))).toEqual([]);
    expect(changes(facts(undefined, { comment: "a" }), facts(undefined, { comment: "b" }))).toEqual([
      { path: "/ip/address/add comment", field: "default", before: "a", after: "b", breaking: false },
    ]);
  });
});
