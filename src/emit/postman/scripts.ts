/** Scripts: the collection's checks, the capture of item ids for the requests that follow, and the guards of disruptive requests. */
import type { Guard } from "./guards.js";

/** On every request: a 2xx status, and JSON wherever there is a body (DELETE answers empty). */
export const COLLECTION_TEST = [
  'pm.test("status is 2xx", function () {',
  "  pm.expect(pm.response.code).to.be.within(200, 299);",
  "});",
  "if (pm.response.code !== 204 && pm.response.text().length > 0) {",
  '  pm.test("reply is JSON", function () {',
  "    pm.response.json();",
  "  });",
  "}",
];

/** The variable that remembers the id of the item this collection's add created. */
export const addedVariable = (variable: string): string => `${variable}_added`;

/** After PUT (add): the new item's `.id`; after POST add: its `ret`. Remembered twice: as the current item, and as ours. */
export function captureAdded(variable: string, field: ".id" | "ret"): string[] {
  return [
    "if (pm.response.code === 200) {",
    `  var id = pm.response.json()[${JSON.stringify(field)}];`,
    `  if (id) pm.collectionVariables.set(${JSON.stringify(variable)}, id);`,
    `  if (id) pm.collectionVariables.set(${JSON.stringify(addedVariable(variable))}, id);`,
    "}",
  ];
}

/**
 * After a list: keep the variable on an item that exists, the first one unless
 * it already names a listed item (menus without add, e.g. /interface, and a
 * variable left on an item that a previous run removed).
 */
export function captureFirst(variable: string): string[] {
  const name = JSON.stringify(variable);
  return [
    "if (pm.response.code === 200) {",
    "  var items = pm.response.json();",
    `  var current = pm.collectionVariables.get(${name});`,
    '  var listed = Array.isArray(items) && items.some(function (item) { return item[".id"] === current; });',
    `  if (Array.isArray(items) && items.length > 0 && !listed) pm.collectionVariables.set(${name}, items[0][".id"]);`,
    "}",
  ];
}

/** The collection variable that lets guarded requests run on any item, and requests that restart or reconfigure the router run at all. */
export const ALLOW_VARIABLE = "allowDisruptive";

/** Before a guarded request: skip it unless allowed, or (for an item) unless the item is the one this collection added. */
export function guardScript(guard: Guard, variable: string): string[] {
  const allowed = `var allowed = pm.variables.get(${JSON.stringify(ALLOW_VARIABLE)}) === "true";`;
  if (guard === "router") return [`// Restarts or reconfigures the router: runs only when ${ALLOW_VARIABLE} is "true".`, allowed, "if (!allowed) pm.execution.skipRequest();"];
  const [current, added] = [variable, addedVariable(variable)].map((v) => `pm.collectionVariables.get(${JSON.stringify(v)})`);
  return [
    `// Changes or removes an item: runs on the one this collection added, or on any when ${ALLOW_VARIABLE} is "true".`,
    allowed,
    `var ours = !!${current} && ${current} === ${added};`,
    "if (!allowed && !ours) pm.execution.skipRequest();",
  ];
}
