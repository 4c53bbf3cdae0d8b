/** The OpenAPI builder over every real RouterOS dump in ../shared/routeros. */
import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { buildOpenApi, toJson, validateOpenApi } from "../../src/openapi/index.js";
import { menuUrl } from "../../src/openapi/names.js";
import { forEachCommand, forEachMenu } from "../../src/model/walk.js";
import { DUMPS, dump, loadDump } from "../helpers/dumps.js";
import { documentOf } from "../helpers/fixtures.js";
import { resolve } from "../../src/openapi/refs.js";

type Operation = OpenAPIV3.OperationObject & Record<string, unknown>;
const cases = DUMPS.map((d) => [d.name, d] as const);

describe.skipIf(DUMPS.length === 0)("OpenAPI over real dumps", () => {
  it.each(cases)("%s: valid, every command a POST, every item menu's verbs, same bytes twice", async (_name, d) => {
    const model = await loadDump(d);
    const doc = await documentOf(d);
    await validateOpenApi(doc);
    const paths = doc.paths as Record<string, OpenAPIV3.PathItemObject>;

    let commands = 0;
    forEachCommand(model.root, (_command, name, menuPath) => {
      commands++;
      const post = paths[`${menuUrl(menuPath)}/${name}`]?.post as Operation | undefined;
      expect(post?.["x-routeros-command"], `${menuUrl(menuPath)}/${name}`).toBe(name);
    });
    expect(commands).toBeGreaterThan(3000);

    // Independent of the builder's own classification: the commands a menu has decide its verbs.
    let itemMenus = 0;
    forEachMenu(model.root, (menu, path) => {
      const { print, add, set, remove } = menu.commands;
      const takesNumbers = set && "numbers" in set.args;
      if (path.length === 0 || !print || !(add || remove || takesNumbers)) return;
      itemMenus++;
      const url = menuUrl(path);
      expect(paths[url]?.get, `GET ${url}`).toBeDefined();
      expect(paths[`${url}/{id}`]?.get, `GET ${url}/{id}`).toBeDefined();
      expect(!!paths[url]?.put, `PUT ${url}`).toBe(!!add);
      expect(!!paths[`${url}/{id}`]?.patch, `PATCH ${url}/{id}`).toBe(!!takesNumbers);
      expect(!!paths[`${url}/{id}`]?.delete, `DELETE ${url}/{id}`).toBe(!!remove);
    });
    expect(itemMenus).toBeGreaterThan(200);

    expect(toJson(buildOpenApi(model))).toBe(toJson(doc));
  });

  it.skipIf(!dump("7.22.3-deep"))("7.22.3: known menus get the verbs RouterOS gives them", async () => {
    const paths = (await documentOf(dump("7.22.3-deep")!)).paths as Record<string, OpenAPIV3.PathItemObject>;
    const methods = (url: string) =>
      Object.keys(paths[url] ?? {})
        .filter((k) => k !== "parameters")
        .sort()
        .join(",");
    expect(methods("/ip/address")).toBe("get,put");
    expect(methods("/ip/address/{id}")).toBe("delete,get,patch");
    expect(methods("/ip/firewall/filter/{id}")).toBe("delete,get,patch");
    expect(methods("/interface/ethernet")).toBe("get");
    expect(methods("/system/identity")).toBe("get");
    expect(paths["/system/identity/{id}"]).toBeUndefined();
    expect(methods("/system/identity/set")).toBe("post");
    expect(methods("/system/resource")).toBe("get");
    expect(methods("/ping")).toBe("post");
  });

  it.skipIf(!dump("7.22.3-deep"))("7.22.3: GET replies of /ip/address list the item's properties", async () => {
    const doc = await documentOf(dump("7.22.3-deep")!);
    const list = (doc.paths["/ip/address"] as OpenAPIV3.PathItemObject).get!;
    const reply = (list.responses["200"] as OpenAPIV3.ResponseObject).content!["application/json"]!.schema as OpenAPIV3.ArraySchemaObject;
    const item = resolve<OpenAPIV3.SchemaObject>(doc, reply.items);
    const names = Object.keys(item.properties!);
    for (const p of [".id", "address", "interface", "network", "actual-interface", "dynamic", "invalid", "disabled", "comment"]) {
      expect(names).toContain(p);
    }
    expect(names).not.toContain("value-name");
    expect(names).not.toContain("number");
    expect((item.properties!["dynamic"] as OpenAPIV3.SchemaObject).readOnly).toBe(true);
  });
});
