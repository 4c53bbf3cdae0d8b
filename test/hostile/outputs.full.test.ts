/**
 * Hostile strings through every output: the shared hostile dump generates a
 * client whose .js and .d.ts parse, compile and run nothing from the dump, a
 * collection whose scripts carry no payload as code, YAML that reads back as
 * the JSON document, and diff text and Markdown where every name is inert text.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDiff, markdownDiff, diffModels } from "../../src/diff/index.js";
import { generate } from "../../src/generate.js";
import type { OutputFile } from "../../src/io/files.js";
import type { SchemaModel } from "../../src/model/types.js";
import { OUT, removeClient, runTsc } from "../helpers/generated-client.js";
import { hostileModel, inspectSource, pwned } from "../helpers/hostile.js";
import { tinyModel } from "../helpers/tiny-model.js";

let model: SchemaModel;
let files: OutputFile[];
let dir: string;
const file = (path: string) => files.find((f) => f.path === path)!.content;

beforeAll(async () => {
  model = await hostileModel();
  ({ files } = await generate({ model }));
  await mkdir(OUT, { recursive: true });
  dir = await mkdtemp(join(OUT, "hostile-"));
  for (const f of files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.content);
  }
});
afterAll(() => removeClient(dir));

/** Characters that would make text do something on a terminal or in a viewer: controls, line separators, direction marks. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("the hostile dump through every output", () => {
  it("is a valid model, and every output path stays inside the output folder", () => {
    expect(Object.keys(model.root.menus).length).toBeGreaterThan(15);
    for (const f of files) {
      expect(f.path, f.path).toMatch(/^[\w$.-]+(\/[\w$.-]+)*$/);
      expect(f.path.split("/"), f.path).not.toContain("..");
    }
  });

  it("the client: every .js and .d.ts parses, carries no payload as code, and compiles strictly", async () => {
    const client = files.filter((f) => f.path.startsWith("client/"));
    expect(client.length).toBeGreaterThan(20);
    for (const f of client) expect(inspectSource(f.content, f.path), f.path).toEqual({ errors: [], payloadAsCode: false });
    const tsc = await runTsc([join(dir, "client/index.d.ts")]);
    expect(tsc.stdout).toBe("");
    expect(tsc.ok).toBe(true);
  });

  it("the client: importing it and building every menu runs nothing from the dump", async () => {
    const mod = (await import(join(dir, "client/index.js"))) as {
      createClient(options: object): Record<string, unknown> & { close(): Promise<void> };
    };
    const ros = mod.createClient({ baseUrl: "http://127.0.0.1:9/rest", username: "u", password: "" });
    expect(Object.keys(ros).length).toBeGreaterThan(15);
    await ros.close();
    expect(pwned()).toBe(false);
  });

  it("the collection: every script parses and carries no payload as code; the names are data", () => {
    const collection = JSON.parse(file("postman.json")) as object;
    const scripts: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== "object") return;
      const script = (node as { script?: { exec?: string[] } }).script;
      if (Array.isArray(script?.exec)) scripts.push(script.exec.join("\n"));
      Object.values(node).forEach(walk);
    };
    walk(collection);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(inspectSource(script, "script.js")).toEqual({ errors: [], payloadAsCode: false });
    expect(JSON.stringify(collection)).toContain("globalThis.__rosapiPwned=1");
  });

  it("YAML reads back as the JSON document, hostile strings and all", () => {
    expect(yaml.load(file("openapi.yaml"))).toEqual(JSON.parse(file("openapi.json")));
  });

  it("diff text: every name is inert (no control, separator or direction character reaches the terminal)", () => {
    const text = formatDiff(diffModels(tinyModel(), model));
    expect(text).toContain("globalThis.__rosapiPwned=1");
    expect(text).not.toMatch(ACTIVE);
  });

  it("diff Markdown: no HTML but its own, no control characters, names in code spans that hold", () => {
    const markdown = markdownDiff(diffModels(tinyModel(), model));
    expect(markdown).toContain("rosapiPwned");
    expect(markdown).not.toMatch(ACTIVE);
    // Code spans hold text whatever it is: HTML is looked for outside them.
    const tags = markdown.replace(/(`+)[^`][\s\S]*?\1/g, "").match(/<\/?[a-z!][^>]*>?/gi) ?? [];
    for (const tag of tags) expect(["<details>", "<summary>", "</summary>", "</details>"]).toContain(tag);
  });
});
