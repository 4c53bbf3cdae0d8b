import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { load } from "js-yaml";
import { buildOpenApi, OPENAPI_VERSION, splitByTopMenu, toJson, toYaml, validateOpenApi } from "../../src/openapi/index.js";
import { hoistValueSchemas, inlineValueSchemas } from "../../src/openapi/components.js";
import { tinyModel } from "../helpers/tiny-model.js";

const doc = buildOpenApi(tinyModel());
const op = (path: string, method: "get" | "put" | "patch" | "delete" | "post") =>
  doc.paths[path]?.[method] as (OpenAPIV3.OperationObject & Record<string, unknown>) | undefined;
const schema = (name: string) => doc.components!.schemas![name] as OpenAPIV3.SchemaObject;
/** A property's schema with its value component merged in, as a reader of the document sees it. */
const property = (owner: string, name: string) => {
  const p = schema(owner).properties![name] as OpenAPIV3.SchemaObject & OpenAPIV3.ReferenceObject;
  const ref = p.$ref ?? (p.allOf?.[0] as OpenAPIV3.ReferenceObject | undefined)?.$ref;
  return { ...(ref ? schema(ref.split("/").pop()!) : {}), ...p } as OpenAPIV3.SchemaObject;
};
const operations = () =>
  Object.values(doc.paths).flatMap((item) =>
    (["get", "put", "patch", "delete", "post"] as const).flatMap((m) => (item?.[m] ? [item[m]] : [])),
  );

