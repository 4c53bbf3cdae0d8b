/** The pages of one version: its index (the menu tree), a page per menu, its error shapes and its search index. */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "../../io/files.js";
import type { EmitterView, MenuNode } from "../../view/index.js";
import type { VersionContext } from "./context.js";
import { html, prose, type Html } from "./html.js";
import { page, type PageFrame } from "./layout.js";
import { menuPageBody } from "./menu-page.js";
import { menuPage, relative, slug } from "./paths.js";
import { readyRequests } from "./requests.js";
import { searchIndex } from "./search-index.js";

const INDEX = "index.html";
const ERRORS = "errors.html";
const SEARCH = "search-index.js";

/** The frame of a page of a version: `inVersion` is its path inside the version's folder. */
function frame(
  context: VersionContext,
  inVersion: string,
  title: string,
  crumbs: PageFrame["crumbs"],
  at = `${context.folder}/${inVersion}`,
): PageFrame {
  return {
    path: at,
    title,
    version: { label: context.label, index: `${context.folder}/${INDEX}`, searchIndex: `${context.folder}/${SEARCH}` },
    switcher: context.switcher(inVersion),
    crumbs,
  };
}

function tree(node: MenuNode, from: string, folder: string): Html {
  const children = [...node.children.values()];
  if (children.length === 0) return html``;
  return html`<ul>
    ${children.map(
      (c) => html`<li><a href="${relative(from, `${folder}/${menuPage(c.menu)}`)}">${c.name}</a>${tree(c, from, folder)}</li>`,
    )}
  </ul>`;
}

/**
 * The menu tree beside a menu page: the top menus, and the menus under each
 * menu on the way to this one; this one marked as the current page.
 */
function sidebar(root: MenuNode, current: string, from: string, folder: string): Html {
  const onWay = (menu: string) => current === menu || current.startsWith(`${menu}/`);
  const level = (node: MenuNode): Html =>
    html`<ul>
      ${[...node.children.values()].map(
        (c) =>
          html`<li>
            <a href="${relative(from, `${folder}/${menuPage(c.menu)}`)}" ${c.menu === current ? html`aria-current="page"` : ""}>${c.name}</a
            >${onWay(c.menu) && c.children.size ? level(c) : ""}
          </li>`,
      )}
    </ul>`;
  return html`<nav class="side" aria-label="Menu tree">
    <p><a href="${relative(from, `${folder}/${INDEX}`)}">All menus</a></p>
    ${level(root)}
  </nav>`;
}

/** The index of a version: written in its folder and, for the newest, at the site's root (`at`). */
export function indexPage(view: EmitterView, context: VersionContext, at = `${context.folder}/${INDEX}`): string {
  const f = frame(context, INDEX, `RouterOS ${context.label} REST API`, [], at);
  const rootOps = view.tree.operations.length;
  return page(
    f,
    html`<h1>RouterOS ${context.label} REST API</h1>
      <p>
        ${view.operations.length} operations in ${countMenus(view.tree)} menus. Search above (press <kbd>/</kbd>), or open a menu below.
        Every request goes to <code>https://ROUTER/rest</code> with HTTP basic auth; every value in a reply is a string; errors are
        <a href="${relative(at, `${context.folder}/${ERRORS}`)}">objects of <code>{error, message, detail}</code></a
        >.
      </p>
      ${
        context.downloads.length
          ? html`<nav aria-label="Downloads">
              <h2>Downloads</h2>
              <ul>
                ${context.downloads.map((d) => html`<li><a href="${relative(at, d.path)}">${d.text}</a></li>`)}
              </ul>
            </nav>`
          : ""
      }
      <nav aria-label="Menus" class="tree">
        <h2>Menus</h2>
        ${rootOps ? html`<p><a href="${relative(at, `${context.folder}/${menuPage("/")}`)}">Root commands</a> (${rootOps})</p>` : ""}
        ${tree(view.tree, at, context.folder)}
      </nav>`,
  ).text;
}

const countMenus = (node: MenuNode): number => [...node.children.values()].reduce((n, c) => n + 1 + countMenus(c), 0);

function errorsPage(view: EmitterView, context: VersionContext): string {
  const responses = Object.entries(view.document.components?.responses ?? {}) as [string, OpenAPIV3.ResponseObject][];
  const f = frame(context, ERRORS, `Errors · RouterOS ${context.label}`, [{ text: "index", path: `${context.folder}/${INDEX}` }]);
  return page(
    f,
    html`<h1>Error replies</h1>
      <p>
        RouterOS answers a failed request with an HTTP status and a JSON object <code>{error, message, detail}</code>:
        <code>error</code> the status code, <code>message</code> its reason, <code>detail</code> what the console said.
      </p>
      ${responses.map(([name, response]) => {
        const example: unknown = response.content?.["application/json"]?.example;
        return html`<section id="${slug(name)}" aria-labelledby="${slug(name)}-h">
          <h2 id="${slug(name)}-h">${name}</h2>
          <p>${prose(response.description)}</p>
          ${
            example === undefined
              ? ""
              : html`<p>For example:</p>
                  <pre><code>${JSON.stringify(example, null, 2)}</code></pre>`
          }
        </section>`;
      })}`,
  ).text;
}

export function versionPages(view: EmitterView, context: VersionContext): OutputFile[] {
  const ready = readyRequests(view);
  const files: OutputFile[] = [];
  const folder = context.folder;
  const errors = `${folder}/${ERRORS}`;
  const walk = (node: MenuNode, crumbs: PageFrame["crumbs"]) => {
    const inVersion = menuPage(node.menu);
    const path = `${folder}/${inVersion}`;
    if (node.menu !== "/" || node.operations.length) {
      const f = {
        ...frame(context, inVersion, `${node.menu} · RouterOS ${context.label}`, crumbs),
        sidebar: sidebar(view.tree, node.menu, path, folder),
      };
      files.push({ path, content: page(f, menuPageBody({ view, node, context, ready, path, errorsPage: errors })).text });
    }
    for (const child of node.children.values()) walk(child, [...crumbs, { text: child.name, path: `${folder}/${menuPage(child.menu)}` }]);
  };
  walk(view.tree, [{ text: "index", path: `${folder}/${INDEX}` }]);
  files.push({ path: `${folder}/${INDEX}`, content: indexPage(view, context) });
  files.push({ path: errors, content: errorsPage(view, context) });
  files.push({ path: `${folder}/${SEARCH}`, content: searchIndex(view) });
  return files;
}
