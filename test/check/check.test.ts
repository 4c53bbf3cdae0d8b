/**
 * `rosapi check` over the sample tree (src/sample/tree.json, small and fast): each rule, its place and its
 * source; SARIF against the official SARIF 2.1.0 schema; the command line's formats and exit codes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import AjvDraft04 from "ajv-draft-04";
import {
  seconds,
  checkConfig,
  checkTree,
  formatSarif,
  formatText,
  summarize,
  upgradeFindings,
  type CheckTree,
  type Finding,
} from "../../src/check/index.js";
import { parseConfig } from "../../src/config/index.js";
import { loadModel } from "../../src/model/load.js";
import type { SchemaModel } from "../../src/model/types.js";
import { buildDocument } from "../../src/openapi/build.js";
import { ROOT, runCli } from "../helpers/cli.js";

// The package's default export is its class at run time; its types say a namespace.
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
const SAMPLE = join(ROOT, "src/sample/tree.json");
let model: SchemaModel;
let tree: CheckTree;
beforeAll(async () => {
  model = await loadModel(SAMPLE);
  tree = checkTree(model, (await buildDocument(model)).document, "sample");
});

const check = (text: string, options = {}): Finding[] => checkConfig(parseConfig(`# by RouterOS 7.22.3\n${text}`, "r.rsc"), tree, options);
const brief = (findings: Finding[]) => findings.map((f) => [f.line, f.column, f.rule, f.severity]);

/** A copy of the sample model with changes made to it (another version, another package). */
function variant(version: string, change: (root: SchemaModel["root"]) => void): SchemaModel {
  const copy = structuredClone(model);
  copy.header.version = version;
  change(copy.root);
  return copy;
}

