/**
 * History, where and the merged multi-version document against a direct
 * walk of the dumps' JSON (presence per version computed here, not through
 * the model), plus the merged document's validity, lint and client (merge.test.ts: on a tiny model).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { OpenAPIV3 } from "openapi-types";
import { afterAll, describe, expect, it } from "vitest";
import { buildHistory, whereIs } from "../../src/history/index.js";
import { compareVersions, mergeModels } from "../../src/model/merge.js";
import { versionFromPath } from "../../src/model/restraml.js";
import type { SchemaModel } from "../../src/model/types.js";
import { buildOpenApi, toJson, validateOpenApi } from "../../src/openapi/index.js";
import { DUMPS, loadDump } from "../helpers/dumps.js";
import { ROOT } from "../helpers/cli.js";
import { compile, removeClient, writeClient } from "../helpers/generated-client.js";

type Raw = Record<string, unknown> & { _type?: string; _completion?: Record<string, { style: string }> };
interface Walked {
  nodes: Set<string>;
  /** Menu key → listed property names (undefined: not listed) and add/set arg names. */
  menus: Map<string, { listed?: Set<string>; writable: Set<string> }>;
}

const child = (node: Raw | undefined, name: string): Raw | undefined => node?.[name] as Raw | undefined;
const words = (arg: Raw | undefined) => {
  const list = Object.entries(arg?._completion ?? {})
    .filter(([, c]) => c.style === "none" || c.style === "arg")
    .map(([w]) => w);
  return list.length ? list : undefined;
};

function walk(node: Raw, names: string[], out: Walked): void {
  const path = "/" + names.join("/");
  out.nodes.add(`menu ${path}`);
  const argsOf = (cmd: string) => Object.keys(child(node, cmd) ?? {}).filter((k) => !k.startsWith("_"));
  const listed = words(child(child(node, "print"), "proplist")) ?? words(child(child(node, "get"), "value-name"));
  out.menus.set(`menu ${path}`, {
    ...(listed ? { listed: new Set(listed) } : {}),
    writable: new Set([...argsOf("add"), ...argsOf("set")]),
  });
  for (const p of listed ?? []) out.nodes.add(`property ${path} .${p}`);
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith("_") || typeof value !== "object" || value === null) continue;
    const c = value as Raw;
    if (c._type === "cmd") {
      const cPath = "/" + [...names, name].join("/");
      out.nodes.add(`command ${cPath}`);
      for (const arg of Object.keys(c)) if (!arg.startsWith("_") && arg !== "desc") out.nodes.add(`arg ${cPath} ${arg}`);
    } else if (c._type === "path" || c._type === "dir") walk(c, [...names, name], out);
  }
}

/** since / removed-in of every node, by the rules EXTENSIONS.md states, from the raw walks. */
function expectedSpans(trees: { version: string; walked: Walked }[]): Map<string, { since?: string; removedIn?: string }> {
  const versions = [...new Set(trees.map((t) => t.version))].sort(compareVersions);
  const byVersion = versions.map((v) => trees.filter((t) => t.version === v).map((t) => t.walked));
  const all = new Set(trees.flatMap((t) => [...t.walked.nodes]));
  const packaged = new Set(
    [...all].filter((k) => byVersion.some((ws) => ws.some((w) => w.nodes.has(k)) && ws.some((w) => !w.nodes.has(k)))),
  );
  const withPackages = byVersion.map((ws) => ws.some((w) => [...packaged].some((k) => w.nodes.has(k))));
  const spans = new Map<string, { since?: string; removedIn?: string }>();
  for (const key of all) {
    const row = byVersion.map((ws, i) => {
      if (ws.some((w) => w.nodes.has(key))) return true;
      const m = /^property (.*) \.(.*)$/.exec(key);
      if (m) {
        const menus = ws.flatMap((w) => w.menus.get(`menu ${m[1]}`) ?? []);
        if (menus.some((x) => x.listed)) return false;
        if (menus.some((x) => x.writable.has(m[2]!))) return true;
        if (menus.length) return undefined;
      }
      return packaged.has(key) && !withPackages[i] ? undefined : false;
    });
    const last = row.lastIndexOf(true);
    const gone = row.findIndex((p, i) => i > last && p === false);
    spans.set(key, { since: versions[row.indexOf(true)], ...(gone >= 0 ? { removedIn: versions[gone] } : {}) });
  }
  return spans;
}

