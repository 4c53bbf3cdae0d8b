/** The collection for every dump: valid against the official v2.1.0 schema, loadable by the SDK, deterministic, safe to send. */
import { readFile } from "node:fs/promises";
import AjvDraft04 from "ajv-draft-04";
import { Collection } from "postman-collection";
import { describe, expect, it } from "vitest";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { buildView } from "../../../src/view/index.js";
import { buildOpenApi } from "../../../src/openapi/index.js";
import { sampleModel } from "../../../src/sample/index.js";
import { join } from "node:path";
import { DUMPS } from "../../helpers/dumps.js";
import { inputPresent, SHARED_DIR } from "../../helpers/inputs.js";
import { documentOf } from "../../helpers/fixtures.js";

const schemaFile = join(SHARED_DIR, "schemas/postman-collection-v2.1.0.schema.json");
const schemaPresent = inputPresent([schemaFile], "the tests of real dumps' collections against the official schema");
// A CommonJS default export, as NodeNext sees it.
const Ajv = AjvDraft04 as unknown as typeof AjvDraft04.default;
const validate = schemaPresent
  ? new Ajv({ strict: false, allErrors: false }).compile(JSON.parse(await readFile(schemaFile, "utf8")))
  : undefined;

interface Item {
  name: string;
  item?: Item[];
  request?: { method: string; url: { raw: string }; body?: { raw: string } };
}
const requests = (items: Item[]): Item[] => items.flatMap((i) => (i.item ? requests(i.item) : [i]));

describe("Postman collection of the sample tree", () => {
  const collection = buildCollection(buildView(buildOpenApi(sampleModel()))) as {
    item: Item[];
    auth: unknown;
    variable: { key: string; value: string }[];
  };
  const all = requests(collection.item);

  it("merges single-child chains and keeps menu folders", () => {
    const ip = collection.item.find((i) => i.name === "ip")!;
    expect(ip.item!.map((i) => i.name)).toEqual(["address", "firewall/filter", "route"]);
  });

  it("has collection-level Basic auth with variables, and no secret", () => {
    expect(collection.auth).toMatchObject({ type: "basic" });
    expect(collection.variable.find((v) => v.key === "password")!.value).toBe("");
    expect(collection.variable.find((v) => v.key === "baseUrl")!.value).toBe("https://192.168.88.1/rest");
  });

  it("sends print with .proplist only, and bounds commands that run until stopped", () => {
    const body = (name: string) => JSON.parse(all.find((r) => r.name === name)!.request!.body!.raw) as Record<string, string>;
    expect(Object.keys(body("POST /ip/address/print"))).toEqual([".proplist"]);
    expect(body("POST /ping")).toEqual({ count: "3", address: "127.0.0.1" });
    expect(body("POST /interface/monitor-traffic")).toMatchObject({ once: "" });
    expect(body("PUT /ip/address")).toMatchObject({ address: "10.0.0.1/24", interface: "ether1", disabled: "yes" });
    expect(all.some((r) => r.request?.body?.raw.includes('"follow"'))).toBe(false);
  });

  it("changes an existing item's comment only, as the REST manual's PATCH example does", () => {
    const body = (name: string) => JSON.parse(all.find((r) => r.name === name)!.request!.body!.raw) as Record<string, string>;
    expect(body("PATCH /interface/:id")).toEqual({ comment: "example" });
    expect(body("POST /ip/address/set")).toEqual({ comment: "example", numbers: "{{ip_address_id}}" });
  });

  it.each([
    ["PUT /ip/address", []],
    ["GET /ip/address/:id", ["no item id"]],
    ["PATCH /ip/address/:id", ["no item id", "changes an item this run did not add"]],
    ["POST /ip/address/print", []],
    ["POST /ip/address/get", ["no item id"]],
    ["POST /ping", []],
    ["DELETE /ip/address/:id", ["no item id", "changes an item this run did not add"]],
    ["POST /ip/firewall/filter/move", ["no item id", "changes the router"]],
    ["POST /interface/disable", ["no item id", "changes the router"]],
    ["POST /system/reboot", ["changes the router"]],
    ["POST /system/identity/set", ["changes the router"]],
  ])("%s: skipped when %j", (name, reasons) => {
    const item = all.find((r) => r.name === name) as Item & { event?: { listen: string; script: { exec: string[] } }[] };
    const script = item.event?.find((e) => e.listen === "prerequest")?.script.exec.join("\n");
    if (reasons.length === 0) return expect(script).toBeUndefined();
    for (const reason of reasons) expect(script).toContain(`skipped: ${reason}`);
    // Fail closed: the URL goes nowhere before the skip is even tried.
    expect(script!.indexOf("rosapi-not-sent://")).toBeLessThan(script!.indexOf("pm.execution.skipRequest()"));
  });

  it("offers list filters as disabled query parameters with an item's example values", () => {
    const list = all.find((r) => r.name === "GET /ip/address")!.request!.url as unknown as {
      query: { key: string; value: string; disabled: boolean }[];
    };
    expect(list.query.find((q) => q.key === "address")).toMatchObject({ value: "10.0.0.1/24", disabled: true });
    expect(list.query.every((q) => q.disabled)).toBe(true);
  });

  it("uses path variables for items", () => {
    expect(all.find((r) => r.name === "GET /ip/address/:id")!.request!.url.raw).toBe("{{baseUrl}}/ip/address/:id");
  });
});

describe.each(validate ? DUMPS.map((d) => ({ ...d, validate })) : [])("Postman collection of $name", (d) => {
  it("validates against the official schema, loads with the SDK, and is the same twice", async () => {
    const doc = await documentOf(d);
    const collection = buildCollection(buildView(doc));
    const ok = d.validate(collection);
    expect(d.validate.errors?.slice(0, 3) ?? [], "schema errors").toEqual([]);
    expect(ok).toBe(true);
    const sdk = new Collection(collection);
    let count = 0;
    sdk.forEachItem(() => count++);
    const methods = ["get", "put", "patch", "delete", "post"];
    const operations = Object.values(doc.paths).reduce(
      (n, item) => n + Object.keys(item ?? {}).filter((k) => methods.includes(k)).length,
      0,
    );
    expect(count).toBe(operations);
    expect(JSON.stringify(buildCollection(buildView(doc)))).toBe(JSON.stringify(collection));
  });
});
