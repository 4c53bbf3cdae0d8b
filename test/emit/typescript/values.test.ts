/**
 * The client's request types from the value facts of the document (issue 9's facts, written by the values stage):
 * a small hand-made document carries them, so that this holds whatever the builder writes today.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OpenAPIV3 } from "openapi-types";
import { afterAll, describe, expect, it } from "vitest";
import { emitTypeScriptClient } from "../../../src/emit/typescript/index.js";
import { buildView } from "../../../src/view/index.js";
import { compile, OUT, removeClient } from "../../helpers/generated-client.js";

const reply = (name: string, many = false) => ({
  "200": {
    description: "ok",
    content: {
      "application/json": {
        schema: many ? { type: "array", items: { $ref: `#/components/schemas/${name}` } } : { $ref: `#/components/schemas/${name}` },
      },
    },
  },
});
const body = (name: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } });
const op = (menu: string, verb: string, extra: object) => ({
  "x-routeros-menu": menu,
  "x-routeros-menu-kind": "items",
  "x-routeros-verb": verb,
  ...extra,
});
const item = (properties: Record<string, object>) => ({
  type: "object",
  properties: { ".id": { type: "string", readOnly: true }, ...properties },
});
const yesNo = { type: "string", enum: ["yes", "no", "true", "false"], "x-routeros-type": "boolean" };

/** /ip/firewall/filter and /user/group, with the facts the client maps. */
export const VALUES_DOCUMENT = {
  openapi: "3.0.3",
  info: { title: "values", version: "7.22.3" },
  paths: {
    "/ip/firewall/filter": {
      get: op("/ip/firewall/filter", "list", { responses: reply("IpFirewallFilter", true) }),
      put: op("/ip/firewall/filter", "add", {
        "x-routeros-command": "add",
        requestBody: body("IpFirewallFilterAddArgs"),
        responses: reply("IpFirewallFilter"),
      }),
    },
    "/user/group": {
      get: op("/user/group", "list", { responses: reply("UserGroup", true) }),
      put: op("/user/group", "add", { "x-routeros-command": "add", requestBody: body("UserGroupAddArgs"), responses: reply("UserGroup") }),
    },
  },
  components: {
    schemas: {
      Chain: { type: "string", "x-routeros-suggestions": ["input", "forward", "output"] },
      IpFirewallFilter: item({ chain: { type: "string" }, "connection-state": { type: "string" }, disabled: { type: "string" } }),
      IpFirewallFilterAddArgs: {
        type: "object",
        additionalProperties: false,
        properties: {
          chain: { allOf: [{ $ref: "#/components/schemas/Chain" }], description: "Chain name" },
          "connection-state": {
            type: "string",
            "x-routeros-enum": ["established", "invalid", "new", "related", "untracked"],
            "x-routeros-list": true,
            "x-routeros-negatable": true,
          },
          "dst-port": { type: "string", "x-routeros-type": "integer", "x-routeros-list": true, "x-routeros-negatable": true },
          disabled: yesNo,
          protocol: { type: "string", "x-routeros-enum": ["tcp", "udp"], "x-routeros-negatable": true },
          "dst-limit": { oneOf: [{ type: "integer" }, { type: "string" }], "x-routeros-type": "integer" },
        },
      },
      UserGroup: item({ name: { type: "string" }, policy: { type: "string" } }),
      UserGroupAddArgs: {
        type: "object",
        properties: {
          name: { type: "string" },
          policy: {
            type: "string",
            "x-routeros-enum": ["read", "write", "policy", "test"],
            "x-routeros-list": true,
            "x-routeros-negatable": true,
          },
        },
      },
    },
  },
} as unknown as OpenAPIV3.Document;

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeClient)));

describe("client request types from value facts", () => {
  it("accept what RouterOS takes and reject what it refuses", async () => {
    await mkdir(OUT, { recursive: true });
    const dir = await mkdtemp(join(OUT, "values-"));
    dirs.push(dir);
    for (const file of await emitTypeScriptClient(buildView(VALUES_DOCUMENT))) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
    const use = (name: string, code: string) =>
      writeFile(
        join(dir, `${name}.ts`),
        `import { createClient } from "./client/index.js";\nconst ros = createClient({ baseUrl: "https://127.0.0.1/rest", username: "admin", password: "" });\nexport async function use() {\n${code}\n}\n`,
      );
    await use(
      "good",
      `  const rule = await ros.ip.firewall.filter.add({ chain: "port-forward", "connection-state": "established,related", disabled: true, "dst-port": 443 });
  await ros.ip.firewall.filter.add({ chain: "forward", "connection-state": ["established", "!invalid"], disabled: "yes", protocol: "!tcp", "dst-port": [80, "443"] });
  await ros.ip.firewall.filter.add({ chain: "input", "dst-limit": 10 });
  await ros.user.group.add({ name: "ops", policy: ["read", "write"] });
  await ros.user.group.add({ name: "ops", policy: "read,write" });
  const id: string = rule[".id"];
  return id;`,
    );
    await use("maybe", `  await ros.ip.firewall.filter.add({ chain: "forward", disabled: "maybe" });`);
    await use("unknown", `  await ros.ip.firewall.filter.add({ chain: "forward", colour: "red" });`);
    await use("word", `  await ros.user.group.add({ name: "ops", policy: ["read", "wirte"] });`);
    const out = await compile(["good", "maybe", "unknown", "word"].map((f) => join(dir, `${f}.ts`)));
    expect(out).not.toMatch(/good\.ts/);
    expect(out).toMatch(/maybe\.ts.*error TS2322.*"maybe"/);
    expect(out).toMatch(/unknown\.ts.*error TS2353.*'colour'/);
    expect(out).toMatch(/word\.ts.*error TS2(322|820).*"wirte"/);
  });
});
