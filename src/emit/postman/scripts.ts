/** Scripts: the collection's checks, the capture of item ids for the requests that follow, and the guards of disruptive requests. */
import type { SafetyClass } from "../../openapi/extensions.js";

/** On every request: a 2xx status, and JSON wherever there is a body (DELETE answers empty). */
export const COLLECTION_TEST = [
  'pm.test("status is 2xx", function () {',
  "  pm.expect(pm.response.code).to.be.within(200, 299);",
  "});",
  'if (pm.response.code !== 204 && (pm.response.text() || "").length > 0) {',
  '  pm.test("reply is JSON", function () {',
  "    pm.response.json();",
  "  });",
  "}",
];

/** The variable that remembers the id of the item this collection's add created. */
const addedVariable = (variable: string): string => `${variable}_added`;

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

/**
 * After a remove that succeeded: the id names nothing any more, so the
 * variables that held it are unset (a list or an add fills them again). Also
 * keeps a whole run flat: every variable set slows each later script, since
 * the sandbox carries all of them into every execution.
 */
export function releaseRemoved(variable: string): string[] {
  const name = JSON.stringify(variable);
  const added = JSON.stringify(addedVariable(variable));
  return [
    "if (pm.response.code >= 200 && pm.response.code < 300) {",
    `  var removed = pm.variables.get(${name});`,
    `  if (pm.collectionVariables.get(${name}) === removed) pm.collectionVariables.unset(${name});`,
    `  if (pm.collectionVariables.get(${added}) === removed) pm.collectionVariables.unset(${added});`,
    "}",
  ];
}

/** The collection variable that lets guarded requests run on any item, and requests that change the router run at all. */
export const ALLOW_VARIABLE = "allowDisruptive";

/** The oldest runtimes with `pm.execution.skipRequest` (postman-runtime 7.35, newman 6.1.0). */
export const MINIMUM_VERSIONS =
  "newman 6.1.0 or later, or a Postman app of November 2023 or later (postman-runtime 7.35+, where `pm.execution.skipRequest` exists)";

/**
 * Where a skipped request goes if the runtime cannot skip: a scheme no HTTP
 * client speaks, so the request fails before any DNS lookup or connection.
 */
export const NOT_SENT_URL = "rosapi-not-sent://guarded-request";

/** The safety rule (safety.ts), for the collection's description. */
export const SAFETY_RULE = [
  `Safe by default: run as a whole with \`${ALLOW_VARIABLE}\` other than \`true\`, the collection sends only requests that cannot change the router, ` +
    "plus the add → get → set → remove chain on the items the run itself adds (added disabled where the menu has `disabled`).",
  "Sent: GET; the commands `print`, `get` and `export` (without `file`); monitors bounded by `once`; `ping`-style probes bounded by `count` or `duration` " +
    "and aimed at the router itself (`127.0.0.1`); `/console/inspect`; PUT and POST `add`; PATCH, DELETE and POST `set`/`remove` when the id variable holds the id this run's add returned.",
  "Skipped, with a passing test named `skipped: <reason>`: every other request (settings `set`, `reset`, `enable`, `disable`, `move`, reboot, " +
    "commands of future versions...), changes to items the run did not add, item requests whose id variable is empty, " +
    "and adds whose body lacks an arg the router requires (with evidence) that no value true on every router can fill. " +
    `Set \`${ALLOW_VARIABLE}\` to \`true\` to send them all (ids still required).`,
].join(" ");

/**
 * An add whose body lacks args the router requires (evidence), where no value is true on every router:
 * checked on the body as sent, so that a user who fills them in sends it.
 */
function needsCheck(needs: readonly string[][]): string[] {
  return [
    "var sent = {};",
    'try { sent = JSON.parse((pm.request.body && pm.request.body.raw) || "{}") || {}; } catch (e) {}',
    `var missing = ${JSON.stringify(needs)}.filter(function (group) { return !group.some(function (arg) { return arg in sent; }); });`,
    `if (!reason && missing.length) reason = ${JSON.stringify(SKIP_REASONS.needs)} + missing.map(function (group) { return group.join(" or "); }).join(", ");`,
  ];
}

export const SKIP_REASONS = {
  needs: "skipped: the router requires args that have no value true on every router (fill them in the body): ",
  noId: (variable: string) => `skipped: no item id (${variable} is empty; run the menu's list or add first)`,
  notId: (variable: string) => `skipped: ${variable} is a dot segment, not an item id (a URL resolves it to the menu above)`,
  notOurs: `skipped: changes an item this run did not add (set ${ALLOW_VARIABLE}=true to send)`,
  router: `skipped: changes the router (set ${ALLOW_VARIABLE}=true to send)`,
};

/**
 * Before a request that needs an item id, or may change something: decides
 * whether to skip it, and skips it fail-closed. The URL goes to the
 * placeholder first, so that a runtime without `pm.execution.skipRequest`
 * (newman 5) or a script error afterwards still sends nothing to the router;
 * the missing skip then fails a test that says why.
 */
export function guardScript(safety: SafetyClass, variable: string | undefined, needs: readonly string[][] = []): string[] | undefined {
  const checks: string[] = [];
  if (variable) {
    checks.push(`if (!pm.variables.get(${JSON.stringify(variable)})) reason = ${JSON.stringify(SKIP_REASONS.noId(variable))};`);
    // A dot segment (`..`, `%2E`) would reach the menu above: the same rule as the generated client's (templates/ids.ts).
    checks.push(
      `else if (/^(\\.|%2e){1,2}$/i.test(pm.variables.get(${JSON.stringify(variable)}))) reason = ${JSON.stringify(SKIP_REASONS.notId(variable))};`,
    );
  }
  if (safety === "own-item" && variable) {
    checks.push(
      `else if (!allowed && pm.variables.get(${JSON.stringify(variable)}) !== pm.collectionVariables.get(${JSON.stringify(addedVariable(variable))})) reason = ${JSON.stringify(SKIP_REASONS.notOurs)};`,
    );
  }
  if (safety === "changes-router" || safety === "disruptive" || (safety === "own-item" && !variable))
    checks.push(`${checks.length ? "else " : ""}if (!allowed) reason = ${JSON.stringify(SKIP_REASONS.router)};`);
  if (needs.length) checks.push(...needsCheck(needs));
  if (checks.length === 0) return undefined;
  const missing = `not sent: this runtime has no pm.execution.skipRequest, so the request went to ${NOT_SENT_URL} instead (needs ${MINIMUM_VERSIONS})`;
  return [
    "// rosapi safety guard: the rule is in the collection's description.",
    `var allowed = pm.variables.get(${JSON.stringify(ALLOW_VARIABLE)}) === "true";`,
    'var reason = "";',
    ...checks,
    "if (reason) {",
    `  pm.request.url = ${JSON.stringify(NOT_SENT_URL)};`,
    "  pm.test(reason, function () {});",
    '  if (pm.execution && typeof pm.execution.skipRequest === "function") pm.execution.skipRequest();',
    `  else pm.test(${JSON.stringify(missing)}, function () { throw new Error("skip unsupported: request not sent"); });`,
    "}",
  ];
}
