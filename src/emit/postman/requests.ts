/**
 * One Postman request per operation: URL with path variables, disabled list
 * filters, the body the view's request policy gives (the item written as the
 * run's id variable), a guard that skips what the policy says a run skips,
 * a saved example reply.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { SafetyClass } from "../../openapi/extensions.js";
import type { EmitterView, ViewOperation } from "../../view/index.js";
import { bodyValues } from "../../view/requests.js";
import { idVariable, stableId } from "./ids.js";
import { ALLOW_VARIABLE, captureAdded, captureFirst, guardScript, releaseRemoved } from "./scripts.js";
import type { PostmanItem, PostmanRequest } from "./types.js";

/** The URL and texts of one request; the view answers every question about values. */
class RequestBuilder {
  constructor(
    private readonly view: EmitterView,
    private readonly op: ViewOperation,
    private readonly variable: string,
  ) {}

  /** A list filter: the value the item property of that name would have (left out where none is true). */
  filterExample(parameter: OpenAPIV3.ParameterObject): unknown {
    const reply = this.op.replySchema;
    const items = reply && "items" in reply ? this.view.value(reply.items).schema : undefined;
    return this.view.example(items?.properties?.[parameter.name] ?? parameter.schema ?? { type: "string" });
  }

  url(): PostmanRequest["url"] {
    const { op } = this;
    const segments = op.path
      .split("/")
      .filter(Boolean)
      .map((s) => (s === "{id}" ? ":id" : s));
    const query = (op.verb === "list" ? op.query : []).flatMap((p) => {
      const value = p.name === ".proplist" ? ".id" : this.filterExample(p);
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
        ? { variable: [{ key: "id", value: `{{${this.variable}}}`, description: "`.id` (`*1`) or name of the item" }] }
        : {}),
    };
  }

  /** The router's texts: the command's description, then each body arg with its syntax and description. */
  describe(): string {
    const { op } = this;
    const args = Object.entries(op.body?.properties ?? {}).map(([name, value]) => {
      const { schema, facts } = this.view.value(value);
      const syntax = facts["x-routeros-syntax"];
      return `- \`${name}\`${syntax ? ` (\`${syntax}\`)` : ""}${schema.description ? `: ${schema.description}` : ""}`;
    });
    return [
      op.operation.summary,
      op.operation.description,
      SAFETY_NOTES[op.safety.class],
      args.length ? ["Arguments:", ...args].join("\n") : undefined,
    ]
      .filter(Boolean)
      .join("\n\n");
  }
}

const CHANGES_ROUTER = `Changes the router: skipped unless the variable \`${ALLOW_VARIABLE}\` is \`true\`.`;

const SAFETY_NOTES: Record<SafetyClass, string | undefined> = {
  reads: undefined,
  adds: "Adds an item (disabled where the menu allows it); the run's later requests on this menu use it.",
  "own-item": `Runs on the item this collection added; on any other item only when the variable \`${ALLOW_VARIABLE}\` is \`true\`.`,
  "changes-router": CHANGES_ROUTER,
  disruptive: CHANGES_ROUTER,
};

function testScript(op: ViewOperation, variable: string, usesId: boolean): string[] | undefined {
  if (op.verb === "add") return captureAdded(variable, ".id");
  if (op.verb === "command" && op.command === "add") return captureAdded(variable, "ret");
  if (op.verb === "list") return captureFirst(variable);
  if (usesId && (op.verb === "remove" || (op.verb === "command" && op.command === "remove"))) return releaseRemoved(variable);
  return undefined;
}

/** The request's name in the collection: `PATCH /ip/address/:id`. */
export const requestName = (op: ViewOperation): string => `${op.method.toUpperCase()} ${op.path.replace("{id}", ":id")}`;

export function requestItem(view: EmitterView, op: ViewOperation): PostmanItem {
  const variable = idVariable(op.menu);
  const builder = new RequestBuilder(view, op, variable);
  const policy = view.request(op);
  const example = bodyValues(policy, `{{${variable}}}`);
  const usesId = policy.usesItem;
  const guard = guardScript(op.safety.class, usesId ? variable : undefined, policy.missing);
  const request: PostmanRequest = {
    method: op.method.toUpperCase(),
    header: example ? [{ key: "Content-Type", value: "application/json" }] : [],
    url: builder.url(),
    ...(example ? { body: { mode: "raw", raw: JSON.stringify(example, null, 2), options: { raw: { language: "json" } } } } : {}),
    description: builder.describe(),
  };
  const script = testScript(op, variable, usesId);
  const name = requestName(op);
  const replyExample = op.replySchema ? view.example(op.replySchema) : undefined;
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
        name: op.reply.status === 204 ? "Removed" : "Example reply",
        originalRequest: request,
        status: op.reply.status === 204 ? "No Content" : "OK",
        code: op.reply.status,
        header: op.replySchema ? [{ key: "Content-Type", value: "application/json" }] : [],
        body: replyExample === undefined ? "" : JSON.stringify(replyExample, null, 2),
        ...(replyExample === undefined ? {} : { _postman_previewlanguage: "json" }),
      },
    ],
  };
}