describe("check against a tree", () => {
  it("a clean configuration has no findings", () => {
    const clean = [
      "/ip address",
      'add address=10.0.0.1/24 interface=ether1 comment="a b"',
      "/system identity",
      "set name=R1",
      "/ip firewall filter",
      "add chain=input action=accept src-address=10.0.0.0/8 dst-port=22",
      "/interface ethernet",
      "set [ find default-name=ether1 ] mtu=1500",
    ];
    expect(check(clean.join("\n"))).toEqual([]);
  });
  it("an unknown menu (once, not again for each line under it), command and arg, each at its word, with the nearest name", () => {
    const findings = check(
      "/ip adress\nadd address=10.0.0.1/24\n/ip address\nadd adress=10.0.0.1/24 interface=ether1\nmake address=1.1.1.1/32\n/ip route\nadd gateway=10.0.0.1 distnce=2\n",
    );
    expect(brief(findings)).toEqual([
      [2, 5, "unknown-menu", "error"],
      [5, 5, "unknown-arg", "error"],
      [6, 1, "unknown-command", "error"],
      [8, 22, "unknown-arg", "error"],
    ]);
    expect(findings.map((f) => f.suggestion)).toEqual(["address", "address", undefined, "distance"]);
    expect(findings[1]!.message).toContain("did you mean address?");
    for (const f of findings) expect(f).toMatchObject({ file: "r.rsc", source: "tree: RouterOS 7.22.3 (sample)" });
  });
  it("a value the type refuses, at the value, with the form it expects; a script's value is a note", () => {
    const findings = check(
      "/ip address\nadd address=10.0.0.300/24 interface=ether1\nadd address=$a interface=ether1\n/ip firewall filter\nadd chain=input log-prefix=" +
        "x".repeat(40) +
        "\n",
    );
    expect(brief(findings)).toEqual([
      [3, 13, "bad-value", "error"],
      [4, 13, "not-checked", "note"],
      [6, 28, "bad-value", "error"],
    ]);
    expect(findings[0]!.expected).toBe("A.B.C.D/M    (IP prefix)");
    expect(findings[2]!.expected).toBe("string value, max length 31");
  });
  it("scripting lines are notes, not errors; a parse problem is an error at its line", () => {
    expect(brief(check(':local x 1\n:if ($x = 1) do={ /system reboot }\n/system identity\nset name="open\n'))).toEqual([
      [2, 1, "not-checked", "note"],
      [3, 1, "not-checked", "note"],
      [5, 10, "parse-error", "error"],
    ]);
  });
  it("hardware the tree lacks is a warning that says so (and names the configuration's model)", () => {
    const findings = checkConfig(
      parseConfig(
        "# by RouterOS 7.22.3\n# model = RB5009UG+S+\n/system routerboard settings\nset auto-upgrade=yes\n/interface ethernet\nset [ find default-name=ether1 ] poe-out=off\n",
        "r.rsc",
      ),
      tree,
    );
    expect(brief(findings)).toEqual([
      [3, 9, "not-in-tree", "warning"],
      [6, 34, "not-in-tree", "warning"],
    ]);
    expect(findings[1]!.message).toContain("RB5009UG+S+");
    expect(findings[1]!.source).toMatch(/^curated: RouterBOARD hardware/);
  });
  it("a menu or arg another package's tree has is a warning naming that tree", () => {
    const extra = variant("7.22.3", (root) => {
      root.menus["ip"]!.menus["pkg"] = { kind: "menu", nodeType: "dir", menus: {}, commands: { add: { kind: "command", args: {} } } };
      root.menus["ip"]!.menus["address"]!.commands["add"]!.args["pkg-arg"] = { kind: "arg" };
    });
    const findings = check("/ip pkg\nadd\n/ip address\nadd address=10.0.0.1/24 interface=ether1 pkg-arg=1\n", {
      also: [{ label: "extra", model: extra }],
    });
    expect(brief(findings)).toEqual([
      [2, 5, "not-in-tree", "warning"],
      [5, 42, "not-in-tree", "warning"],
    ]);
    expect(findings[0]!.message).toContain("in extra (another package or architecture)");
  });
  it("an unknown name that another version's tree has says which version, and the configuration's own", () => {
    const older = variant("7.16", (root) => void (root.menus["ip"]!.menus["route"]!.commands["add"]!.args["old-arg"] = { kind: "arg" }));
    const [finding] = checkConfig(parseConfig("# by RouterOS 7.16\n/ip route\nadd gateway=10.0.0.1 old-arg=1\n", "r.rsc"), tree, {
      history: [older],
    });
    expect(finding!.message).toContain("RouterOS 7.16 has it: removed or renamed since");
    expect(finding!.message).toContain("the configuration is of RouterOS 7.16, older than the tree's 7.22.3");
  });
});

describe("ranges", () => {
  it("reads RouterOS durations in seconds (each form it writes); a word is no duration", () => {
    expect([seconds("30"), seconds("1w2d3h4m5s"), seconds("500ms"), seconds("00:10:00"), seconds("1d 00:10:00"), seconds("none")]).toEqual([
      30,
      604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5,
      0.5,
      600,
      86400 + 600,
      undefined,
    ]);
  });
  it("refuses an integer or a duration outside the range the tree gives, in the console's string form", () => {
    const findings = check(
      "/ip route\nadd gateway=10.0.0.1 distance=256\nadd gateway=10.0.0.1 distance=255\n/ip firewall filter\nadd chain=input timeout=35w3d13h13m57s\nadd chain=input timeout=none-static\n",
    );
    expect(brief(findings)).toEqual([
      [3, 31, "bad-value", "error"],
      [6, 25, "bad-value", "error"],
    ]);
    expect(findings[0]!.expected).toBe("1..255");
  });
});

