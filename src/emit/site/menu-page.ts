/**
 * One page per menu: its submenus, then every operation with its REST
 * method and URL, console command, safety class, body args with their type
 * in words, reply, error statuses and a ready request; then the properties of
 * the items its replies carry, read-only ones marked.
 */
import type { OpenAPIV3 } from "openapi-types";
import { operationFacts, type SafetyClass, type SafetyFact } from "../../openapi/extensions.js";
import type { EmitterView, MenuNode, ValueView, ViewOperation } from "../../view/index.js";
import { html, prose, type Html, type Part } from "./html.js";
import { argNode, consoleCommand, operationNode, type Lifespan, type VersionContext } from "./context.js";
import { argAnchor, menuPage, operationAnchor, relative, slug } from "./paths.js";
import type { ReadyRequest } from "./requests.js";
import { valueWords } from "./words.js";
import { helpPage } from "./help.js";

export interface MenuPageInput {
  view: EmitterView;
  node: MenuNode;
  context: VersionContext;
  ready: (op: ViewOperation) => ReadyRequest;
  /** This page's path from the site's root. */
  path: string;
  /** The version's page of error shapes, from the site's root. */
  errorsPage: string;
}

const SAFETY_WORDS: Record<SafetyClass, string> = {
  reads: "reads: changes nothing",
  adds: "adds an item of its own",
  "own-item": "changes or removes the item it names",
  "changes-router": "changes the router",
  disruptive: "disruptive: may end the session, lose configuration or change what runs",
};

function safety(fact: SafetyFact): Html {
  const bound = Object.entries(fact.readsWith ?? {});
  return html`<span class="safety ${fact.class}">${SAFETY_WORDS[fact.class]}</span>${
      bound.length
        ? html`; a read only with ${bound.map(([arg, value], i) => html`${i ? ", " : ""}<code>${arg}=${JSON.stringify(value)}</code>`)}`
        : ""
    }${fact.readsWithout?.length ? html`; and without ${fact.readsWithout.map((arg, i) => html`${i ? ", " : ""}<code>${arg}</code>`)}` : ""}`;
}

/** The classes whose ready request changes nothing the sender did not create. */
const READS_OR_ADDS: ReadonlySet<SafetyClass> = new Set(["reads", "adds"]);

/** The component of an item's properties, named by an anchor of its own on the page. */
const itemAnchor = (component: string): string => `item-${slug(component)}`;

function badges(life: Lifespan, context: VersionContext, from: string): Html {
  const link = (label: string) => context.diffInto(label);
  return html`${life.since ? badge("since", life.since, link(life.since), from) : ""}${
    life.removedIn ? badge("removed", life.removedIn, link(life.removedIn), from) : ""
  }${life.packages ? html` <span class="badge packages" title="${life.packages.step}">${life.packages.text}</span>` : ""}`;
}

function badge(kind: "since" | "removed", label: string, diff: string | undefined, from: string): Html {
  const text = kind === "since" ? `since ${label}` : `removed in ${label}`;
  return diff
    ? html` <a class="badge ${kind}" href="${relative(from, diff)}">${text}</a>`
    : html` <span class="badge ${kind}">${text}</span>`;
}

function valueCell(value: ValueView): Html {
  const w = valueWords(value);
  return html`<span class="type">${w.type}</span>${
      w.details.length
        ? html`<ul class="details">
            ${w.details.map((d) => html`<li>${d}</li>`)}
          </ul>`
        : ""
    }${
      w.words ? html`<p class="words">One of: ${w.words.map((word, i) => html`${i ? ", " : ""}<code>${word}</code>`)}</p>` : ""
    }${w.suggestions ? html`<p class="words">Suggested: ${w.suggestions.map((word, i) => html`${i ? ", " : ""}<code>${word}</code>`)}</p>` : ""}${
      w.examples.length ? html`<p class="example">Example: ${w.examples.map((e, i) => html`${i ? ", " : ""}<code>${e}</code>`)}</p>` : ""
    }${value.schema.description ? html`<p class="description">${prose(value.schema.description)}</p>` : ""}`;
}

interface ValueRow {
  name: string;
  value: ValueView;
  /** The row's anchor; `also`: further anchors that lead to the same row (the arg of each other operation). */
  id: string;
  also?: string[];
  /** Badges after the name. */
  marks: Html;
  /** What follows the value's words (its default). */
  after?: Html;
  /** The commands that take it, where a table lists them. */
  takenBy?: string[];
}

