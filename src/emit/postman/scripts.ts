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
    `  pm.collectionVariables.set(${JSON.stringify(variable)}, pm.response.json()[${JSON.stringify(field)}]);`,
    "}",
  ];
}

/** After a list: the first item's `.id`, unless an id is already set (menus without add, e.g. /interface). */
export function captureFirst(variable: string): string[] {
  return [
    `if (pm.response.code === 200 && !pm.collectionVariables.get(${JSON.stringify(variable)})) {`,
    "  var items = pm.response.json();",
    `  if (items.length > 0) pm.collectionVariables.set(${JSON.stringify(variable)}, items[0][".id"]);`,
    "}",
  ];
}
