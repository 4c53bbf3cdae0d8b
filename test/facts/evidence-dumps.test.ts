/**
 * The "Done when" of the evidence facts over real dumps: 7.22.3 base and
 * extra with the 7.22.1 observed probe and Ansible's _api_data.py.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { buildOpenApi } from "../../src/openapi/index.js";
import { disagreements, factSet, factsForModel, readFactFiles, type FactInput, type ProbeRow } from "../../src/facts/index.js";
import type { EvidenceExtensions } from "../../src/openapi/extensions.js";
import { findMenu } from "../../src/model/walk.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { documentValidator } from "../helpers/ajv.js";
import { exportsPresent, loadExports } from "../helpers/exports.js";
import { ANSIBLE, CONSOLE_INSPECT_DOC, evidencePresent, PROBE_7221 } from "./helpers.js";

type Schema = OpenAPIV3.SchemaObject & EvidenceExtensions;
/** Value forms ../shared/docs/console-inspect.md says RouterOS writes, with the words that say so (checked there). */
const DOC_FORMS: Record<string, string> = {
  "": '`""` to clear a value',
  auto: "`string value` + `auto`/`none`",
  none: "`string value` + `auto`/`none`",
  never: "`time interval` + `never`",
  "::": "does not exclude the other family",
  "0.0.0.0:0": "with ports (`0.0.0.0:37008`)",
  "0.0.0.0:37008": "with ports (`0.0.0.0:37008`)",
};
/** Widened defaults that no export, completion or doc shows: Ansible's word only, where the syntax names a time or number. */
const UNCONFIRMED = new Set([
  "/caps-man/aaa interim-update=disabled",
  "/caps-man/aaa mac-caching=disabled",
  "/interface/wireless update-stats-interval=disabled",
  "/interface/wireless/security-profiles radius-mac-caching=disabled",
  "/ip/dhcp-server bootp-lease-time=forever",
  "/ip/hotspot/profile radius-interim-update=received",
  "/ipv6/nd reachable-time=unspecified",
  "/ipv6/nd retransmit-interval=unspecified",
]);
/** The rows of the 7.22.1 probe whose own words make their args a group (read by hand from each `rawError`). */
const GROUPS: Record<string, "oneOf" | "anyOf"> = {
  "/interface/wifi": "oneOf", // must specify exactly one of radio-mac, master-interface or mld-name
  "/routing/bgp/vpls": "oneOf", // must set either site-id or cisco-id
  "/ip/dhcp-server/lease": "anyOf", // mac-address or client-id or agent-remote-id or agent-circuit-id must be present
  "/ip/dns/static": "anyOf", // name or regexp required
  "/ip/hotspot/ip-binding": "anyOf", // address or mac-address is required
  "/mpls/mangle": "anyOf", // set-exp or set-mark required
};
/**
 * Ansible's defaults, read by eye off ../shared/evidence/ansible/_api_data.py (collection 3.21.0) at the line given,
 * each as RouterOS writes it in a body (`False` is `no`, numbers are strings). They hold for every version: the
 * paths are `unversioned`, and connection-tracking-port's field is `versioned_fields` for 7.20 and later. The rows
 * hold the facts and their line only, none of the file's text.
 */
const ANSIBLE_BY_HAND: [menu: string, arg: string, value: string, line: number][] = [
  ["/ip/address", "disabled", "no", 6618],
  ["/interface/vrrp", "version", "3", 4469],
  ["/interface/vrrp", "connection-tracking-port", "8275", 4443],
  ["/interface/l2tp-client", "profile", "default-encryption", 3644],
  ["/interface/pppoe-client", "max-mru", "auto", 4154],
  ["/ipv6/nd", "ra-lifetime", "30m", 9409],
  ["/queue/simple", "parent", "none", 10369],
  ["/system/ntp/client/servers", "min-poll", "6", 12321],
  ["/ip/firewall/connection/tracking", "tcp-syn-received-timeout", "5s", 7224],
  ["/ip/hotspot/user/profile", "shared-users", "1", 7753],
];

/**
 * A second, deliberately naive read of _api_data.py, line by line, beside our reader: the one-line
 * `'arg': KeyInfo(... default=<literal> ...)` entries of the `fields={` block of each `unversioned` path (data for
 * every version). Versioned paths, versioned_fields and entries over several lines it leaves out.
 */
function naiveAnsibleDefaults(source: string): { menu: string; arg: string; value: string | number | boolean; line: number }[] {
  const lines = source.split("\n");
  const out: ReturnType<typeof naiveAnsibleDefaults> = [];
  let menu = "";
  let unversioned = false;
  let inFields = false;
  lines.forEach((line, i) => {
    const path = /^ {4}\(((?:'[^']+',? ?)+)\): APIData\($/.exec(line);
    if (path) {
      menu = "/" + [...path[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]).join("/");
      unversioned = lines[i + 1] === "        unversioned=VersionedAPIData(";
      inFields = false;
    } else if (unversioned && line === "            fields={") inFields = true;
    else if (unversioned && line === "            },") inFields = false;
    else if (inFields) {
      const entry = /^ {16}'([^']+)': KeyInfo\(.*\bdefault=('(?:[^'\\]|\\.)*'|True|False|-?\d+)[,)]/.exec(line);
      if (!entry) return;
      const raw = entry[2]!;
      const value =
        raw === "True" ? true : raw === "False" ? false : raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : Number(raw);
      out.push({ menu, arg: entry[1]!, value, line: i + 1 });
    }
  });
  return out;
}