/** A table of named values (menu args, item properties), each row with an anchor of its own. */
function valueTable(caption: Part, column: string, rows: ValueRow[], takenBy = false): Html {
  return html`<table class="args">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${column}</th>
        <th scope="col">Value</th>
        ${takenBy ? html`<th scope="col">Taken by</th>` : ""}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        ({ name, value, id, also, marks, after, takenBy: commands }) =>
          html`<tr id="${id}">
            <th scope="row">
              ${(also ?? []).map((a) => html`<span id="${a}"></span>`)}<a class="anchor" href="#${id}"><code>${name}</code></a
              >${marks}
            </th>
            <td>${valueCell(value)}${after}</td>
            ${takenBy ? html`<td class="taken">${(commands ?? []).join(", ")}</td>` : ""}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The operations of a menu that take a body. */
const bodyOperations = (node: MenuNode): ViewOperation[] =>
  node.operations.filter((op) => op.method !== "get" && op.method !== "delete" && op.body);

/** What makes two operations' args one row: the same name and the same value (a default or required-ness stays per operation). */
const valueKey = (name: string, value: ValueView): string => {
  return `${name}\u0000${JSON.stringify({ ...value.schema, default: undefined })}`;
};

/** The shared anchor of a menu's arg row. */
const menuArgAnchor = (name: string): string => argAnchor("arg", name);

/**
 * The menu's args, each shown once: one row per name and value, with the
 * commands that take it; an arg whose value differs between commands has a
 * row per value. Every operation's own anchor of an arg (`#put-ip.address--address`)
 * leads to its row.
 */
function argsTable(input: MenuPageInput): Html {
  const groups = new Map<string, { name: string; value: ValueView; ops: ViewOperation[] }>();
  for (const op of bodyOperations(input.node))
    for (const [name, value] of input.view.properties(op.body!)) {
      const key = valueKey(name, value);
      const group = groups.get(key) ?? { name, value, ops: [] };
      group.ops.push(op);
      groups.set(key, group);
    }
  if (groups.size === 0) return html``;
  const named = new Set<string>();
  const rows = [...groups.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, value, ops }): ValueRow => {
      const own = ops.map((op) => argAnchor(operationAnchor(op.method, op.path), name));
      const first = !named.has(name);
      named.add(name);
      const id = first ? menuArgAnchor(name) : own.shift()!;
      const commands = [...new Set(ops.map(consoleCommand))];
      const required = [...new Set(ops.filter((op) => op.body!.required?.includes(name)).map(consoleCommand))];
      const defaults = new Set<unknown>();
      for (const op of ops) {
        const schema = op.body!.properties?.[name];
        const fallback: unknown = schema ? input.view.value(schema).schema.default : undefined;
        if (fallback !== undefined) defaults.add(fallback);
      }
      const fallback = [...defaults];
      // The document's code-bearing fact: the router runs or stores to run what this arg carries.
      const code = ops.some((op) => op.safety.code?.includes(name));
      const marks = new Map<string, Html>();
      for (const op of ops) {
        const badge = badges(input.context.lifespan(argNode(op, name)), input.context, input.path);
        if (badge.text) marks.set(badge.text, badge);
      }
      return {
        name,
        value,
        id,
        also: own,
        marks: html`${required.length ? html` <span class="badge required">required in ${required.join(", ")}</span>` : ""}${
          code ? html` <span class="badge code" title="the router runs or stores to run this value">carries code</span>` : ""
        }${[...marks.values()]}`,
        ...(fallback.length === 1 ? { after: html`<p class="default">Default: <code>${String(fallback[0])}</code></p>` } : {}),
        takenBy: commands,
      };
    });
  return html`<section class="menu-args" id="args" aria-labelledby="args-h">
    <h2 id="args-h">Args</h2>
    <p>Each arg once, with the commands that take it (an arg whose value differs between commands has a row for each).</p>
    ${valueTable(html`Body args of the operations of ${input.node.menu}`, "Arg", rows, true)}
  </section>`;
}

/** An operation's body in one line: how many of the menu's args it takes, which it requires. */
function bodyLine(input: MenuPageInput, op: ViewOperation): Html {
  const body = op.body;
  if (!body) return html`<p class="nobody">No body.</p>`;
  const args = input.view.properties(body);
  if (args.length === 0) return html`<p class="nobody">The body is an empty object.</p>`;
  const required = body.required ?? [];
  return html`<p class="body">
    Body: ${args.length} <a href="#args">arg${args.length === 1 ? "" : "s"}</a> (the rows taken by <code>${consoleCommand(op)}</code>)${
      required.length
        ? html`; required:
          ${required.map((r, i) => html`${i ? ", " : ""}<a href="#${argAnchor(operationAnchor(op.method, op.path), r)}"><code>${r}</code></a>`)}`
        : ""
    }.
  </p>`;
}

