/** Tiny OpenAPI documents, one per concern of the TypeScript client, for snapshot tests. */
import type { OpenAPIV3 } from "openapi-types";

type Props = Record<string, object>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const ok = (schema?: object) => ({ "200": { description: "ok", ...(schema ? json(schema) : {}) } });

/** A document from menus: each menu lists its kind, its item properties, its add args and its commands. */
interface TinyMenu {
  menu: string;
  kind?: "items" | "settings";
  item?: Props;
  args?: Props;
  commands?: Record<string, Props>;
  since?: string;
}

const pascal = (menu: string) =>
  menu
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("") || "Root";

function tinyDocument(menus: TinyMenu[], shared: Props = {}): OpenAPIV3.Document {
  const paths: Record<string, Record<string, object>> = {};
  const schemas: Record<string, object> = {
    CommandReply: { type: "array", items: { type: "object", additionalProperties: { type: "string" } } },
    ...shared,
  };
  for (const { menu, kind, item, args, commands = {}, since } of menus) {
    const name = pascal(menu);
    const facts = (verb: string, command?: string) => ({
      "x-routeros-menu": menu,
      ...(kind ? { "x-routeros-menu-kind": kind } : {}),
      "x-routeros-verb": verb,
      ...(command ? { "x-routeros-command": command } : {}),
      ...(since ? { "x-routeros-since": since } : {}),
      summary: command ? `Run ${menu === "/" ? "" : menu}/${command}` : `${verb} ${menu}`,
    });
    const url = menu === "/" ? "" : menu;
    if (item) {
      schemas[name] = { type: "object", properties: kind === "items" ? { ".id": { type: "string", readOnly: true }, ...item } : item };
      paths[url || "/"] = {
        get: {
          ...facts(kind === "items" ? "list" : "get"),
          responses: ok(kind === "items" ? { type: "array", items: ref(name) } : ref(name)),
        },
      };
      if (kind === "items") paths[`${url}/{id}`] = { get: { ...facts("get"), responses: ok(ref(name)) } };
    }
    if (args) {
      schemas[`${name}AddArgs`] = { type: "object", properties: args };
      paths[url]!.put = { ...facts("add", "add"), requestBody: json(ref(`${name}AddArgs`)), responses: ok(ref(name)) };
    }
    for (const [command, props] of Object.entries(commands)) {
      const argsName = `${name}${pascal(command)}Args`;
      schemas[argsName] = { type: "object", properties: props };
      paths[`${url}/${command}`] = {
        post: { ...facts("command", command), requestBody: json(ref(argsName)), responses: ok(ref("CommandReply")) },
      };
    }
  }
  return { openapi: "3.0.3", info: { title: "tiny", version: "7.22.3" }, paths, components: { schemas } };
}

const str = { type: "string" };
const yesNo = { type: "string", enum: ["yes", "no", "true", "false"], "x-routeros-type": "boolean" };

/** One document per concern. */
export const TINY: Record<string, OpenAPIV3.Document> = {
  "settings-menu": tinyDocument([
    { menu: "/system/identity", kind: "settings", item: { name: str }, commands: { set: { name: str }, export: { file: str } } },
  ]),
  "negatable-list": tinyDocument([
    {
      menu: "/ip/firewall/filter",
      kind: "items",
      item: { "connection-state": str },
      args: {
        "connection-state": {
          type: "string",
          "x-routeros-enum": ["established", "new", "related"],
          "x-routeros-list": true,
          "x-routeros-negatable": true,
        },
        "dst-port": { type: "string", "x-routeros-type": "integer", "x-routeros-list": true, "x-routeros-negatable": true },
      },
    },
  ]),
  reference: tinyDocument(
    [
      {
        menu: "/ip/address",
        kind: "items",
        item: { interface: str, disabled: str },
        args: {
          interface: { allOf: [ref("InterfaceName")], description: "Interface the address is on" },
          disabled: { allOf: [ref("Bool")], description: "Whether the address is disabled" },
        },
      },
    ],
    { InterfaceName: { type: "string", "x-routeros-type": "reference", "x-routeros-ref": "interface" }, Bool: yesNo },
  ),
  suggestions: tinyDocument([
    {
      menu: "/ip/firewall/nat",
      kind: "items",
      item: { chain: str },
      args: { chain: { type: "string", "x-routeros-suggestions": ["srcnat", "dstnat"] } },
    },
  ]),
  "root-command-clash": tinyDocument([
    {
      menu: "/",
      commands: { system: {}, ping: { count: { oneOf: [{ type: "integer" }, { type: "string" }] } }, for: {}, put: {}, quit: {} },
    },
    { menu: "/system/identity", kind: "settings", item: { name: str } },
    { menu: "/interface", kind: "items", item: { name: str } },
    { menu: "/interface/list", kind: "items", item: { name: str }, since: "7.1" },
  ]),
  "reserved-word": tinyDocument(
    [{ menu: "/interface", kind: "items", item: { default: str }, commands: { delete: { numbers: str }, export: { file: str } } }],
    { Record: { type: "object", properties: { error: str } }, Filter: { type: "object", properties: { a: str } } },
  ),
  "dotted-names": tinyDocument([
    {
      menu: "/interface/wifi",
      kind: "items",
      item: { "channel.band": str, "802.1x": str },
      args: { "channel.band": str, ".proplist": str, proplist: str },
      commands: { "reset-counters": {} },
    },
    { menu: "/interface/6to4", kind: "items", item: { name: str } },
  ]),
};