const dir = await mkdtemp(join(tmpdir(), "rosapi-merged-"));
const clients: string[] = [];
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await Promise.all(clients.map(removeClient));
});

const haveAll = DUMPS.length === 6;

describe.skipIf(!haveAll)("history, where and the merged document over the six shared trees", () => {
  let models: SchemaModel[] = [];
  let spans = new Map<string, { since?: string; removedIn?: string }>();

  it("history agrees with a direct walk for every node, and where for some", async () => {
    models = await Promise.all(DUMPS.map(loadDump));
    const walked = await Promise.all(
      DUMPS.map(async (d) => {
        const w: Walked = { nodes: new Set(), menus: new Map() };
        const raw = JSON.parse(await readFile(d.file, "utf8")) as Raw & { _meta?: { version?: string } };
        walk(raw, [], w);
        return { version: raw._meta?.version ?? versionFromPath(d.file)!, walked: w };
      }),
    );
    spans = expectedSpans(walked);
    const history = buildHistory(models);
    expect(history.versions).toEqual(["7.16", "7.20.8", "7.22.3", "7.23.3"]);
    const got = new Map(
      history.nodes.map((n) => [`${n.level} ${n.path}`, { since: n.since, ...(n.removedIn ? { removedIn: n.removedIn } : {}) }]),
    );
    expect(got.size).toBe(spans.size);
    for (const [key, span] of spans) expect(got.get(key), key).toEqual(span);
    expect([...got.values()].some((s) => s.removedIn)).toBe(true);
    const where = whereIs(models, "ip/address/add/address");
    expect(where.nodes).toHaveLength(1);
    expect({ since: where.nodes[0]!.since }).toEqual(spans.get("arg /ip/address/add address"));
  }, 120_000);

  it("the merged document carries every node's since / removed-in, validates, lints clean and its client compiles", async () => {
    const doc = buildOpenApi(mergeModels(models));
    const ext = (x: object) => {
      const o = x as Record<string, string | undefined>;
      return { since: o["x-routeros-since"], ...(o["x-routeros-removed-in"] ? { removedIn: o["x-routeros-removed-in"] } : {}) };
    };
    const component = (ref: unknown) =>
      doc.components!.schemas![
        String((ref as { $ref: string }).$ref)
          .split("/")
          .pop()!
      ] as OpenAPIV3.SchemaObject;
    let checked = 0;
    const check = (key: string, node: object) => {
      const want = spans.get(key);
      if (!want) return;
      expect(ext(node), key).toEqual(want);
      checked++;
    };
    for (const [url, item] of Object.entries(doc.paths) as [string, OpenAPIV3.PathItemObject][]) {
      if (item.post) {
        check(`command ${url}`, item);
        check(`command ${url}`, item.post);
        const body = component((item.post.requestBody as OpenAPIV3.RequestBodyObject).content["application/json"]!.schema);
        for (const [arg, schema] of Object.entries(body.properties ?? {})) if (!arg.startsWith(".")) check(`arg ${url} ${arg}`, schema);
      } else if (!url.endsWith("/{id}")) {
        check(`menu ${url}`, item);
        const reply = (item.get!.responses["200"] as OpenAPIV3.ResponseObject).content!["application/json"]!
          .schema as OpenAPIV3.SchemaObject;
        const object = component("items" in reply ? reply.items : reply);
        for (const [name, schema] of Object.entries(object.properties ?? {}))
          if (spans.has(`property ${url} .${name}`)) check(`property ${url} .${name}`, schema);
      }
    }
    expect(checked).toBeGreaterThan(40_000);

    await validateOpenApi(doc);
    const file = join(dir, "merged.json");
    await writeFile(file, toJson(doc));
    const { stdout } = await promisify(execFile)(join(ROOT, "node_modules/.bin/redocly"), ["lint", "--format=json", file], {
      maxBuffer: 256 << 20,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? "" }));
    const report = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { totals: object; problems: unknown[] };
    expect(report.totals, JSON.stringify(report.problems.slice(0, 3))).toMatchObject({ errors: 0, warnings: 0 });

    const client = await writeClient(mergeModels(models), "merged");
    clients.push(client);
    expect(await compile([join(client, "client/index.d.ts")])).toBe("");
  }, 600_000);
});
