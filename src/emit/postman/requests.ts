/** One Postman request per operation: URL with path variables, disabled list filters, a body that does only what its safety class allows, a saved example reply. */
import type { OpenAPIV3 } from "openapi-types";
import { replySchema, resolve, resolveValue, type Operation } from "../operations.js";
import { exampleObject, exampleValue, fits } from "./examples.js";
import { idVariable, stableId } from "./ids.js";
import { boundValue, PROBE_TARGET, readingBound, safetyOf, type Safety } from "./safety.js";
import { isSelectorArg } from "../../model/menu-kind.js";
import { valueFacts } from "../../openapi/extensions.js";
import { requiredGroups } from "../../openapi/evidence.js";
import { ALLOW_VARIABLE, captureAdded, captureFirst, guardScript, releaseRemoved } from "./scripts.js";
import type { PostmanItem, PostmanRequest } from "./types.js";

/** Args an example body never carries: they stream, write files, or select by condition. */
const UNSAFE = new Set(["follow", "follow-only", "file", "where", "from", "copy-from", "place-before", "without-paging", "interval"]);

type Schema = OpenAPIV3.SchemaObject;

const property = (doc: OpenAPIV3.Document, op: Operation, name: string): Schema => resolveValue(doc, op.body!.properties![name]!).schema;

/** The example of an item this run adds (PUT and POST add alike): inactive where the menu lets it be. */
function addBody(doc: OpenAPIV3.Document, op: Operation, variable: string): Record<string, unknown> {
  const example = exampleObject(doc, op.body!, (name) => UNSAFE.has(name) || isSelectorArg(name), variable);
  if (op.body!.properties?.["disabled"] && fits(property(doc, op, "disabled"), "yes")) example["disabled"] = "yes";
  // Of args of which exactly one may be given (evidence of the add's rule), the first that has an example.
  for (const group of requiredGroups(op.body!)) {
    if (group.kind !== "oneOf") continue;
    const kept = group.args.find((arg) => arg in example);
    for (const arg of group.args) if (arg !== kept) delete example[arg];
  }
  return example;
}

/** `/console/inspect` asked as a crawler asks it: the children of the root (`input` only ever goes with completion). */
const INSPECT: Record<string, string> = { request: "child", path: "" };

function inspectBody(doc: OpenAPIV3.Document, op: Operation): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(INSPECT)) {
    if (op.body!.properties?.[name] && fits(property(doc, op, name), value)) body[name] = value;
  }
  return body;
}

/** Only the args that keep a reading command reading: the item, the bound, the router itself as target. */
function readBody(doc: OpenAPIV3.Document, op: Operation, variable: string): Record<string, unknown> {
  if (op.command === "print") {
    const proplist = op.body!.properties?.["proplist"] ? property(doc, op, "proplist") : undefined;
    // The properties the console offers for proplist (suggestions: it takes other names too).
    const facts = proplist ? valueFacts(proplist) : {};
    const names = (proplist?.enum ?? facts["x-routeros-enum"] ?? facts["x-routeros-suggestions"] ?? []).slice(0, 3) as string[];
    return names.length ? { ".proplist": [".id", ...names].join(",") } : {};
  }
  if (op.menu === "/console") return inspectBody(doc, op);
  const example = exampleObject(doc, op.body!, (name) => !isSelectorArg(name), variable);
  const bound = readingBound(doc, op);
  if (bound) example[bound] = boundValue(doc, op, bound);
  if (bound && bound !== "once") example[PROBE_TARGET.arg] = PROBE_TARGET.value;
  return example;
}

function body(doc: OpenAPIV3.Document, op: Operation, safety: Safety, variable: string): Record<string, unknown> | undefined {
  if (!op.body) return undefined;
  if (safety === "reads") return readBody(doc, op, variable);
  if (safety === "adds") return addBody(doc, op, variable);
  if (safety === "own-item") {
    const selectors = exampleObject(doc, op.body, (name) => !isSelectorArg(name), variable);
    if (op.verb === "remove" || op.command === "remove") return selectors;
    // Changing the run's own item: its comment, as the REST manual's PATCH example does.
    const comment = op.body.properties?.["comment"] ? exampleValue(doc, op.body.properties["comment"], variable, "comment") : undefined;
    return comment === undefined ? { ...addBody(doc, op, variable), ...selectors } : { ...selectors, comment };
  }
  // Objects of one router (interfaces, tables...) may not exist on another; item ids come from the collection.
  const external = (name: string) => {
    const facts = valueFacts(property(doc, op, name));
    return facts["x-routeros-type"] === "reference" && facts["x-routeros-ref"] !== "item";
  };
  const example = exampleObject(doc, op.body, (name) => UNSAFE.has(name) || external(name), variable);
  for (const bound of op.bounds ?? []) {
    const value = boundValue(doc, op, bound);
    if (value !== undefined) example[bound] = value;
  }
  return example;
}

