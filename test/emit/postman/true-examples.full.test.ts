/**
 * Every example value in the collection validates against its own schema
 * (ajv over the OpenAPI document): request bodies arg by arg, list filters,
 * saved replies. An item id variable stands for an id (`*1`). And the
 * document is the one source of examples: every value equals the document's
 * example, or belongs to the run (an id variable, `disabled`, a name and a
 * comment of the run's own item, the bound and target of a read, the
 * crawler's inspect request).
 */
import { Ajv, type ValidateFunction } from "ajv";
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { RUN_TEXT } from "../../../src/view/requests.js";
import { buildView } from "../../../src/view/index.js";
import { resolve } from "../../../src/openapi/refs.js";
import { buildOpenApi } from "../../../src/openapi/index.js";
import { sampleModel } from "../../../src/sample/index.js";
import { DUMPS } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";

interface Request {
  method: string;
  url: { raw: string; query?: { key: string; value: string }[] };
  body?: { raw: string };
}
interface Item {
  name: string;
  item?: Item[];
  request?: Request;
  response?: { body: string }[];
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const withIds = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/\{\{[A-Za-z0-9_]+\}\}/g, "*1"));

/** Validators by JSON pointer into the document, compiled once each. */
function validators(doc: OpenAPIV3.Document) {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
  ajv.addSchema(doc, "doc");
  const cache = new Map<string, ValidateFunction>();
  return (pointer: string): ValidateFunction => {
    const known = cache.get(pointer);
    if (known) return known;
    const compiled = ajv.compile({ $ref: `doc${pointer}` });
    cache.set(pointer, compiled);
    return compiled;
  };
}

/** Checks every example of a document's collection; returns the failures and how many values were checked. */
function check(doc: OpenAPIV3.Document): { checked: number; failures: string[]; addBodies: Map<string, string[]> } {
  const validator = validators(doc);
  const view = buildView(doc);
  const byName = new Map(view.operations.map((op) => [`${op.method.toUpperCase()} ${op.path.replace("{id}", ":id")}`, op]));
  const collection = buildCollection(view) as { item: Item[] };
  const all = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? all(i.item) : [i]));
  const failures: string[] = [];
  const addBodies = new Map<string, string[]>();
  let checked = 0;
  const expectValid = (where: string, pointer: string, value: unknown) => {
    checked++;
    const validate = validator(pointer);
    if (!validate(withIds(value))) failures.push(`${where} = ${JSON.stringify(value)}: ${validate.errors?.[0]?.message}`);
  };
  for (const item of all(collection.item)) {
    const op = byName.get(item.name)!;
    const path = `#/paths/${escape(op.path)}/${op.method}`;
    if (item.request?.body) {
      const body = JSON.parse(item.request.body.raw) as Record<string, unknown>;
      const ref = (op.bodySchema as OpenAPIV3.ReferenceObject | undefined)?.$ref;
      const base = ref ?? `${path}/requestBody/content/application~1json/schema`;
      if ("hide-sensitive" in body && "show-sensitive" in body) failures.push(`${item.name}: hide-sensitive with show-sensitive`);
      for (const [key, value] of Object.entries(body)) {
        const name = op.body?.properties?.[key] ? key : key.replace(/^\./, "");
        if (!op.body?.properties?.[name]) failures.push(`${item.name}: ${key} is no arg`);
        else expectValid(`${item.name} ${key}`, `${base}/properties/${escape(name)}`, value);
        const ofTheRun =
          (typeof value === "string" && /^\{\{\w+\}\}$/.test(value)) ||
          (key === "disabled" && value === "yes") ||
          RUN_TEXT[key] === value ||
          op.safety.readsWith?.[key] === value ||
          key === ".proplist" ||
          op.menu === "/console";
        const documented = op.body?.properties?.[name] ? view.example(op.body.properties[name]) : undefined;
        if (!ofTheRun && JSON.stringify(value) !== JSON.stringify(documented))
          failures.push(`${item.name} ${key} = ${JSON.stringify(value)}, the document says ${JSON.stringify(documented)}`);
      }
      if (op.verb === "add" || op.command === "add") addBodies.set(op.menu, [...(addBodies.get(op.menu) ?? []), item.request.body.raw]);
    }
    for (const q of item.request?.url.query ?? []) {
      if (q.key === ".proplist") continue;
      const reply = op.replySchema as OpenAPIV3.ArraySchemaObject | undefined;
      const itemsRef = (reply?.items as OpenAPIV3.ReferenceObject | undefined)?.$ref;
      const items = itemsRef ? resolve<OpenAPIV3.SchemaObject>(doc, reply!.items) : undefined;
      if (itemsRef && items?.properties?.[q.key]) expectValid(`${item.name} ?${q.key}`, `${itemsRef}/properties/${escape(q.key)}`, q.value);
      else {
        const index = (op.operation.parameters ?? []).findIndex((p) => resolve<OpenAPIV3.ParameterObject>(doc, p).name === q.key);
        expectValid(`${item.name} ?${q.key}`, `${path}/parameters/${index}/schema`, q.value);
      }
    }
    const saved = item.response?.[0]?.body;
    const reply = op.reply.schema;
    if (saved && reply) {
      const pointer = "$ref" in reply ? reply.$ref : `${path}/responses/${op.reply.status}/content/application~1json/schema`;
      expectValid(`${item.name} reply`, pointer, JSON.parse(saved));
      if (JSON.stringify(JSON.parse(saved)) !== JSON.stringify(view.example(reply)))
        failures.push(`${item.name}: reply is not the document's example`);
    }
  }
  return { checked, failures, addBodies };
}

const sources = [
  { name: "the sample tree", doc: async () => buildOpenApi(sampleModel()) },
  ...DUMPS.map((d) => ({
    name: d.name,
    doc: () => documentOf(d),
  })),
];

describe.each(sources)("examples of $name", ({ doc }) => {
  it("every example value validates against its own schema, and POST add sends what PUT sends", async () => {
    const { checked, failures, addBodies } = check(await doc());
    expect(checked).toBeGreaterThan(0);
    expect(failures.slice(0, 20)).toEqual([]);
    const differing = [...addBodies].filter(([, bodies]) => new Set(bodies).size > 1).map(([menu]) => menu);
    expect(differing).toEqual([]);
  });
});