describe("the upgrade check", () => {
  it("reports lines that break on the target (removed arg, refused value), not those already wrong today", async () => {
    const changed = variant("7.23.3", (root) => {
      delete root.menus["ip"]!.menus["route"]!.commands["add"]!.args["distance"];
      root.menus["ip"]!.menus["firewall"]!.menus["filter"]!.commands["add"]!.args["log-prefix"]!.syntax![0]!.text =
        "string value, max length 8";
    });
    const target = checkTree(changed, (await buildDocument(changed)).document, "target");
    const config = parseConfig(
      "# by RouterOS 7.22.3\n/ip route\nadd gateway=10.0.0.1 distance=2 bogus=1\n/ip firewall filter\nadd chain=input log-prefix=abcdefghij\n",
      "r.rsc",
    );
    const findings = upgradeFindings(config, tree, target);
    expect(brief(findings)).toEqual([
      [3, 22, "upgrade-removed", "error"],
      [5, 28, "upgrade-value", "error"],
    ]);
    expect(findings[0]!.message).toMatch(/^on RouterOS 7\.23\.3: /);
  });
});

describe("formats", () => {
  const config = parseConfig("# by RouterOS 7.22.3\n/ip address\nadd adress=10.0.0.1/24 interface=ether1\n:local x 1\n", "dir/r 1.rsc");
  const findings = () => checkConfig(config, tree);
  const report = () => ({ against: ["sample"], findings: findings(), summary: summarize([config], findings()) });
  it("text groups by file, shows the line and the deciding source, and ends with the summary line", () => {
    const text = formatText(
      report(),
      new Map([["dir/r 1.rsc", ["# by RouterOS 7.22.3", "/ip address", "add adress=10.0.0.1/24 interface=ether1"]]]),
    );
    expect(text).toContain("dir/r 1.rsc\n  3:5  error  unknown-arg  /ip/address add takes no arg adress: did you mean address?\n");
    expect(text).toContain("      | add adress=10.0.0.1/24 interface=ether1\n");
    expect(text.trimEnd().split("\n").at(-1)).toBe("1 file, 1 command: 1 error, 0 warnings, 1 note (1 not checked)");
  });
  it("SARIF validates against the official SARIF 2.1.0 JSON Schema, with each result's rule, level and region", () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const log = JSON.parse(formatSarif(report(), "0.1.0")) as {
      runs: { results: unknown[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    expect((validate.errors ?? validate(log)) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0]!.results[0]).toMatchObject({
      ruleId: "unknown-arg",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "dir/r%201.rsc" }, region: { startLine: 3, startColumn: 5 } } }],
    });
    // A broken log fails the same schema: the check has teeth.
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false);
  });
});

describe("rosapi check (the command line)", () => {
  const dir = mkdtempSync(join(tmpdir(), "rosapi-check-"));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const clean = write("clean.rsc", "# by RouterOS 7.22.3\n/system identity\nset name=R1\n");
  const wrong = write("wrong.rsc", "# by RouterOS 7.22.3\n/ip address\nadd adress=10.0.0.1/24 interface=ether1\n");
  it("exit 0 when clean, with the summary line", async () => {
    const run = await runCli(["check", clean, "--against", SAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("1 file, 1 command: 0 errors, 0 warnings, 0 notes");
  });
  it("exit 1 with errors; --format json is an object with findings (file, line, rule, severity, message)", async () => {
    const run = await runCli(["check", wrong, clean, "--against", SAMPLE, "--format", "json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { findings: Record<string, unknown>[]; summary: { errors: number } };
    expect(json.findings).toEqual([
      expect.objectContaining({ file: wrong, line: 3, column: 5, rule: "unknown-arg", severity: "error", message: expect.any(String) }),
    ]);
    expect(json.summary.errors).toBe(1);
  });
  it("--format sarif, and --to, run", async () => {
    const run = await runCli(["check", wrong, "--against", SAMPLE, "--to", SAMPLE, "--format", "sarif"]);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { version: string }).version).toBe("2.1.0");
  });
  it("exit 2 with one message when the check cannot run: a missing or binary file, no version and no --against", async () => {
    for (const args of [
      [join(dir, "absent.rsc"), "--against", SAMPLE],
      [write("bin.rsc", "\u0000\u0001"), "--against", SAMPLE],
      [write("nover.rsc", "/system identity\nset name=R1\n")],
    ]) {
      const run = await runCli(["check", ...args]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toContain("    at ");
    }
  });
});
