/**
 * What an agent needs to write a call: a menu's operations with their safety
 * class and whether this server sends them, and an operation's args with
 * types, closed words, suggestions, ranges and an example body.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { EmitterView, ValueView, ViewOperation } from "../view/index.js";
import { requiredGroups } from "../openapi/evidence.js";
import { objectFacts } from "../openapi/extensions.js";
import { closedDoor, type Doors } from "./doors.js";
import { menuNode, operationsOf } from "./operations.js";

const MAX_WORDS = 24;
const MAX_DESCRIPTION = 160;

const request = (op: ViewOperation) => `${op.method.toUpperCase()} /rest${op.path}`;

function door(op: ViewOperation, doors: Doors): string {
  if (op.safety.class === "reads") return "read";
  return closedDoor(op, doors) ? "closed" : "open: plan, then apply";
}

export function describeMenu(view: EmitterView, menu: string, doors: Doors): string {
  const node = menuNode(view, menu);
  const lines = [`${node.menu}: ${node.operations[0]?.kind ?? "menu"} (RouterOS ${view.version})`];
  for (const [name, op] of operationsOf(node)) {
    lines.push(`  ${name}: ${request(op)}; ${op.safety.class}; ${door(op, doors)}`);
  }
  const listed = node.operations.find((op) => op.verb === "list" || op.verb === "get");
  const component = listed?.replyComponent ? view.components.get(listed.replyComponent) : undefined;
  if (component?.properties) lines.push(`properties: ${Object.keys(component.properties).join(", ")}`);
  if (node.children.size) lines.push(`submenus: ${[...node.children.keys()].join(", ")}`);
  return lines.join("\n");
}

export function describeOperation(view: EmitterView, op: ViewOperation, doors: Doors, name: string): string {
  const { safety } = op;
  const lines = [`${op.menu} ${name}: ${request(op)}; ${safety.class}; ${door(op, doors)}`];
  const summary = op.operation.description?.split("\n")[0];
  if (summary) lines.push(summary);
  if (op.onItem) lines.push("id: the item's .id (*1) or name");
  if (safety.readsWith) lines.push(`read sends it with ${JSON.stringify(safety.readsWith)}`);
  if (safety.readsWithout) lines.push(`read refuses these args: ${safety.readsWithout.join(", ")}`);
  if (op.body) {
    const required = new Set(op.body.required ?? []);
    lines.push("args:");
    for (const [arg, value] of view.properties(op.body))
      lines.push(`  ${arg}${required.has(arg) ? " (required)" : ""}: ${describeValue(value)}`);
    for (const group of requiredGroups(op.body))
      lines.push(`requires ${group.kind === "oneOf" ? "exactly one" : "at least one"} of ${group.args.join(", ")}`);
    if (objectFacts(op.body)["x-routeros-evidence"]?.required?.status === "unknown")
      lines.push("required args: unknown (no evidence for this menu)");
    // The document's example, as read or plan would send it: no selectors, no arg that read refuses, the bound read adds.
    const left = new Set(safety.readsWithout);
    const example = {
      ...Object.fromEntries(
        Object.entries((view.example(op.body) ?? {}) as Record<string, unknown>).filter(([arg]) => arg !== op.selector && !left.has(arg)),
      ),
      ...safety.readsWith,
    };
    if (Object.keys(example).length) lines.push(`example args: ${JSON.stringify(example)}`);
  }
  if (op.verb === "list") lines.push("args: property=value filters the items; .proplist names the properties to return");
  return lines.join("\n");
}

function describeValue(value: ValueView): string {
  const { schema, facts } = value;
  const type = facts["x-routeros-type"] ?? schema.type ?? "string";
  const parts = [facts["x-routeros-ref"] ? `${type} of ${facts["x-routeros-ref"]}` : type];
  if (facts["x-routeros-list"]) parts.push("comma list");
  if (facts["x-routeros-negatable"]) parts.push("! negates");
  const words = (schema.enum as string[] | undefined) ?? facts["x-routeros-enum"];
  if (words?.length) parts.push(`one of ${listed(words)}`);
  if (facts["x-routeros-suggestions"]?.length) parts.push(`suggested ${listed(facts["x-routeros-suggestions"])}`);
  if (facts["x-routeros-special"]?.length) parts.push(`or ${listed(facts["x-routeros-special"])}`);
  const range = facts["x-routeros-range"] ?? rangeOf(schema);
  if (range) parts.push(`${range.min ?? ""}..${range.max ?? ""}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.description) parts.push(`: ${schema.description.slice(0, MAX_DESCRIPTION)}`);
  return parts.join(", ").replace(", :", ":");
}

const listed = (words: string[]) =>
  words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS).join("|")}|... (${words.length})` : words.join("|");

const rangeOf = (schema: OpenAPIV3.SchemaObject) =>
  schema.minimum !== undefined || schema.maximum !== undefined ? { min: schema.minimum, max: schema.maximum } : undefined;
