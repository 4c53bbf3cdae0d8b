/**
 * model → OpenAPI 3.0: a pure function. The same model gives the same
 * document, byte for byte once serialized.
 */
import { basename } from "node:path";
import type { OpenAPIV3 } from "openapi-types";
import type { SchemaModel } from "../model/types.js";
import type { Facts } from "../facts/resolve.js";
import { buildContext } from "./context.js";
import { ERROR_RESPONSES, ERROR_SCHEMA } from "./errors.js";
import { buildPaths } from "./paths.js";
import { hoistValueSchemas } from "./components.js";

export const GENERATOR = "rosapi";

/** The OpenAPI version the document is written in. */
export const OPENAPI_VERSION = "3.0.3";

/**
 * The document describes MikroTik's API, not rosapi's code: the licence is
 * RouterOS's own (rosapi's MIT licence covers the tool, not what it describes).
 */
const LICENSE: OpenAPIV3.LicenseObject = {
  name: "Proprietary: MikroTik RouterOS, under MikroTik's end-user licence",
  url: "https://mikrotik.com/downloadterms.html",
};

const STRING_RECORD: OpenAPIV3.SchemaObject = {
  type: "object",
  description: "A RouterOS record: every value is a string",
  additionalProperties: { type: "string" },
};

/** Names that shadow no built-in (`Error`, `Record`): generators export a type per component. */
const REPLY_SCHEMAS: Record<string, OpenAPIV3.SchemaObject> = {
  ErrorReply: ERROR_SCHEMA,
  StringRecord: STRING_RECORD,
  CommandReply: {
    description: "`!re` records as a list, data of `!done` as an object, or an empty list",
    oneOf: [{ type: "array", items: { $ref: "#/components/schemas/StringRecord" } }, { $ref: "#/components/schemas/StringRecord" }],
  },
  // `ret` is required: an optional property beside a string index signature does not compile (TS2411).
  AddReply: {
    type: "object",
    required: ["ret"],
    properties: { ret: { type: "string", pattern: "^\\*[0-9A-Fa-f]+$", description: "The `.id` of the new item", example: "*1" } },
    additionalProperties: { type: "string" },
  },
  GetReply: {
    type: "object",
    required: ["ret"],
    properties: { ret: { type: "string", description: "The value asked for" } },
    additionalProperties: { type: "string" },
  },
};

const PARAMETERS: Record<string, OpenAPIV3.ParameterObject> = {
  ItemId: {
    name: "id",
    in: "path",
    required: true,
    description: "The item's `.id` (`*` and hex digits, e.g. `*1`) or, on menus whose items have one, its name",
    schema: { type: "string" },
    example: "*1",
  },
  Proplist: {
    name: ".proplist",
    in: "query",
    required: false,
    description: "Comma-separated names of the properties to return",
    schema: { type: "string" },
    example: ".id,name",
  },
};

/** `facts`: required args and defaults from evidence (src/facts/); without them every body property is optional and none has a default. */
export function buildOpenApi(model: SchemaModel, facts?: Facts): OpenAPIV3.Document {
  const ctx = buildContext(model, Object.keys(REPLY_SCHEMAS), facts);
  const paths = buildPaths(ctx);
  const { header } = model;
  const version = header.version ?? "unknown";
  const names = [...ctx.tags.keys()].sort(byMenu);
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: `RouterOS ${version} REST API`,
      version,
      description: infoDescription(model),
      license: LICENSE,
    },
    servers: [server("https", "443", "HTTPS (www-ssl service)"), server("http", "80", "Plain HTTP (www service)")],
    security: [{ basicAuth: [] }],
    tags: names.map((name) => ({ name, description: ctx.tags.get(name)! })),
    "x-tagGroups": tagGroups(names),
    paths,
    components: {
      securitySchemes: {
        basicAuth: { type: "http", scheme: "basic", description: "A RouterOS user; a new router has `admin` with an empty password" },
      },
      parameters: PARAMETERS,
      responses: ERROR_RESPONSES,
      schemas: hoistValueSchemas({ ...REPLY_SCHEMAS, ...ctx.schemas }),
    },
    "x-routeros": {
      version,
      ...(header.architecture ? { architecture: header.architecture } : {}),
      ...(header.board ? { board: header.board } : {}),
      ...(header.packages ? { packages: header.packages } : {}),
      source: header.source.kind,
      ...(facts ? { evidence: facts.sources.map((s) => ({ file: basename(s.file), description: s.description })) } : {}),
      generator: GENERATOR,
    },
  } as OpenAPIV3.Document;
}

/** Menu labels in menu order: `/ip` before `/ip/address` before `/ip-scan`... by path segments. */
function byMenu(a: string, b: string): number {
  const [x, y] = [a.split("/"), b.split("/")];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** One group per top-level menu (root commands under `/`), for viewers that nest tags (Redoc's `x-tagGroups`). */
function tagGroups(names: string[]): { name: string; tags: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const top = "/" + (name.split("/")[1] ?? "");
    groups.set(top, [...(groups.get(top) ?? []), name]);
  }
  return [...groups].map(([name, tags]) => ({ name, tags }));
}

function server(scheme: string, port: string, description: string): OpenAPIV3.ServerObject {
  return {
    url: `${scheme}://{host}:{port}/rest`,
    description,
    variables: {
      host: { default: "192.168.88.1", description: "Router address" },
      port: { default: port, description: "Port of the service" },
    },
  };
}

function infoDescription(model: SchemaModel): string {
  const { header } = model;
  const facts = [
    `RouterOS ${header.version ?? "(version unknown)"}`,
    header.architecture && `architecture ${header.architecture}`,
    header.packages?.length && `packages ${header.packages.join(", ")}`,
  ].filter(Boolean);
  return [
    `The REST API of ${facts.join(", ")}, as the router describes itself through /console/inspect (source: ${header.source.kind}).`,
    "Every value in replies is a string; `x-routeros-type` and `format`/`pattern` give the RouterOS type.",
    "RouterOS and its API are MikroTik's; this description of them was generated by rosapi (a tool under the MIT licence, which covers the tool only); do not edit.",
  ].join("\n\n");
}
