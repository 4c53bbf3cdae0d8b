/**
 * The request policy: which values a request carries, each with why, and why
 * a run would skip it. A body does only what its safety class allows: an add
 * adds an inactive item of the run's own, a read keeps reading without
 * streaming, a change names only the run's own item. Every value is the
 * document's own example; the policy adds only what belongs to a run (the
 * item's id, the bounds and target of a read, `disabled`, a name and a
 * comment on the run's own item). Postman, the site and MCP read it; each
 * writes the item's id its own way (a variable, `*1`).
 */
import type { OpenAPIV3 } from "openapi-types";
import { requiredGroups } from "../openapi/evidence.js";
import { fits } from "../openapi/types/fits.js";
import type { EmitterView, ViewOperation } from "./index.js";

/** Why a request carries a value. */
type ValueReason =
  /** The document's example of the value. */
  | "example"
  /** The run's own text for a name or comment of its own item, where the document has none. */
  | "run-text"
  /** Text for a plain-string arg the add requires (evidence), where the document has none. */
  | "required-text"
  /** `disabled: yes`: the added item does nothing. */
  | "inactive"
  /** A bound of a command that runs until stopped (its example). */
  | "bound"
  /** What the safety fact says keeps a read reading (`once`, `count`, the router itself as target). */
  | "reads-with"
  /** `/console/inspect` asked as a crawler asks it. */
  | "inspect"
  /** The first properties the console offers for a print's `proplist`. */
  | "proplist";

/** One value of a body: the item the run works on (each reader writes its id its own way), or a value with why. */
type RequestValue = { reason: "item" } | { reason: ValueReason; value: unknown };

export interface RequestPolicy {
  /** The body's values, in the order sent; none where the operation takes no body. */
  body?: Record<string, RequestValue>;
  /** Names the item the run works on: in its URL or its body. */
  usesItem: boolean;
  /**
   * Why a run skips it even when allowed: of the args an add requires (evidence), those the body has no
   * value for that is true on every router (each an arg, or a group of which one is needed).
   */
  missing: string[][];
}

/** Args an example body never carries: they stream, write files, or select by condition. */
const UNSAFE = new Set(["follow", "follow-only", "file", "where", "from", "copy-from", "place-before", "without-paging", "interval"]);

/** Args RouterOS derives from an `address` with a prefix (/ip/address, /ip/dhcp-server/network): an add leaves them out. */
export const DERIVED: readonly string[] = ["network", "broadcast", "netmask"];

/** Free text the run writes where the document has no example: what it names and comments is its own. */
export const RUN_TEXT: Readonly<Record<string, string>> = { name: "example", comment: "example" };
/** The text of a plain-string arg an add requires (from evidence) that the document has no example for. */
const REQUIRED_TEXT = "example";

/** `/console/inspect` asked as a crawler asks it (`input` only ever goes with completion). */
const INSPECT: Record<string, string> = { request: "child", path: "" };

type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;
type Body = Record<string, RequestValue>;

const ITEM: RequestValue = { reason: "item" };

/** Builds the body of one operation that takes one (`schema`, resolved); the view answers every question about values. */
class PolicyBuilder {
  constructor(
    private readonly view: EmitterView,
    private readonly op: ViewOperation,
    private readonly schema: OpenAPIV3.SchemaObject,
  ) {}

  /** Whether an arg names the items the command acts on (the operation's selector fact). */
  private readonly isSelector = (name: string): boolean => name === this.op.selector;

  /**
   * A value as the run sends it: an item reference is the run's item, anything else the document's example;
   * on the run's own item, the run's own text where the document has none (also for a plain-string arg the
   * add requires).
   */
  value(schema: SchemaOrRef, name: string, ownItem: boolean): RequestValue | undefined {
    const { schema: resolved, facts } = this.view.value(schema);
    if (facts["x-routeros-type"] === "reference" && facts["x-routeros-ref"] === "item") return ITEM;
    const example = this.view.example(schema);
    if (example !== undefined) return { reason: "example", value: example };
    if (!ownItem || facts["x-routeros-type"] !== "string") return undefined;
    // The run's own text: a name or comment of its item, or any text an add requires (evidence) where the document has none.
    const run = RUN_TEXT[name];
    const text = run ?? (this.schema.required?.includes(name) ? REQUIRED_TEXT : undefined);
    if (!text || !fits(resolved, text)) return undefined;
    return { reason: run ? "run-text" : "required-text", value: text };
  }

