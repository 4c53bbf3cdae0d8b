/**
 * The one walk over an OpenAPI document's operations: each with its RouterOS
 * facts (read through the typed contract of openapi/extensions.ts), in a
 * stable order. The emitter view (view.ts) builds on it.
 */
import type { OpenAPIV3 } from "openapi-types";
import { operationFacts, type MenuKind, type SafetyFact, type Verb } from "../openapi/extensions.js";
import { resolve } from "../openapi/refs.js";

type Method = "get" | "put" | "patch" | "delete" | "post";

export interface Operation {
  /** OpenAPI path: `/ip/address/{id}`. */
  path: string;
  method: Method;
  operation: OpenAPIV3.OperationObject;
  /** `/ip/address` (root: `/`). */
  menu: string;
  /** Items (`/ip/address`), one settings object (`/system/identity`), or only commands. */
  kind: MenuKind;
  verb: Verb;
  /** What sending it may do to the router. */
  safety: SafetyFact;
  /** Addresses one item by its id in the URL (GET, PATCH, DELETE `/ip/address/{id}`). */
  onItem: boolean;
  /** The console command: add, set, remove, or the POST command's name. */
  command?: string;
  /** The body arg that names the items the command acts on (`numbers`), where the body has one. */
  selector?: string;
  /** For commands that run until stopped: the args that bound them. */
  bounds?: string[];
  /** The request body's schema as written (a `$ref` to a component, usually). */
  bodySchema?: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;
  /** The request body's schema, resolved. */
  body?: OpenAPIV3.SchemaObject;
  /** The successful reply: its status, and its schema as written (none for an empty reply). */
  reply: { status: number; schema?: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject };
}

const METHODS: Method[] = ["get", "put", "patch", "delete", "post"];

/** The verbs of an item menu whose URL names one item; on a settings menu `get` is the whole object. */
const ITEM_VERBS: ReadonlySet<Verb> = new Set(["get", "set", "remove"]);

/** Every operation, in path order (paths as the document lists them), then method order. */
export function listOperations(doc: OpenAPIV3.Document): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const facts = operationFacts(operation);
      const media = operation.requestBody
        ? resolve<OpenAPIV3.RequestBodyObject>(doc, operation.requestBody).content["application/json"]
        : undefined;
      const [status, response] = Object.entries(operation.responses).find(([code]) => code.startsWith("2")) ?? ["200", undefined];
      const replyMedia = response ? resolve<OpenAPIV3.ResponseObject>(doc, response).content?.["application/json"] : undefined;
      const kind = facts["x-routeros-menu-kind"];
      const verb = facts["x-routeros-verb"];
      out.push({
        path,
        method,
        operation,
        menu: facts["x-routeros-menu"],
        kind,
        verb,
        safety: facts["x-routeros-safety"],
        onItem: kind === "items" && ITEM_VERBS.has(verb),
        ...(facts["x-routeros-command"] ? { command: facts["x-routeros-command"] } : {}),
        ...(facts["x-routeros-selector"] ? { selector: facts["x-routeros-selector"] } : {}),
        ...(facts["x-routeros-runs-until-stopped"] ? { bounds: facts["x-routeros-runs-until-stopped"].bounds } : {}),
        ...(media?.schema ? { bodySchema: media.schema, body: resolve<OpenAPIV3.SchemaObject>(doc, media.schema) } : {}),
        reply: { status: Number(status), ...(replyMedia?.schema ? { schema: replyMedia.schema } : {}) },
      });
    }
  }
  return out;
}
