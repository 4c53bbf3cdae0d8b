/**
 * Architecture as a fact: a comparison in restraml's format (diff-deep-inspect.json: `a`/`b` labels, `onlyInA` /
 * `onlyInB` console paths, per-arg completion differences), written here after the real 7.24 one
 * (/interface/ethernet/switch and /blink on arm64 only, /system/health/set/state-after-reboot on x86 only).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { serializeModel } from "../../src/model/load.js";
import type { Menu } from "../../src/model/types.js";
import { buildDocument, parseArchDiff } from "../../src/openapi/index.js";
import { runCli } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";

const SWITCH = [
  "/interface/ethernet/switch",
  "/interface/ethernet/switch/export",
  "/interface/ethernet/switch/export/file",
  "/interface/ethernet/switch/print",
  "/interface/ethernet/switch/print/where",
  "/interface/ethernet/switch/set",
  "/interface/ethernet/switch/set/numbers",
  "/interface/ethernet/switch/set/mirror-source",
  "/interface/ethernet/switch/host",
  "/interface/ethernet/switch/host/add",
  "/interface/ethernet/switch/host/add/mac-address",
  "/interface/ethernet/switch/host/add/mac-address/desc",
  "/interface/ethernet/switch/host/add/ports",
  "/interface/ethernet/switch/host/print",
  "/interface/ethernet/switch/host/print/where",
  "/interface/ethernet/switch/host/remove",
  "/interface/ethernet/switch/host/remove/numbers",
  "/interface/ethernet/switch/host/set",
  "/interface/ethernet/switch/host/set/numbers",
  "/interface/ethernet/switch/host/set/ports",
];
const comparison = {
  a: { label: "x86", path: "deep-inspect.x86.json", meta: { version: "7.99", architecture: "x86" } },
  b: { label: "arm64", path: "deep-inspect.arm64.json", meta: { version: "7.99", architecture: "arm64" } },
  counts: { pathsOnlyA: 1, pathsOnlyB: SWITCH.length + 3 },
  onlyInA: ["/system/identity/set/note"],
  onlyInB: ["/blink", "/blink/duration", "/blink/duration/desc", ...SWITCH],
  completionDrift: [{ path: "/interface/ethernet/print/where", onlyInA: ["cable-settings"], onlyInB: ["switch"], sharedCount: 150 }],
};

/** The tiny model, with /interface/ethernet (print only) and x86's /system/identity set note. */
function model() {
  const m = tinyModel();
  const ethernet: Menu = {
    kind: "menu",
    nodeType: "path",
    menus: {},
    commands: { print: { kind: "command", args: { where: { kind: "arg" } } } },
  };
  m.root.menus["interface"] = { kind: "menu", nodeType: "path", menus: { ethernet }, commands: {} };
  m.root.menus["system"]!.menus["identity"]!.commands["set"]!.args["note"] = { kind: "arg" };
  return m;
}

type Op = OpenAPIV3.OperationObject & Record<string, unknown>;
const operations = (doc: OpenAPIV3.Document): Op[] =>
  Object.values(doc.paths).flatMap((item) =>
    Object.values(item ?? {}).filter((o): o is Op => typeof o === "object" && o !== null && "x-routeros-menu" in o),
  );

