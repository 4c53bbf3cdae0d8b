/** One Postman request per operation: URL with path variables, disabled list filters, a safe example body, a saved example reply. */
import type { OpenAPIV3 } from "openapi-types";
import { replySchema, resolve, type Operation } from "../operations.js";
import { exampleObject, exampleValue } from "./examples.js";
import { idVariable, stableId } from "./ids.js";
import { changesItem, guardOf, type Guard } from "./guards.js";
import { isSelectorArg } from "../../model/menu-kind.js";
import { ALLOW_VARIABLE, captureAdded, captureFirst, guardScript } from "./scripts.js";
import type { PostmanItem, PostmanRequest } from "./types.js";

/** Args an example body never carries: they stream, write files, or select by condition. */
const UNSAFE = new Set(["follow", "follow-only", "file", "where", "from", "copy-from", "place-before", "without-paging", "interval"]);

/** Values that bound commands which otherwise run until stopped. */
const BOUND_VALUES: Record<string, string> = { count: "3", once: "", duration: "5s" };

type Schema = OpenAPIV3.SchemaObject & Record<`x-${string}`, unknown>;

function body(doc: OpenAPIV3.Document, op: Operation, variable: string): Record<string, unknown> | undefined {
  if (!op.body) return undefined;
  if (op.command === "print") {
    // A print is safe with only the properties to show: never `follow`.
    const proplist = op.body.properties?.["proplist"] ? resolve<Schema>(doc, op.body.properties["proplist"]) : undefined;
    const names = ((proplist?.["x-routeros-enum"] ?? proplist?.["x-routeros-suggestions"] ?? proplist?.enum ?? []) as string[]).slice(0, 3);
    return names.length ? { ".proplist": [".id", ...names].join(",") } : {};
  }
  const references = (name: string) => {
    const schema = resolve<Schema>(doc, op.body!.properties![name]!);
    // Objects of one router (interfaces, tables...) may not exist on another; item ids come from the collection.
    return schema["x-routeros-type"] === "reference" && schema["x-routeros-ref"] !== "item" && op.verb === "command";
  };
  // A change to an item that already exists (the first one listed, perhaps the port the engineer is connected through) touches only its comment.
  const keep = changesItem(op) && op.body.properties?.["comment"] ? (name: string) => name === "comment" || isSelectorArg(name) : () => true;
  const example = exampleObject(doc, op.body, (name) => UNSAFE.has(name) || references(name) || !keep(name), variable);
  for (const bound of op.bounds ?? []) example[bound] = BOUND_VALUES[bound];
  return example;
}


/** A list filter's example: the value the item property of that name would have. */
function filterExample(doc: OpenAPIV3.Document, op: Operation, parameter: OpenAPIV3.ParameterObject): string {
  const reply = replySchema(doc, op).schema;
  const items = reply && "items" in reply ? resolve<OpenAPIV3.SchemaObject>(doc, reply.items) : undefined;
  const property = items?.properties?.[parameter.name];
  return String(exampleValue(doc, property ?? parameter.schema ?? { type: "string" }));
}

function url(doc: OpenAPIV3.Document, op: Operation, variable: string): PostmanRequest["url"] {
  const segments = op.path.split("/").filter(Boolean).map((s) => (s === "{id}" ? ":id" : s));
  const query = (op.verb === "list" ? (op.operation.parameters ?? []) : [])
    .map((p) => resolve<OpenAPIV3.ParameterObject>(doc, p))
    .filter((p) => p.in === "query")
    .map((p) => ({ key: p.name, value: p.name === ".proplist" ? ".id" : filterExample(doc, op, p), disabled: true, ...(p.description ? { description: p.description } : {}) }));
  const raw = `{{baseUrl}}/${segments.join("/")}`;
  return {
    raw,
    host: ["{{baseUrl}}"],
    path: segments,
    ...(query.length ? { query } : {}),
    ...(segments.includes(":id") ? { variable: [{ key: "id", value: `{{${variable}}}`, description: "`.id` (`*1`) or name of the item" }] } : {}),
  };
}

const GUARD_NOTES: Record<Guard, string> = {
  item: `Runs on the item this collection added; on any other item only when the variable \`${ALLOW_VARIABLE}\` is \`true\`.`,
  router: `Restarts or reconfigures the router: skipped unless the variable \`${ALLOW_VARIABLE}\` is \`true\`.`,
};

/** The router's texts: the command's description, then each body arg with its syntax and description. */
function describe(doc: OpenAPIV3.Document, op: Operation, guard: Guard | undefined): string {
  const args = Object.entries(op.body?.properties ?? {}).map(([name, value]) => {
    const schema = resolve<Schema>(doc, value);
    const syntax = schema["x-routeros-syntax"] ? ` (\`${String(schema["x-routeros-syntax"])}\`)` : "";
    return `- \`${name}\`${syntax}${schema.description ? `: ${schema.description}` : ""}`;
  });
  return [op.operation.summary, op.operation.description, guard && GUARD_NOTES[guard], args.length ? ["Arguments:", ...args].join("\n") : undefined].filter(Boolean).join("\n\n");
}

function testScript(op: Operation, variable: string): string[] | undefined {
  if (op.verb === "add") return captureAdded(variable, ".id");
  if (op.verb === "command" && op.command === "add") return captureAdded(variable, "ret");
  if (op.verb === "list") return captureFirst(variable);
  return undefined;
}

export function requestItem(doc: OpenAPIV3.Document, op: Operation): PostmanItem {
  const variable = idVariable(op.menu);
  const example = body(doc, op, variable);
  const guard = guardOf(op, example);
  const request: PostmanRequest = {
    method: op.method.toUpperCase(),
    header: example ? [{ key: "Content-Type", value: "application/json" }] : [],
    url: url(doc, op, variable),
    ...(example ? { body: { mode: "raw", raw: JSON.stringify(example, null, 2), options: { raw: { language: "json" } } } } : {}),
    description: describe(doc, op, guard),
  };
  const reply = replySchema(doc, op);
  const script = testScript(op, variable);
  const name = `${request.method} ${op.path.replace("{id}", ":id")}`;
  return {
    id: stableId(`${op.method} ${op.path}`),
    name,
    request,
    ...(script || guard
      ? {
          event: [
            ...(guard ? [{ listen: "prerequest" as const, script: { type: "text/javascript" as const, exec: guardScript(guard, variable) } }] : []),
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
        body: reply.schema ? JSON.stringify(exampleValue(doc, reply.schema, variable), null, 2) : "",
        ...(reply.schema ? { _postman_previewlanguage: "json" } : {}),
      },
    ],
  };
}