const DUMPS = ["7.22.3-deep", "7.22.3-extra"].flatMap((n) => dump(n) ?? []);

describe.skipIf(!evidencePresent || DUMPS.length === 0)("evidence on 7.22.3 base and extra", async () => {
  const inputs: FactInput[] = evidencePresent ? await readFactFiles([PROBE_7221, ANSIBLE]) : [];
  const rows = evidencePresent ? (JSON.parse(await readFile(PROBE_7221, "utf8")) as ProbeRow[]) : [];
  const ansibleRows = evidencePresent ? naiveAnsibleDefaults(await readFile(ANSIBLE, "utf8")) : [];

  describe.each(DUMPS)("$name", async (d) => {
    const model = await loadDump(d);
    const facts = factsForModel(inputs, model);
    const doc = buildOpenApi(model, facts);
    const schemas = doc.components!.schemas as Record<string, Schema>;
    const resolve = (s: Schema | OpenAPIV3.ReferenceObject): Schema => ("$ref" in s ? schemas[s.$ref.split("/").pop()!]! : s);
    const addBody = (menu: string): Schema | undefined => {
      const put = doc.paths[menu]?.put;
      const body = put?.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      return body && resolve(body.content["application/json"]!.schema!);
    };
    const itemSchema = (menu: string): Schema | undefined => {
      const ok = doc.paths[menu]?.get?.responses["200"] as OpenAPIV3.ResponseObject | undefined;
      const reply = ok?.content?.["application/json"]?.schema as Schema | undefined;
      return reply && resolve(reply.type === "array" ? reply.items : reply);
    };
    /** The property `arg` of the menu's add body and of its item (or settings) schema. */
    const menuProperties = (menu: string, arg: string): [string, Schema][] =>
      [addBody(menu), itemSchema(menu)].flatMap((o) => (o ? properties(o).filter(([n]) => n === arg) : []));
    /** Every object property, with its value merged as a reader sees it. */
    const properties = (schema: Schema): [string, Schema][] =>
      Object.entries(schema.properties ?? {}).map(([name, p]) => {
        const own = p as Schema;
        const ref = own.allOf?.length === 1 ? own.allOf[0] : undefined;
        return [name, ref ? { ...resolve(ref), ...own, allOf: undefined } : resolve(own)];
      });

    it("every observed required set appears exactly on its add body, groups as groups (100% of the evidence's menus in the dump)", () => {
      // Expected values from the raw rows and the evidence's README, not from our reader: a row with an error and
      // no args read is a probe error; any other row requires its `required` args, all of them unless its own
      // words say "or" / "one of" (GROUPS).
      const addMenus = rows.filter((row) => findMenu(model.root, row.path.split("/").slice(1))?.commands.add);
      let checked = 0;
      for (const row of addMenus) {
        const body = addBody(row.path);
        expect(body, row.path).toBeDefined();
        const evidence = body!["x-routeros-evidence"]?.required;
        if (row.rawError !== "" && row.required.length === 0) {
          expect(evidence?.status, row.path).toBe("unknown");
          expect(body!.required, row.path).toBeUndefined();
          continue;
        }
        checked++;
        expect(evidence, row.path).toMatchObject({ status: "known", source: "observed", inferredFrom: "7.22.1" });
        expect(evidence?.notInTree, row.path).toBeUndefined();
        const group = GROUPS[row.path];
        expect([...(body!.required ?? [])].sort(), row.path).toEqual(group ? [] : [...row.required].sort());
        if (group) expect(body![group], row.path).toEqual([...row.required].sort().map((a) => ({ required: [a] })));
        else expect([body!.oneOf, body!.anyOf], row.path).toEqual([undefined, undefined]);
      }
      // The base dump has every probed menu; the extra one (other packages) most of them.
      expect(checked).toBeGreaterThan(d.deep ? 200 : 150);
      expect(checked).toBe(addMenus.length - addMenus.filter((r) => r.rawError !== "" && r.required.length === 0).length);
    });

    it("a menu with add but no evidence says unknown", () => {
      const unknown = Object.keys(doc.paths).filter((p) => addBody(p)?.["x-routeros-evidence"]?.required?.status === "unknown");
      const probed = new Set(rows.filter((r) => r.rawError === "" || r.required.length > 0).map((r) => r.path));
      expect(unknown.filter((p) => probed.has(p))).toEqual([]);
      if (!d.deep) expect(unknown.length).toBeGreaterThan(0);
    });

    it("Ansible's defaults read by hand appear as `default` with their value", () => {
      for (const [menu, arg, value, line] of ANSIBLE_BY_HAND) {
        const shown: unknown[] = menuProperties(menu, arg).map(([, p]) => p.default as unknown);
        expect(shown.length, `${menu} ${arg} (line ${line})`).toBeGreaterThan(0);
        expect(shown, `${menu} ${arg} (line ${line})`).toContain(value);
      }
    });

    it("95% or more of Ansible's defaults whose arg exists appear as `default`, and every default validates against its own property schema", () => {
      const { compile } = documentValidator(doc);
      // The rows of a naive read of the raw file, not of our reader: each must be one of the reader's facts too.
      expect(ansibleRows.length).toBeGreaterThan(1000);
      const read = new Set(factSet(inputs[1]!, "7.22.3").defaults.map((f) => `${f.menu} ${f.arg}=${JSON.stringify(f.value)}`));
      expect(ansibleRows.filter((r) => !read.has(`${r.menu} ${r.arg}=${JSON.stringify(r.value)}`)).map((r) => `line ${r.line}`)).toEqual(
        [],
      );
      let present = 0;
      let shown = 0;
      const missing: string[] = [];
      for (const f of ansibleRows) {
        const props = menuProperties(f.menu, f.arg);
        if (props.length === 0) continue;
        present++;
        if (props.some(([, p]) => p.default !== undefined)) shown++;
        else missing.push(`${f.menu} ${f.arg}=${JSON.stringify(f.value)} (line ${f.line})`);
      }
      expect(present).toBeGreaterThan(d.deep ? 800 : 50);
      expect(shown / present, missing.join("\n")).toBeGreaterThanOrEqual(0.95);
      let defaults = 0;
      for (const schema of Object.values(schemas)) {
        for (const [name, p] of properties(schema)) {
          if (p.default === undefined) continue;
          defaults++;
          const { default: value, ...valueSchema } = p;
          expect(compile(valueSchema)(value), `${name}=${JSON.stringify(value)}`).toBe(true);
        }
      }
      expect(defaults).toBeGreaterThan(present);
    });

    it("every disagreement between the sources is listed, with the rule that decided it", async () => {
      const lines = disagreements(facts)
        .filter((x) => addBody(x.menu) || doc.paths[x.menu])
        .map(
          (x) =>
            `${x.menu}${x.arg ? ` ${x.arg}` : ""}: ${x.winner.source} ${x.winner.version} over ${x.losers.map((l) => `${l.source} ${l.version}`).join(", ")} (${x.decidedBy})`,
        );
      const refused: string[] = [];
      const widened: string[] = [];
      for (const [menu, m] of facts.menus) {
        for (const arg of m.defaults.keys()) {
          const e = menuProperties(menu, arg).flatMap(([, p]) => p["x-routeros-evidence"]?.default ?? [])[0];
          const key = `${menu} ${arg}=${JSON.stringify(e?.value)}`;
          if (e?.refused)
            refused.push(`${key}: the schema refuses it even widened (curated value kept in x-routeros-evidence, no default)`);
          else if (e?.widened) widened.push(`${key}: widened (${e.origin}, ${e.raw})`);
        }
      }
      await expect([...lines, "", ...refused, "", ...widened].join("\n") + "\n").toMatchFileSnapshot(
        `__snapshots__/disagreements-${d.name}.txt`,
      );
    });

    it.skipIf(!exportsPresent)(
      "each widened value is a form RouterOS writes: an /export shows it, the router's own completions offer it, or it is in UNCONFIRMED",
      async () => {
        const written = new Set(loadExports().flatMap((l) => Object.entries(l.args).map(([k, v]) => `${l.menu} ${k}=${v}`)));
        const lines: string[] = [];
        const unbacked: string[] = [];
        for (const [menu, m] of facts.menus) {
          for (const [arg, decision] of m.defaults) {
            const key = `${menu} ${arg}=${String(decision.value)}`;
            const shown = menuProperties(menu, arg).map(([, p]) => p["x-routeros-evidence"]?.default);
            if (!shown.some((e) => e?.widened)) continue;
            const offered = Object.values(findMenu(model.root, menu.split("/").slice(1))?.commands ?? {}).some((c) =>
              c.args[arg]?.completions?.some((w) => w.word === String(decision.value)),
            );
            const value = String(decision.value);
            const backing = written.has(key)
              ? "seen in an export"
              : offered
                ? "offered by the router's completions"
                : value in DOC_FORMS
                  ? `a form the docs give (${DOC_FORMS[value]})`
                  : UNCONFIRMED.has(key)
                    ? "unconfirmed: Ansible's word only"
                    : undefined;
            if (backing === undefined) unbacked.push(key);
            lines.push(`${key}: ${backing ?? "NOT BACKED"}`);
          }
        }
        expect(unbacked).toEqual([]);
        const docs = await readFile(CONSOLE_INSPECT_DOC, "utf8");
        for (const quote of Object.values(DOC_FORMS)) expect(docs, quote).toContain(quote);
        await expect(lines.sort().join("\n") + "\n").toMatchFileSnapshot(`__snapshots__/widened-${d.name}.txt`);
      },
    );
  });
});