describe("buildOpenApi on a tiny model", () => {
  it("is a valid OpenAPI 3.0.3 document", async () => {
    expect(doc.openapi).toBe(OPENAPI_VERSION);
    expect(doc.info.version).toBe("7.99");
    await expect(validateOpenApi(doc)).resolves.toBeUndefined();
  });

  it.each([
    ["/ip/address", "get", "list"],
    ["/ip/address", "put", "add"],
    ["/ip/address/{id}", "get", "get"],
    ["/ip/address/{id}", "patch", "set"],
    ["/ip/address/{id}", "delete", "remove"],
    ["/system/identity", "get", "get"],
    ["/ip/address/print", "post", "command"],
    ["/ip/address/export", "post", "command"],
    ["/system/identity/set", "post", "command"],
    ["/ping", "post", "command"],
  ] as const)("maps %s %s to the %s verb", (path, method, verb) => {
    expect(op(path, method)?.["x-routeros-verb"]).toBe(verb);
  });

  it("gives settings menus no item path", () => {
    expect(doc.paths["/system/identity/{id}"]).toBeUndefined();
    expect(op("/system/identity", "put")).toBeUndefined();
  });

  it("describes GET replies with the item's properties, read-only ones marked", () => {
    const names = Object.keys(schema("IpAddress").properties!);
    expect(names).toEqual([".id", "actual-interface", "address", "comment", "disabled", "dynamic", "interface"]);
    expect(property("IpAddress", "dynamic").readOnly).toBe(true);
    expect(property("IpAddress", "actual-interface").readOnly).toBe(true);
    expect(property("IpAddress", "address").readOnly).toBeUndefined();
    expect(property("IpAddress", "address").description).toBe("Local IP address");
    for (const name of names) expect(property("IpAddress", name).type).toBe("string");
  });

  it("uses set's args without `numbers` for PATCH and with it for POST set", () => {
    expect(Object.keys(schema("IpAddressSetPatch").properties!)).not.toContain("numbers");
    expect(Object.keys(schema("IpAddressSetArgs").properties!)).toContain("numbers");
    expect(schema("IpAddressSetPatch").additionalProperties).toBe(false);
  });

  it("names the arg that selects the items (x-routeros-selector) where the body has one, and nowhere else", () => {
    expect(op("/ip/address/set", "post")?.["x-routeros-selector"]).toBe("numbers");
    expect(op("/ip/address/remove", "post")?.["x-routeros-selector"]).toBe("numbers");
    expect(op("/ip/address/get", "post")?.["x-routeros-selector"]).toBe("number");
    for (const [path, method] of [
      ["/ip/address", "put"],
      ["/ip/address/{id}", "patch"],
      ["/ping", "post"],
      ["/system/identity/set", "post"],
    ] as const)
      expect(Object.keys(op(path, method)!)).not.toContain("x-routeros-selector");
  });

  it("adds .proplist and .query to print bodies", () => {
    expect(Object.keys(schema("IpAddressPrintArgs").properties!)).toEqual(expect.arrayContaining([".proplist", ".query"]));
  });

  it("documents the 60 s timeout on commands that run until stopped", () => {
    const ping = op("/ping", "post")!;
    expect(ping["x-routeros-runs-until-stopped"]).toEqual({ bounds: ["count"] });
    expect(ping.description).toMatch(/60 s/);
    expect(op("/ip/address/export", "post")!["x-routeros-runs-until-stopped"]).toBeUndefined();
  });

  it("documents errors where they can occur", () => {
    expect(Object.keys(op("/ip/address/{id}", "delete")!.responses)).toEqual(["204", "400", "401", "404", "406", "500"]);
    expect(Object.keys(op("/ip/address", "get")!.responses)).toEqual(["200", "400", "401", "500"]);
    expect(schema("ErrorReply").required).toEqual(["error", "message"]);
  });

  it("has unique operationIds", () => {
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId?: string }>).flatMap((o) => (o?.operationId ? [o.operationId] : [])),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives identical bytes on a second run", () => {
    expect(toJson(buildOpenApi(tinyModel()))).toBe(toJson(doc));
  });

  it("writes YAML that reads back as the same document", () => {
    expect(load(toYaml(doc))).toEqual(JSON.parse(toJson(doc)));
  });

  it("shares value schemas as components, the property's own description and readOnly beside a $ref", () => {
    const address = schema("IpAddress").properties!["address"] as OpenAPIV3.SchemaObject;
    expect(address.allOf).toEqual([{ $ref: "#/components/schemas/Ipv4PrefixValue" }]);
    expect(address.description).toBe("Local IP address");
    expect(schema("Ipv4PrefixValue").description).toBeUndefined();
    // The same value schema in the reply, the add body and the set body: one component.
    const refOf = (owner: string) => JSON.stringify(schema(owner).properties!["address"]).match(/#\/components\/schemas\/\w+/)?.[0];
    expect(new Set([refOf("IpAddress"), refOf("IpAddressAddArgs"), refOf("IpAddressSetPatch")])).toEqual(
      new Set(["#/components/schemas/Ipv4PrefixValue"]),
    );
  });

  it("leaves no inline enum or union in a property, which generators would name after the property (names that collide)", () => {
    for (const [name, s] of Object.entries(doc.components!.schemas!)) {
      for (const [key, p] of Object.entries((s as OpenAPIV3.SchemaObject).properties ?? {})) {
        const value = p as OpenAPIV3.SchemaObject;
        expect(value.enum ?? value.oneOf ?? value.anyOf, `${name}.${key}`).toBeUndefined();
      }
    }
  });

  it("puts no optional property beside a string index signature (TS2411 in generated TypeScript)", () => {
    for (const [name, s] of Object.entries(doc.components!.schemas!)) {
      const { properties = {}, required = [], additionalProperties } = s as OpenAPIV3.SchemaObject;
      if (typeof additionalProperties !== "object") continue;
      expect(
        Object.keys(properties).filter((p) => !required.includes(p)),
        name,
      ).toEqual([]);
    }
  });

  it("names no component after a JavaScript or TypeScript built-in", () => {
    const builtIns = ["Error", "Record", "Object", "Date", "Function", "String", "Map", "Set", "Promise", "File", "Array"];
    expect(Object.keys(doc.components!.schemas!).filter((n) => builtIns.includes(n))).toEqual([]);
  });

  it("gives every operation a summary and a description", () => {
    for (const op of operations()) {
      expect(op.summary, op.operationId).toBeTruthy();
      expect(op.description, op.operationId).toBeTruthy();
    }
    expect(op("/ip/address", "put")!.description).toMatch(/^Create a new item\n\n`PUT \/rest\/ip\/address` runs `\/ip\/address add`/);
    expect(op("/ip/address/{id}", "delete")!.description).toBe("`DELETE /rest/ip/address/{id}` runs `/ip/address remove` on that item.");
  });

  it("tags each operation with its menu, and groups the tags by top-level menu", () => {
    expect(op("/ip/address", "get")!.tags).toEqual(["/ip/address"]);
    expect(op("/ping", "post")!.tags).toEqual(["/"]);
    const tags = doc.tags!.map((t) => t.name);
    for (const o of operations()) expect(tags).toContain(o.tags![0]);
    const groups = (doc as unknown as { "x-tagGroups": { name: string; tags: string[] }[] })["x-tagGroups"];
    expect(groups.flatMap((g) => g.tags).sort()).toEqual([...tags].sort());
    expect(groups.find((g) => g.name === "/ip")!.tags).toEqual(["/ip/address"]);
  });

  it("says which kind of menu an operation belongs to", () => {
    expect(op("/ip/address/{id}", "get")!["x-routeros-menu-kind"]).toBe("items");
    expect(op("/system/identity", "get")!["x-routeros-menu-kind"]).toBe("settings");
    expect(op("/ping", "post")!["x-routeros-menu-kind"]).toBe("commands");
  });

  it("states MikroTik's licence for MikroTik's API, not the tool's", () => {
    expect(doc.info.license!.name).toMatch(/MikroTik/);
    expect(doc.info.license!.name).not.toMatch(/MIT/);
  });

  it("writes compact JSON", () => {
    expect(toJson(doc)).not.toMatch(/\n /);
  });

  it("inlines value components back for readers that want properties in place", () => {
    const components = {
      Item: { type: "object", properties: { a: { type: "integer", description: "A" }, b: { type: "integer", readOnly: true } } },
    } as const;
    const hoisted = hoistValueSchemas(structuredClone(components));
    expect(Object.keys(hoisted)).toEqual(["Item", "AValue"]);
    const back = inlineValueSchemas({
      openapi: OPENAPI_VERSION,
      info: { title: "", version: "" },
      paths: {},
      components: { schemas: hoisted },
    });
    expect(back.components!.schemas).toEqual(components);
  });

  it("splits into one valid document per top-level menu, each with only the components it reaches", async () => {
    const parts = splitByTopMenu(doc);
    expect([...parts.keys()].sort()).toEqual(["ip", "root", "system"]);
    const ip = parts.get("ip")!;
    expect(Object.keys(ip.paths).every((p) => p.startsWith("/ip/"))).toBe(true);
    expect(ip.components!.schemas).toHaveProperty("IpAddress");
    expect(ip.components!.schemas).toHaveProperty("ErrorReply");
    expect(ip.components!.schemas).not.toHaveProperty("SystemIdentity");
    expect(ip.tags!.map((t) => t.name)).toEqual(["/ip/address"]);
    for (const part of parts.values()) await expect(validateOpenApi(part)).resolves.toBeUndefined();
  });
});
