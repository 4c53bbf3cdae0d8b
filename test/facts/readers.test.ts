import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAssignment } from "../../src/facts/python-literal.js";
import { ansibleFacts } from "../../src/facts/ansible.js";
import { classifyProbe, ownWordsRule, readFactFile, resolveFacts, type FactSet } from "../../src/facts/index.js";
import { UserError } from "../../src/io/errors.js";

const PY = `
from x import LooseVersion
PATHS = {
    ('ip', 'thing'): APIData(
        versioned=[
            ('7.15', '<', 'not supported'),
            ('7.15', '>=', VersionedAPIData(
                required_one_of=[['a', 'b']],
                mutually_exclusive=[['a', 'b']],
                versioned_fields=[
                    ([('7.20', '>=')], 'new', KeyInfo(default='x' 'y')),  # concatenated
                    ([('7.99', '>=')], 'later', KeyInfo(default=1)),
                ],
                fields={
                    'a': KeyInfo(), 'b': KeyInfo(),
                    'name': KeyInfo(required=True),
                    'mtu': KeyInfo(default=-1500),
                    'on': KeyInfo(default=True),
                    'comment': KeyInfo(can_disable=True, remove_value=''),
                    'sep': KeyInfo(default='\\r\\n'),
                },
            )),
        ],
    ),
}
def after(): return a.b  # not read
`;

describe("the Python literal reader", () => {
  it("reads dicts, tuples, calls, strings (escapes, concatenation), numbers and constants, and stops at the literal's end", () => {
    const v = readAssignment("X = {'a': (1, -2.5, True, None, [f(k='v')], ('one',))}\nimport os.path\n", "X");
    expect(v).toEqual({
      kind: "dict",
      entries: [
        [
          "a",
          {
            kind: "tuple",
            items: [
              1,
              -2.5,
              true,
              null,
              { kind: "list", items: [{ kind: "call", callee: "f", args: [], kwargs: { k: "v" } }] },
              { kind: "tuple", items: ["one"] },
            ],
          },
        ],
      ],
    });
  });

  it("refuses what it does not read, naming the line", () => {
    expect(() => readAssignment("X = {\n 'a': 1 + 2}", "X")).toThrow(/line 2: unexpected "\+"/);
    expect(() => readAssignment("X = {'a': '''t'''}", "X")).toThrow(/triple-quoted/);
    expect(() => readAssignment("Y = 1", "X")).toThrow(/no "X = \.\.\." assignment/);
  });
});

describe("Ansible's _api_data.py", () => {
  it("applies version ranges and versioned_fields for the target, and keeps each fact's range and literal", () => {
    const set = ansibleFacts(PY, { file: "f.py", target: "7.22.3", collectionVersion: "3.21.0" });
    expect(set.required).toEqual([
      {
        menu: "/ip/thing",
        rule: { all: ["name"], groups: [{ kind: "oneOf", args: ["a", "b"] }] },
        evidence: {
          source: "curated",
          method: "curated",
          version: ">= 7.15",
          origin: "community.routeros 3.21.0",
          raw: "required=True: name; required_one_of + mutually_exclusive: a, b",
        },
      },
    ]);
    const defaults = Object.fromEntries(set.defaults.map((d) => [d.arg, [d.value, d.evidence.version, d.evidence.raw]]));
    expect(defaults).toEqual({
      mtu: [-1500, ">= 7.15", "default=-1500"],
      on: [true, ">= 7.15", "default=True"],
      sep: ["\r\n", ">= 7.15", "default='\\r\\n'"],
      new: ["xy", ">= 7.15, >= 7.20", "default='xy'"],
    });
    expect(set.marks.find((m) => m.arg === "comment")?.marks).toEqual({ canDisable: true, removeValue: "" });
    expect(ansibleFacts(PY, { file: "f.py", target: "7.14" }).defaults).toEqual([]);
    expect(ansibleFacts(PY, { file: "f.py", target: "7.16" }).defaults.map((d) => d.arg)).not.toContain("new");
  });

  it("refuses a callable it does not know", () => {
    expect(() => ansibleFacts("PATHS = {('a',): APIData(unversioned=Other())}", { file: "f.py", target: "7.1" })).toThrow(/unknown Other/);
  });
});