  /** The body's args that have a value, minus `omit` and minus every arg that carries code (a careful sender never sends code). */
  object(omit: (name: string, schema: SchemaOrRef) => boolean, ownItem = false): Body {
    const out: Body = {};
    const code = new Set(this.op.safety.code);
    for (const [name, schema] of Object.entries(this.schema.properties ?? {})) {
      if (omit(name, schema) || code.has(name)) continue;
      const value = this.value(schema, name, ownItem);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  private property(name: string): OpenAPIV3.SchemaObject | undefined {
    const schema = this.schema.properties?.[name];
    return schema ? this.view.value(schema).schema : undefined;
  }

  /** The item this run adds (PUT and POST add alike): inactive where the menu lets it be. */
  addBody(): Body {
    const body = this.object((name) => UNSAFE.has(name) || this.isSelector(name), true);
    // Values that must agree with the address (`192.168.88.1` as network of `10.0.0.1/24` would not): RouterOS derives them.
    const address = body["address"];
    if (address && "value" in address && String(address.value).includes("/")) for (const name of DERIVED) delete body[name];
    const disabled = this.property("disabled");
    if (disabled && fits(disabled, "yes")) body["disabled"] = { reason: "inactive", value: "yes" };
    // Of args of which exactly one may be given (evidence of the add's rule), the first that has an example.
    for (const group of requiredGroups(this.schema)) {
      if (group.kind !== "oneOf") continue;
      const kept = group.args.find((arg) => arg in body);
      for (const arg of group.args) if (arg !== kept) delete body[arg];
    }
    return body;
  }

  inspectBody(): Body {
    const body: Body = {};
    for (const [name, value] of Object.entries(INSPECT)) {
      const schema = this.property(name);
      if (schema && fits(schema, value)) body[name] = { reason: "inspect", value };
    }
    return body;
  }

  /** Only the args that keep a reading command reading: the item, and the bound and target its safety fact names. */
  readBody(): Body {
    if (this.op.command === "print") {
      const proplist = this.schema.properties?.["proplist"];
      // The properties the console offers for proplist (suggestions: it takes other names too).
      const value = proplist ? this.view.value(proplist) : undefined;
      const names = (value?.schema.enum ?? value?.facts["x-routeros-enum"] ?? value?.facts["x-routeros-suggestions"] ?? []).slice(
        0,
        3,
      ) as string[];
      return names.length ? { ".proplist": { reason: "proplist", value: [".id", ...names].join(",") } } : {};
    }
    if (this.op.menu === "/console") return this.inspectBody();
    const body = this.object((name) => !this.isSelector(name));
    for (const [name, value] of Object.entries(this.op.safety.readsWith ?? {})) body[name] = { reason: "reads-with", value };
    return body;
  }

  body(): Body {
    const { op } = this;
    const safety = op.safety.class;
    if (safety === "reads") return this.readBody();
    if (safety === "adds") return this.addBody();
    if (safety === "own-item") {
      const selectors = this.object((name) => !this.isSelector(name));
      if (op.verb === "remove" || op.command === "remove") return selectors;
      // Changing the run's own item: its comment, as the REST manual's PATCH example does.
      const schema = this.schema.properties?.["comment"];
      const comment = schema ? this.value(schema, "comment", true) : undefined;
      return comment === undefined ? { ...this.addBody(), ...selectors } : { ...selectors, comment };
    }
    // Objects of one router (interfaces, tables...) may not exist on another; item ids come from the run.
    const external = (schema: SchemaOrRef) => {
      const { facts } = this.view.value(schema);
      return facts["x-routeros-type"] === "reference" && facts["x-routeros-ref"] !== "item";
    };
    const body = this.object((name, schema) => UNSAFE.has(name) || external(schema));
    // Stryker disable next-line ArrayDeclaration: equivalent, a bound the body does not take is skipped
    for (const bound of op.bounds ?? []) {
      const schema = this.schema.properties?.[bound];
      const value = schema ? this.view.example(schema) : undefined;
      if (value !== undefined) body[bound] = { reason: "bound", value };
    }
    return body;
  }
}

/** Of the args an add requires (evidence), those the body lacks: each an arg, or a group of which one is needed. */
function missingRequired(body: OpenAPIV3.SchemaObject, sent: Body): string[][] {
  const groups = [...(body.required ?? []).map((arg) => [arg]), ...requiredGroups(body).map((g) => g.args)];
  return groups.filter((group) => !group.some((arg) => arg in sent));
}

export function requestPolicy(view: EmitterView, op: ViewOperation): RequestPolicy {
  if (!op.body) return { usesItem: op.onItem, missing: [] };
  const body = new PolicyBuilder(view, op, op.body).body();
  return {
    body,
    usesItem: op.onItem || Object.values(body).some((v) => v.reason === "item"),
    missing: op.safety.class === "adds" ? missingRequired(op.body, body) : [],
  };
}

/** A policy's body as sent, the item written as `itemId`. */
export function bodyValues(policy: RequestPolicy, itemId: string): Record<string, unknown> | undefined {
  if (!policy.body) return undefined;
  return Object.fromEntries(Object.entries(policy.body).map(([name, v]) => [name, v.reason === "item" ? itemId : v.value]));
}