/** A list filter: the value the item property of that name would have (left out where none is true). */
function filterExample(doc: OpenAPIV3.Document, op: Operation, parameter: OpenAPIV3.ParameterObject): unknown {
  const reply = replySchema(doc, op).schema;
  const items = reply && "items" in reply ? resolve<OpenAPIV3.SchemaObject>(doc, reply.items) : undefined;
  const itemProperty = items?.properties?.[parameter.name];
  return exampleValue(doc, itemProperty ?? parameter.schema ?? { type: "string" }, undefined, parameter.name);
}

function url(doc: OpenAPIV3.Document, op: Operation, variable: string): PostmanRequest["url"] {
  const segments = op.path
    .split("/")
    .filter(Boolean)
    .map((s) => (s === "{id}" ? ":id" : s));
  const query = (op.verb === "list" ? (op.operation.parameters ?? []) : [])
    .map((p) => resolve<OpenAPIV3.ParameterObject>(doc, p))
    .filter((p) => p.in === "query")
    .flatMap((p) => {
      const value = p.name === ".proplist" ? ".id" : filterExample(doc, op, p);
      if (value === undefined) return [];
      return [{ key: p.name, value: String(value), disabled: true, ...(p.description ? { description: p.description } : {}) }];
    });
  const raw = `{{baseUrl}}/${segments.join("/")}`;
  return {
    raw,
    host: ["{{baseUrl}}"],
    path: segments,
    ...(query.length ? { query } : {}),
    ...(segments.includes(":id")
      ? { variable: [{ key: "id", value: `{{${variable}}}`, description: "`.id` (`*1`) or name of the item" }] }
      : {}),
  };
}

const SAFETY_NOTES: Record<Safety, string | undefined> = {
  reads: undefined,
  adds: "Adds an item (disabled where the menu allows it); the run's later requests on this menu use it.",
  "own-item": `Runs on the item this collection added; on any other item only when the variable \`${ALLOW_VARIABLE}\` is \`true\`.`,
  "changes-router": `Changes the router: skipped unless the variable \`${ALLOW_VARIABLE}\` is \`true\`.`,
};

/** The router's texts: the command's description, then each body arg with its syntax and description. */
function describe(doc: OpenAPIV3.Document, op: Operation, safety: Safety): string {
  const args = Object.entries(op.body?.properties ?? {}).map(([name, value]) => {
    const { schema } = resolveValue(doc, value);
    const syntax = valueFacts(schema)["x-routeros-syntax"];
    return `- \`${name}\`${syntax ? ` (\`${syntax}\`)` : ""}${schema.description ? `: ${schema.description}` : ""}`;
  });
  return [
    op.operation.summary,
    op.operation.description,
    SAFETY_NOTES[safety],
    args.length ? ["Arguments:", ...args].join("\n") : undefined,
  ]
    .filter(Boolean)
    .join("\n\n");
}

function testScript(op: Operation, variable: string, usesId: boolean): string[] | undefined {
  if (op.verb === "add") return captureAdded(variable, ".id");
  if (op.verb === "command" && op.command === "add") return captureAdded(variable, "ret");
  if (op.verb === "list") return captureFirst(variable);
  if (usesId && (op.verb === "remove" || (op.verb === "command" && op.command === "remove"))) return releaseRemoved(variable);
  return undefined;
}

export function requestItem(doc: OpenAPIV3.Document, op: Operation): PostmanItem {
  const variable = idVariable(op.menu);
  const safety = safetyOf(doc, op);
  const example = body(doc, op, safety, variable);
  const usesId = op.onItem || Object.values(example ?? {}).includes(`{{${variable}}}`);
  const guard = guardScript(safety, usesId ? variable : undefined);
  const request: PostmanRequest = {
    method: op.method.toUpperCase(),
    header: example ? [{ key: "Content-Type", value: "application/json" }] : [],
    url: url(doc, op, variable),
    ...(example ? { body: { mode: "raw", raw: JSON.stringify(example, null, 2), options: { raw: { language: "json" } } } } : {}),
    description: describe(doc, op, safety),
  };
  const reply = replySchema(doc, op);
  const script = testScript(op, variable, usesId);
  const name = `${request.method} ${op.path.replace("{id}", ":id")}`;
  const replyExample = reply.schema ? exampleValue(doc, reply.schema) : undefined;
  return {
    id: stableId(`${op.method} ${op.path}`),
    name,
    request,
    ...(script || guard
      ? {
          event: [
            ...(guard ? [{ listen: "prerequest" as const, script: { type: "text/javascript" as const, exec: guard } }] : []),
            ...(script ? [{ listen: "test" as const, script: { type: "text/javascript" as const, exec: script } }] : []),
          ],
        }
      : {}),
    response: [
      {
        id: stableId(`${op.method} ${op.path} example`),
        name: reply.status === 204 ? "Removed" : "Example reply",
        originalRequest: request,
        status: reply.status === 204 ? "No Content" : "OK",
        code: reply.status,
        header: reply.schema ? [{ key: "Content-Type", value: "application/json" }] : [],
        body: replyExample === undefined ? "" : JSON.stringify(replyExample, null, 2),
        ...(replyExample === undefined ? {} : { _postman_previewlanguage: "json" }),
      },
    ],
  };
}