describe("the observed probe", () => {
  it.each([
    ["", [], "nothing-required"],
    ["Script Error: missing value(s) of argument(s) url (/certificate/crl/add; line 1)", ["url"], "missing-values"],
    ["failure: name or regexp required (/ip/dns/static/add; line 1)", ["name", "regexp"], "own-words"],
    ["failure: parent not found (/interface/macvlan/add; line 1)", [], "probe-error"],
  ] as const)("classifies %j", (rawError, required, answer) => {
    expect(classifyProbe({ rawError, required: [...required] })).toBe(answer);
  });

  it("reads the menu's own words into groups", () => {
    expect(
      ownWordsRule("failure: must specify exactly one of radio-mac, master-interface or mld-name", [
        "radio-mac",
        "master-interface",
        "mld-name",
      ]),
    ).toEqual({
      all: [],
      groups: [{ kind: "oneOf", args: ["master-interface", "mld-name", "radio-mac"] }],
    });
    expect(ownWordsRule("failure: address or mac-address is required", ["address", "mac-address"])).toEqual({
      all: [],
      groups: [{ kind: "anyOf", args: ["address", "mac-address"] }],
    });
    expect(ownWordsRule("failure: mac address is not set", ["address", "mac-address"])).toEqual({
      all: ["address", "mac-address"],
      groups: [],
    });
  });

  it("gives one clear message for a missing meta, a changed format, or an unknown file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-facts-"));
    const file = join(dir, "required-args.v7.1.json");
    await writeFile(file, JSON.stringify([{ path: "/a", required: [], hasAdd: true, rawError: "" }]));
    await expect(readFactFile(file)).rejects.toThrow(/has no required-args\.v7\.1\.meta\.json beside it/);
    await writeFile(join(dir, "required-args.v7.1.meta.json"), JSON.stringify({ routerosVersion: "7.2" }));
    await expect(readFactFile(file)).rejects.toThrow(/says RouterOS 7\.2, but the file is named for 7\.1/);
    await writeFile(join(dir, "required-args.v7.1.meta.json"), JSON.stringify({ routerosVersion: "7.1" }));
    await expect(readFactFile(file)).resolves.toMatchObject({ kind: "observed", meta: { routerosVersion: "7.1" } });
    await writeFile(file, JSON.stringify([{ path: "/a", required: "x" }]));
    await expect(readFactFile(file)).rejects.toThrow(UserError);
    await expect(readFactFile(file)).rejects.toThrow(/required-args\.v7\.1\.json \(an observed-probe file\): \$\[0\]/);
    await expect(readFactFile(join(dir, "missing.py"))).rejects.toThrow(/cannot read/);
    await writeFile(join(dir, "other.py"), "x = 1\n");
    await expect(readFactFile(join(dir, "other.py"))).rejects.toThrow(/has no PATHS/);
    await expect(readFactFile(join(dir, "notes.txt"))).rejects.toThrow(/not an evidence file/);
  });

  it("records the collection's version from the MANIFEST.json above the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-facts-"));
    await writeFile(join(dir, "MANIFEST.json"), JSON.stringify({ collection_info: { version: "3.21.0" } }));
    await writeFile(join(dir, "_api_data.py"), "PATHS = {}\n");
    await expect(readFactFile(join(dir, "_api_data.py"))).resolves.toMatchObject({ collectionVersion: "3.21.0" });
  });
});

describe("resolving sources", () => {
  const ev = (source: "observed" | "curated", version: string) => ({
    source,
    method: source === "observed" ? ("observed-probe" as const) : ("curated" as const),
    version,
    origin: version,
  });
  const set = (required: FactSet["required"]): FactSet => ({
    file: "f",
    description: "d",
    required,
    probeErrors: [],
    defaults: [],
    marks: [],
  });

  it("observed beats curated, exact beats inferred, the nearer older version beats a newer one; both are kept", () => {
    const facts = resolveFacts(
      [
        set([{ menu: "/a", rule: { all: ["x", "y"], groups: [] }, evidence: ev("curated", "any") }]),
        set([{ menu: "/a", rule: { all: ["x"], groups: [] }, evidence: ev("observed", "7.20.8") }]),
        set([{ menu: "/a", rule: { all: ["z"], groups: [] }, evidence: ev("observed", "7.22.1") }]),
        set([{ menu: "/a", rule: { all: ["w"], groups: [] }, evidence: ev("observed", "7.23") }]),
      ],
      "7.22.3",
    );
    const d = facts.menus.get("/a")!.required!;
    expect(d.value.all).toEqual(["z"]);
    expect(d.evidence.inferredFrom).toBe("7.22.1");
    expect(d.decidedBy).toBe("the nearer version wins");
    expect(d.others.map((o) => o.evidence.version)).toEqual(["7.20.8", "7.23", "any"]);
    const exact = resolveFacts(
      [
        set([{ menu: "/a", rule: { all: ["x"], groups: [] }, evidence: ev("observed", "7.20.8") }]),
        set([{ menu: "/a", rule: { all: [], groups: [] }, evidence: ev("observed", "7.22.3") }]),
      ],
      "7.22.3",
    );
    expect(exact.menus.get("/a")!.required).toMatchObject({ value: { all: [] }, decidedBy: "exact version beats inferred" });
    const mixed = resolveFacts(
      [
        set([{ menu: "/a", rule: { all: ["x", "y"], groups: [] }, evidence: ev("curated", "any") }]),
        set([{ menu: "/a", rule: { all: ["x"], groups: [] }, evidence: ev("observed", "7.1") }]),
      ],
      "7.22.3",
    );
    expect(mixed.menus.get("/a")!.required).toMatchObject({ value: { all: ["x"] }, decidedBy: "observed beats curated" });
  });
});
