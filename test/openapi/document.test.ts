import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { load } from "js-yaml";
import { buildOpenApi, toJson, toYaml, validateOpenApi } from "../../src/openapi/index.js";
import { tinyModel } from "../helpers/tiny-model.js";

const doc = buildOpenApi(tinyModel());
const op = (path: string, method: "get" | "put" | "patch" | "delete" | "post") =>
  (doc.paths[path] as OpenAPIV3.PathItemObject | undefined)?.[method] as (OpenAPIV3.OperationObject & Record<string, unknown>) | undefined;
const schema = (name: string) => doc.components!.schemas![name] as OpenAPIV3.SchemaObject;

describe("buildOpenApi on a tiny model", () => {
  it("is a valid OpenAPI 3.0.3 document", async () => {
    expect(doc.openapi).toBe("3.0.3");
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
    const item = schema("IpAddress");
    const props = item.properties as Record<string, OpenAPIV3.SchemaObject>;
    expect(Object.keys(props)).toEqual([".id", "actual-interface", "address", "comment", "disabled", "dynamic", "interface"]);
    expect(props["dynamic"]!.readOnly).toBe(true);
    expect(props["actual-interface"]!.readOnly).toBe(true);
    expect(props["address"]!.readOnly).toBeUndefined();
    expect(props["address"]!.description).toBe("Local IP address");
    for (const p of Object.values(props)) expect(p.type).toBe("string");
  });

  it("uses set's args without `numbers` for PATCH and with it for POST set", () => {
    expect(Object.keys(schema("IpAddressSetPatch").properties!)).not.toContain("numbers");
    expect(Object.keys(schema("IpAddressSetArgs").properties!)).toContain("numbers");
    expect(schema("IpAddressSetPatch").additionalProperties).toBe(false);
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
    expect(schema("Error").required).toEqual(["error", "message"]);
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
});