/** The item (or settings) components the menu's listings reply with: their properties are shown once on the page. */
const itemComponents = (node: MenuNode): string[] => [
  ...new Set(node.operations.flatMap((op) => ((op.verb === "list" || op.verb === "get") && op.replyComponent ? [op.replyComponent] : []))),
];

function replyText(input: MenuPageInput, op: ViewOperation): Html {
  if (!op.reply.schema) return html`<p>Reply: ${op.reply.status}, empty.</p>`;
  const component = op.replyComponent;
  const onPage = component && itemComponents(input.node).includes(component);
  const name = component
    ? onPage
      ? html`<a href="#${itemAnchor(component)}">${component}</a>`
      : html`<code>${component}</code> ${replyShape(input.view, component)}`
    : html`a value`;
  return html`<p>Reply: ${op.reply.status}, ${op.replyMany ? html`a list of ${name}` : name}.</p>`;
}

/** A shared reply shape in a few words: `{ret}` or a list of records. */
function replyShape(view: EmitterView, component: string): Html {
  const schema = view.components.get(component);
  const properties = Object.keys(schema?.properties ?? {});
  return properties.length ? html`(<code>{${properties.join(", ")}}</code>)` : html``;
}

function errorsLine(input: MenuPageInput, op: ViewOperation): Html {
  const statuses = Object.entries(op.operation.responses).filter(([code]) => !code.startsWith("2"));
  if (statuses.length === 0) return html``;
  const errors = relative(input.path, input.errorsPage);
  return html`<p class="errors">
    Errors:
    ${statuses.map(([code, response], i) => {
      const name = (response as OpenAPIV3.ReferenceObject).$ref?.split("/").pop();
      return html`${i ? ", " : ""}<a href="${errors}#${name ? slug(name) : `status-${code}`}">${code}${name ? html` ${name}` : ""}</a>`;
    })};
    each an object <code>{error, message, detail}</code>.
  </p>`;
}

function operation(input: MenuPageInput, op: ViewOperation): Html {
  const anchor = operationAnchor(op.method, op.path);
  const ready = input.ready(op);
  const method = op.method.toUpperCase();
  const o = op.operation;
  const command = `${op.menu === "/" ? "" : op.menu} ${consoleCommand(op)}`.trim();
  return html`<section class="operation" id="${anchor}" aria-labelledby="${anchor}-h">
    <h2 id="${anchor}-h">
      <a class="anchor" href="#${anchor}"><span class="method ${op.method}">${method}</span> <code>/rest${op.path}</code></a
      >${badges(input.context.lifespan(operationNode(op)), input.context, input.path)}${operationFacts(o)["x-routeros-arch"]?.only ? html` <span class="badge arch">${operationFacts(o)["x-routeros-arch"]!.only} only</span>` : ""}
    </h2>
    <p class="summary">${o.summary ?? ""}</p>
    <dl class="facts">
      <dt>Console</dt>
      <dd><code>${command}</code></dd>
      <dt>Safety</dt>
      <dd>${safety(ready.safety)}</dd>
      ${
        op.bounds?.length
          ? html`<dt>Runs until stopped</dt>
              <dd>bounded by ${op.bounds.map((b, i) => html`${i ? ", " : ""}<code>${b}</code>`)}</dd>`
          : ""
      }
    </dl>
    ${o.description ? html`<p class="description">${prose(o.description)}</p>` : ""}
    ${op.verb === "list" ? html`<p>Query: any item property as <code>?name=value</code>; <code>.proplist</code> names the properties to return.</p>` : ""}
    ${op.method === "get" || op.method === "delete" ? "" : bodyLine(input, op)} ${replyText(input, op)} ${errorsLine(input, op)}
    <details class="ready">
      <summary>Ready request</summary>
      ${
        READS_OR_ADDS.has(ready.safety.class)
          ? ""
          : html`<p class="caution">
              This request
              ${
                ready.safety.class === "own-item"
                  ? html`changes the item it names (here <code>*1</code>): put the id of an item of yours`
                  : "changes the router"
              }.
              Check it before you send it.
            </p>`
      }
      ${
        ready.notes.length
          ? html`<ul class="notes" aria-label="Why these values">
              ${ready.notes.map(
                (n) =>
                  html`<li>
                    ${n.args.map((a, i) => html`${i ? ", " : ""}<code>${a}</code>`)}${n.value === undefined ? "" : html` = <code>${n.value}</code>`}:
                    ${n.why}
                  </li>`,
              )}
            </ul>`
          : ""
      }
      <p>curl (asks for the password):</p>
      <pre data-what="the curl command"><code>${ready.curl}</code></pre>
      ${
        ready.client
          ? html`<p>TypeScript client:</p>
              <pre data-what="the client call"><code>${ready.client}</code></pre>`
          : ""
      }
      ${
        ready.body !== undefined
          ? html`<p>Raw body:</p>
              <pre data-what="the raw body"><code>${ready.body}</code></pre>`
          : ""
      }
      <p>Postman request: <code>${ready.postman}</code></p>
    </details>
  </section>`;
}

