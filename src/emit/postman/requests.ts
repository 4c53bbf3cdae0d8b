/**
 * One Postman request per operation: URL with path variables, disabled list
 * filters, a body that does only what its safety class allows, a saved
 * example reply. Every value is the document's own example (through the
 * view); the collection adds only what belongs to a run: the id variables,
 * the bounds and target of a read, `disabled`, a name and a comment on the
 * run's own items.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { SafetyClass } from "../../openapi/extensions.js";
import { isSelectorArg } from "../../model/menu-kind.js";
import { fits } from "../../openapi/types/fits.js";
import { requiredGroups } from "../../openapi/evidence.js";
import type { EmitterView, ViewOperation } from "../../view/index.js";
import { idVariable, stableId } from "./ids.js";
import { ALLOW_VARIABLE, captureAdded, captureFirst, guardScript, releaseRemoved } from "./scripts.js";
import type { PostmanItem, PostmanRequest } from "./types.js";

/** Args an example body never carries: they stream, write files, or select by condition. */
const UNSAFE = new Set(["follow", "follow-only", "file", "where", "from", "copy-from", "place-before", "without-paging", "interval"]);

type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

/** Free text the run writes where the document has no example: what it names and comments is its own. */
export const RUN_TEXT: Readonly<Record<string, string>> = { name: "example", comment: "example" };
/** The text of a plain-string arg an add requires (from evidence) that the document has no example for. */
const REQUIRED_TEXT = "example";

/** Builds one request; the view answers every question about values. */
class RequestBuilder {
  constructor(
    private readonly view: EmitterView,
    private readonly op: ViewOperation,
    private readonly variable: string,
  ) {}

  /**
   * A value as the run sends it: an item reference is the run's id variable, anything else the
   * document's example; on the run's own item, the run's own text where the document has none (also for a
   * plain-string arg the add requires).
   */
  value(schema: SchemaOrRef, name: string, ownItem = false): unknown {
    const { schema: resolved, facts } = this.view.value(schema);
    if (facts["x-routeros-type"] === "reference" && facts["x-routeros-ref"] === "item") return `{{${this.variable}}}`;
    const example = this.view.example(schema);
    // The run's own text: a name or comment of its item, or any text an add requires (evidence) where the document has none.
    const text = RUN_TEXT[name] ?? (this.op.body?.required?.includes(name) ? REQUIRED_TEXT : undefined);
    if (example !== undefined || !ownItem || facts["x-routeros-type"] !== "string" || !text) return example;
    return fits(resolved, text) ? text : undefined;
  }

  /** The body's args that have a value, minus `omit` and minus every arg that carries code (the collection never sends code). */
  object(omit: (name: string) => boolean, ownItem = false): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const code = new Set(this.op.safety.code);
    for (const [name, schema] of Object.entries(this.op.body?.properties ?? {})) {
      if (omit(name) || code.has(name)) continue;
      const value = this.value(schema, name, ownItem);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  private property(name: string): OpenAPIV3.SchemaObject | undefined {
    const schema = this.op.body?.properties?.[name];
    return schema ? this.view.value(schema).schema : undefined;
  }

  /** The item this run adds (PUT and POST add alike): inactive where the menu lets it be. */
  addBody(): Record<string, unknown> {
    const example = this.object((name) => UNSAFE.has(name) || isSelectorArg(name), true);
    const disabled = this.property("disabled");
    if (disabled && fits(disabled, "yes")) example["disabled"] = "yes";
    // Of args of which exactly one may be given (evidence of the add's rule), the first that has an example.
    for (const group of this.op.body ? requiredGroups(this.op.body) : []) {
      if (group.kind !== "oneOf") continue;
      const kept = group.args.find((arg) => arg in example);
      for (const arg of group.args) if (arg !== kept) delete example[arg];
    }
    return example;
  }

  /** `/console/inspect` asked as a crawler asks it: the children of the root (`input` only ever goes with completion). */
  inspectBody(): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(INSPECT)) {
      const schema = this.property(name);
      if (schema && fits(schema, value)) body[name] = value;
    }
    return body;
  }

  /** Only the args that keep a reading command reading: the item, and the bound and target its safety fact names. */
  readBody(): Record<string, unknown> {
    if (this.op.command === "print") {
      const proplist = this.op.body?.properties?.["proplist"];
      // The properties the console offers for proplist (suggestions: it takes other names too).
      const value = proplist ? this.view.value(proplist) : undefined;
      const names = (value?.schema.enum ?? value?.facts["x-routeros-enum"] ?? value?.facts["x-routeros-suggestions"] ?? []).slice(
        0,
        3,
      ) as string[];
      return names.length ? { ".proplist": [".id", ...names].join(",") } : {};
    }
    if (this.op.menu === "/console") return this.inspectBody();
    return { ...this.object((name) => !isSelectorArg(name)), ...this.op.safety.readsWith };
  }

  body(): Record<string, unknown> | undefined {
    const { op } = this;
    if (!op.body) return undefined;
    const safety = op.safety.class;
    if (safety === "reads") return this.readBody();
    if (safety === "adds") return this.addBody();
    if (safety === "own-item") {
      const selectors = this.object((name) => !isSelectorArg(name));
      if (op.verb === "remove" || op.command === "remove") return selectors;
      // Changing the run's own item: its comment, as the REST manual's PATCH example does.
      const comment = op.body.properties?.["comment"] ? this.value(op.body.properties["comment"], "comment", true) : undefined;
      return comment === undefined ? { ...this.addBody(), ...selectors } : { ...selectors, comment };
    }
    // Objects of one router (interfaces, tables...) may not exist on another; item ids come from the collection.
    const external = (name: string) => {
      const { facts } = this.view.value(op.body!.properties![name]!);
      return facts["x-routeros-type"] === "reference" && facts["x-routeros-ref"] !== "item";
    };
    const example = this.object((name) => UNSAFE.has(name) || external(name));
    for (const bound of op.bounds ?? []) {
      const schema = op.body.properties?.[bound];
      const value = schema ? this.view.example(schema) : undefined;
      if (value !== undefined) example[bound] = value;
    }
    return example;
  }

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

/** `/console/inspect` asked as a crawler asks it. */
const INSPECT: Record<string, string> = { request: "child", path: "" };

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

/** Of the args an add requires (evidence), those the body lacks: each an arg, or a group of which one is needed. */
function missingRequired(body: OpenAPIV3.SchemaObject, sent: Record<string, unknown>): string[][] {
  const groups = [...(body.required ?? []).map((arg) => [arg]), ...requiredGroups(body).map((g) => g.args)];
  return groups.filter((group) => !group.some((arg) => arg in sent));
}

/** The request's name in the collection: `PATCH /ip/address/:id`. */
export const requestName = (op: ViewOperation): string => `${op.method.toUpperCase()} ${op.path.replace("{id}", ":id")}`;

export function requestItem(view: EmitterView, op: ViewOperation): PostmanItem {
  const variable = idVariable(op.menu);
  const builder = new RequestBuilder(view, op, variable);
  const example = builder.body();
  const usesId = op.onItem || Object.values(example ?? {}).includes(`{{${variable}}}`);
  const needs = op.safety.class === "adds" && op.body && example ? missingRequired(op.body, example) : [];
  const guard = guardScript(op.safety.class, usesId ? variable : undefined, needs);
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
