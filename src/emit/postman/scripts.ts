/** Test scripts: the collection's checks, and the capture of created item ids for the requests that follow. */

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

/** After PUT (add): the new item's `.id`; after POST add: its `ret`. */
export function captureAdded(variable: string, field: ".id" | "ret"): string[] {
  return [
    "if (pm.response.code === 200) {",
    `  var id = pm.response.json()[${JSON.stringify(field)}];`,
    `  if (id) pm.collectionVariables.set(${JSON.stringify(variable)}, id);`,
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