/**
 * The properties of the menu's items. A property that is also an arg of the
 * menu is named with a link to its arg row (its value in words is there; in
 * a reply it is a string); the others, mostly read-only, have rows here.
 */
function items(input: MenuPageInput): Html {
  const args = new Set(bodyOperations(input.node).flatMap((op) => Object.keys(op.body!.properties ?? {})));
  return html`${itemComponents(input.node).map((component) => {
    const schema = input.view.components.get(component);
    if (!schema) return "";
    const anchor = itemAnchor(component);
    const properties = input.view.properties(schema);
    const asArgs = properties.filter(([name, value]) => args.has(name) && !value.schema.readOnly);
    const rows = properties
      .filter(([name, value]) => !args.has(name) || value.schema.readOnly)
      .map(([name, value]): ValueRow => ({
        name,
        value,
        id: argAnchor(anchor, name),
        marks: value.schema.readOnly ? html` <span class="badge readonly">read-only</span>` : html``,
      }));
    return html`<section class="item" id="${anchor}" aria-labelledby="${anchor}-h">
      <h2 id="${anchor}-h">Properties of <code>${component}</code></h2>
      ${
        asArgs.length
          ? html`<p class="as-args">
              The args it replies with, as strings:
              ${asArgs.map(
                ([name], i) =>
                  html`${i ? ", " : ""}<a id="${argAnchor(anchor, name)}" href="#${menuArgAnchor(name)}"><code>${name}</code></a>`,
              )}.
            </p>`
          : ""
      }
      ${rows.length ? valueTable("Other reply properties (every value a string)", "Property", rows) : ""}
    </section>`;
  })}`;
}

export function menuPageBody(input: MenuPageInput): Html {
  const { node, context, path } = input;
  const title = node.menu;
  const children = [...node.children.values()];
  const changes = context.changes(node.menu);
  const help = helpPage(node.menu);
  return html`<h1><code>${title}</code>${badges(context.lifespan({ level: "menu", path: node.menu }), context, path)}</h1>
    ${node.operations.length ? html`<p>A menu of ${node.operations[0]!.kind === "items" ? "items" : "settings"}: ${node.operations.length} operations.</p>` : ""}
    ${help ? html`<p class="help">MikroTik's help page: <a href="${help.url}" rel="external noopener">${help.title}</a></p>` : ""}
    ${
      changes.length
        ? html`<p class="changes">
            Changes:
            ${changes.map(
              (c, i) =>
                html`${i ? ", " : ""}<a href="${relative(path, c.path)}"
                    >${c.from} → ${c.to}: ${c.count} change${c.count === 1 ? "" : "s"}${c.breaking ? html`, ${c.breaking} breaking` : ""}</a
                  >`,
            )}
          </p>`
        : ""
    }
    ${
      children.length
        ? html`<nav aria-label="Submenus">
            <h2>Submenus</h2>
            <ul class="submenus">
              ${children.map(
                (c) =>
                  html`<li>
                    <a href="${relative(path, `${context.folder}/${menuPage(c.menu)}`)}"><code>${c.name}</code></a
                    >${badges(context.lifespan({ level: "menu", path: c.menu }), context, path)}
                  </li>`,
              )}
            </ul>
          </nav>`
        : ""
    }
    ${
      node.operations.length
        ? html`<nav aria-label="Operations">
            <h2>Operations</h2>
            <ul class="toc">
              ${node.operations.map(
                (op) =>
                  html`<li>
                    <a href="#${operationAnchor(op.method, op.path)}"
                      ><span class="method ${op.method}">${op.method.toUpperCase()}</span> <code>${op.path}</code></a
                    >
                  </li>`,
              )}
            </ul>
          </nav>`
        : ""
    }
    ${node.operations.map((op) => operation(input, op))} ${argsTable(input)} ${items(input)}`;
}