describe("x-routeros-arch", () => {
  it("marks every operation of a menu only arm64 has, adds it from the comparison alone, and marks nothing the comparison does not name", async () => {
    const { document } = await buildDocument(model(), { arch: parseArchDiff(comparison, "diff.json") });
    const ops = operations(document);
    const onSwitch = ops.filter((o) => String(o["x-routeros-menu"]).startsWith("/interface/ethernet/switch"));
    // print, set, export of the switch; add, print, remove, set of its hosts; and the REST forms of each.
    expect(onSwitch.length).toBeGreaterThanOrEqual(7);
    for (const op of onSwitch) expect(op["x-routeros-arch"]).toEqual({ only: "arm64", compared: ["x86", "arm64"], fromComparison: true });
    const blink = ops.find((o) => o["x-routeros-menu"] === "/" && o["x-routeros-command"] === "blink");
    expect(blink?.["x-routeros-arch"]).toMatchObject({ only: "arm64", fromComparison: true });
    const marked = ops.filter((o) => o["x-routeros-arch"]);
    expect(marked.length).toBe(onSwitch.length + 1);
    // An arg x86 alone has is marked on the body that takes it; nothing else on that body is.
    const setBody = document.components!.schemas!["SystemIdentitySetArgs"] as OpenAPIV3.SchemaObject;
    expect((setBody.properties!["note"] as Record<string, unknown>)["x-routeros-arch"]).toEqual({
      only: "x86",
      compared: ["x86", "arm64"],
    });
    expect((setBody.properties!["name"] as Record<string, unknown>)["x-routeros-arch"]).toBeUndefined();
    // The added host add body: its two args by name, typed no further than the comparison shows.
    const hostAdd = ops.find((o) => o["x-routeros-menu"] === "/interface/ethernet/switch/host" && o["x-routeros-verb"] === "add")!;
    const ref = ((hostAdd.requestBody as OpenAPIV3.RequestBodyObject).content["application/json"]!.schema as OpenAPIV3.ReferenceObject)
      .$ref;
    const body = document.components!.schemas![ref.split("/").pop()!] as OpenAPIV3.SchemaObject;
    expect(Object.keys(body.properties!).sort()).toEqual(["mac-address", "ports"]);
    expect(body.required).toBeUndefined();
  });

  it("the command line reads --arch-diff and the client's JSDoc shows the mark; a file that is not a comparison gets one line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-arch-"));
    try {
      await writeFile(join(dir, "model.json"), serializeModel(model()));
      await writeFile(join(dir, "diff.json"), JSON.stringify(comparison));
      const out = join(dir, "out");
      const run = await runCli([
        "generate",
        "--from",
        join(dir, "model.json"),
        "--arch-diff",
        join(dir, "diff.json"),
        "--no-facts",
        "--out",
        out,
      ]);
      expect(run.stderr).toBe("");
      expect(run.stdout).toContain(`architecture: x86 vs arm64 from ${join(dir, "diff.json")}`);
      const doc = JSON.parse(await readFile(join(out, "openapi.json"), "utf8")) as OpenAPIV3.Document;
      expect(operations(doc).filter((o) => o["x-routeros-arch"]).length).toBeGreaterThan(7);
      const declarations = (await readdir(join(out, "client"))).filter((f) => f.endsWith(".d.ts"));
      const client = (await Promise.all(declarations.map((f) => readFile(join(out, "client", f), "utf8")))).join("\n");
      expect(client).toContain("@remarks arm64 only (of x86, arm64); known from the comparison's paths alone, untyped");
      expect(client).toContain("@remarks x86 only (of x86, arm64)");
      const site = join(dir, "site");
      const built = await runCli([
        "site",
        "--from",
        join(dir, "model.json"),
        "--arch-diff",
        join(dir, "diff.json"),
        "--no-downloads",
        "--out",
        site,
      ]);
      expect(built.code).toBe(0);
      const page = await readFile(join(site, "7.99/m/interface.ethernet.switch.host.html"), "utf8");
      expect(page).toContain('<span class="badge arch">arm64 only</span>');
      await writeFile(join(dir, "bad.json"), JSON.stringify({ a: {}, onlyInA: [] }));
      const bad = await runCli([
        "generate",
        "--from",
        join(dir, "model.json"),
        "--arch-diff",
        join(dir, "bad.json"),
        "--out",
        join(dir, "bad"),
      ]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toBe(
        `rosapi: ${join(dir, "bad.json")}: not restraml's architecture comparison (expected a.label, b.label, onlyInA[], onlyInB[])\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
