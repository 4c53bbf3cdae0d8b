/**
 * Serving the 7.22.3 deep dump, `/console/inspect` answers for every node
 * exactly what the dump holds: checked against the raw restraml JSON, not
 * against our model, over real HTTP.
 */
import { readFile } from "node:fs/promises";
import { Pool } from "undici";
import { afterAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/model/load.js";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { dump } from "../helpers/dumps.js";
import { call } from "../helpers/rest.js";

type Raw = { _type?: string; desc?: string; _completion?: Record<string, { style: string; preference: number; desc?: string }> } & Record<
  string,
  unknown
>;

const deep = dump("7.22.3-deep");
let sim: RunningSimulator | undefined;
afterAll(() => sim?.close());

const childrenOf = (node: Raw) =>
  Object.entries(node).filter(([name, v]) => !name.startsWith("_") && !(name === "desc" && typeof v === "string")) as [string, Raw][];

describe.skipIf(!deep)("inspect over the 7.22.3 deep dump", () => {
  it("answers child, syntax and completion for every node as the dump holds them", async () => {
    const raw = JSON.parse(await readFile(deep!.file, "utf8")) as Raw;
    sim = await startSimulator({ model: await loadModel(deep!.file) });
    const origin = new URL(sim.url).origin;
    const pool = new Pool(origin, { connections: 8, pipelining: 1 });
    const auth = `Basic ${Buffer.from("admin:").toString("base64")}`;
    const ask = async (request: string, path: string[]): Promise<Record<string, string>[]> => {
      const res = await pool.request({
        method: "POST",
        path: "/rest/console/inspect",
        headers: { authorization: auth, "content-type": "application/json" },
        body: JSON.stringify({ request, path: path.join(",") }),
      });
      return (await res.body.json()) as Record<string, string>[];
    };

    const checks: (() => Promise<void>)[] = [];
    const visit = (node: Raw, path: string[], type: string) => {
      if (type === "arg") {
        checks.push(async () => {
          const syntax = await ask("syntax", path);
          expect(syntax, path.join(",")).toEqual([
            { symbol: "", "symbol-type": "definition", text: node.desc ?? "", nested: "0", nonorm: "false", type: "syntax" },
          ]);
          const completion = await ask("completion", path);
          const want = Object.entries(node._completion ?? {}).map(([word, c]) => [word, c.style, String(c.preference), c.desc ?? ""]);
          expect(
            completion.map((c) => [c.completion, c.style, c.preference, c.text]),
            path.join(","),
          ).toEqual(want);
          expect(completion.every((c) => c.show === "true" && c.type === "completion")).toBe(true);
        });
        return;
      }
      const children = childrenOf(node);
      checks.push(async () => {
        const answer = await ask("child", path);
        expect(answer[0], path.join(",")).toEqual({ name: path.at(-1) ?? "root", "node-type": type, type: "self" });
        const got = answer
          .slice(1)
          .map((r) => `${r.name}:${r["node-type"]}:${r.type}`)
          .sort();
        expect(got, path.join(",")).toEqual(children.map(([n, c]) => `${n}:${c._type}:child`).sort());
      });
      for (const [name, child] of children) visit(child, [...path, name], child._type!);
    };
    visit(raw, [], "path");

    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < checks.length) await checks[next++]!();
      }),
    );
    await pool.close();
    expect(checks.length).toBeGreaterThan(30_000);
    expect((await call(sim.url, "POST", "console/inspect", { body: { request: "child", path: "nothing,here" } })).body).toEqual([]);
  });
});
