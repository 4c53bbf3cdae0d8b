/**
 * A property test of the promise: random menus, operations, ids and args
 * (dot segments and their encodings, slashes, lookalike Unicode, code-bearing
 * args, secrets) through read, plan and apply, against random doors, on
 * 7.22.3 extra; every request recorded at the router (which resolves `.` and
 * `..` as an HTTP stack does). Whatever is sent: 0 changes outside the opened
 * doors, and code only in a write whose disruptive door the user named.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Recorded } from "../emit/postman/recorder.js";
import { dump } from "../helpers/dumps.js";
import { attackedRouter, CODE_ARG, changing, inMemory } from "./harness.js";

const extra = dump("7.22.3-extra");
const RUNS = Number(process.env["ROSAPI_MCP_PROPERTY_RUNS"] ?? 2000);

interface Doors {
  allowWrite: string[];
  allowDisruptive: string[];
}
/** Door sets drawn at random (fast-check's seed): menus open for writes, and at most one disruptive operation named. */
const DOOR_SETS = 8;
const doorSet: fc.Arbitrary<Doors> = fc.record({
  allowWrite: fc.subarray([
    "ip/address",
    "tool/romon/port",
    "ip/dns/forwarders",
    "ip/smb/users",
    "system/script",
    "system/scheduler",
    "user",
  ]),
  allowDisruptive: fc.subarray(["system/scheduler/add", "system/script/run", "user/set", "execute"], { maxLength: 1 }),
});

const MENUS = [
  "/ip/address",
  "/tool/romon/port",
  "/tool/romon",
  "/ip/dns/forwarders",
  "/ip/dns",
  "/ip/smb/users",
  "/ip/smb",
  "/ip/proxy/access",
  "/system/script",
  "/system/scheduler",
  "/system",
  "/user",
  "/interface/ethernet",
  "/",
  "/ip/address/..",
  "ip/address/../../system",
  "/ip/%2e%2e",
  "/ｉｐ/address",
];
const OPERATIONS = [
  "list",
  "get",
  "add",
  "set",
  "remove",
  "print",
  "export",
  "monitor",
  "run",
  "execute",
  "reboot",
  "reset",
  "find",
  "enable",
  "move",
];
const DOTS = ["..", ".", "%2e%2e", "%2E.", ".%2E", "%2e"];
const IDS = ["*1", "*2", "*3", "*FFFF", "ether1", "fw1", "admin", "agent", "boot", "guest"];
const TRICKS = [
  "../..",
  "*1/../..",
  "fw1/..",
  "%2F",
  "/",
  "ｆｗ1",
  "ａｄｍｉｎ",
  "*１",
  "\u2024\u2024",
  "..\u0000",
  "*1%2F..",
  "*1?x=1",
  "*1#",
  "",
];
const ARGS = [
  ...["comment", "name", "address", "interface", "password", "numbers", "number", "once", "count", "file", "follow", "dns-servers"],
  ...["secrets", "disabled", "do", "on-event", "where", "source", "script", "up-script", "on-error", "command"],
];
const VALUES = ["..", "*1", "[/system reboot]", "/system reboot", "x", "10.0.0.1/24", "ether1", "yes", "%2e%2e/..", "admin", "boot", ""];

/** Real menu and operation pairs (most calls), or any of the pieces (the rest). */
const PAIRS: [string, string | undefined][] = [
  ["/ip/address", "add"],
  ["/ip/address", "set"],
  ["/ip/address", "remove"],
  ["/ip/address", undefined],
  ["/ip/address", "print"],
  ["/tool/romon/port", "set"],
  ["/ip/dns/forwarders", "set"],
  ["/ip/dns/forwarders", "remove"],
  ["/ip/smb/users", "add"],
  ["/ip/smb/users", "set"],
  ["/system/script", "add"],
  ["/system/script", "run"],
  ["/system/scheduler", "add"],
  ["/user", "set"],
  ["/interface/ethernet", "monitor"],
  ["/", "ping"],
  ["/", "execute"],
  ["/system/identity", "set"],
];
const pair = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...PAIRS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...MENUS), fc.option(fc.constantFrom(...OPERATIONS), { nil: undefined })) },
);
const call = fc.record({
  doors: fc.nat({ max: DOOR_SETS - 1 }),
  tool: fc.constantFrom("read", "plan", "plan"),
  pair,
  id: fc.option(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...DOTS) },
      { weight: 3, arbitrary: fc.constantFrom(...IDS) },
      { weight: 2, arbitrary: fc.constantFrom(...TRICKS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
    ),
    { nil: undefined, freq: 2 },
  ),
  args: fc.oneof(
    fc.constant({}),
    // One code-bearing arg alone: nothing else for the schema to refuse.
    fc
      .tuple(fc.constantFrom("do", "on-event", "where", "source", "script", "on-error"), fc.constantFrom(...VALUES))
      .map(([arg, value]) => ({ [arg]: value })),
    fc.dictionary(
      fc.constantFrom(...ARGS),
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.string({ maxLength: 16 }) }),
      { maxKeys: 3 },
    ),
  ),
});

/** The operation a request is, as --allow-disruptive names it: PUT → `menu/add`, PATCH → `menu/set`, DELETE → `menu/remove`, POST → its path. */
const operationOf = (r: Recorded) =>
  r.method === "PUT"
    ? `${r.path}/add`
    : r.method === "PATCH"
      ? `${landsIn(r)}/set`
      : r.method === "DELETE"
        ? `${landsIn(r)}/remove`
        : r.path;
/** The menu a change lands in, as the router resolved its path: PUT adds to its path; the rest act on the path's parent. */
const landsIn = (r: Recorded) => (r.method === "PUT" ? r.path : r.path.slice(0, r.path.lastIndexOf("/")) || "/");
const within = (menu: string, open: string) => menu === `/${open}` || menu.startsWith(`/${open}/`);
/** A read command, as the router sees it: GET, or POST print/get/export/monitor/ping... that the judge clears. */
const isRead = (r: Recorded) => !changing([r]).length;

describe.skipIf(!extra)("rosapi mcp: the doors hold for random calls (7.22.3 extra)", () => {
  const target = attackedRouter(extra!);

  it(`${RUNS} random calls: 0 changes outside the open doors, 0 code in a read, code only through a named door`, async () => {
    // The empty set, then random ones.
    const DOORS = [{ allowWrite: [], allowDisruptive: [] }, ...fc.sample(doorSet, DOOR_SETS - 1)];
    const sessions: Awaited<ReturnType<typeof inMemory>>[] = [];
    for (const doors of DOORS) sessions.push(await inMemory(target.model, target.router, doors));
    let sent = 0;
    let applied = 0;
    try {
      await fc.assert(
        fc.asyncProperty(call, async ({ doors, tool, pair: [menu, operation], id, args }) => {
          const s = sessions[doors]!;
          const open = DOORS[doors]!;
          target.router.recorder.requests.length = 0;
          const r = await s.call(tool, { menu, ...(operation ? { operation } : {}), ...(id !== undefined ? { id } : {}), args });
          if (tool === "plan" && !r.isError) {
            const plan = (JSON.parse(r.text) as { plan: string }).plan;
            await s.call("apply", { plan });
            applied++;
          }
          const requests = target.router.recorder.requests.slice();
          sent += requests.length;
          for (const req of changing(requests)) {
            const menuOf = landsIn(req);
            const named = open.allowDisruptive.some((op) => `/${op}` === operationOf(req));
            expect(
              open.allowWrite.some((door) => within(menuOf, door)) || named,
              `${req.method} ${req.path} ${JSON.stringify(req.body)}`,
            ).toBe(true);
          }
          for (const req of requests.filter((q) => Object.keys(q.body).some((arg) => CODE_ARG.test(arg)))) {
            expect(isRead(req), `code in a read: ${req.method} ${req.path} ${JSON.stringify(req.body)}`).toBe(false);
            expect(
              // A write that carries code (scheduler add), or a command that runs it (execute), named one by one.
              open.allowDisruptive.some((op) => `/${op}` === `${landsIn(req)}/add` || `/${op}` === operationOf(req)),
              `code without its door: ${req.path}`,
            ).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    } finally {
      for (const s of sessions) await s.close();
    }
    console.log(
      `[mcp] property: ${RUNS} random calls over ${DOORS.length} door sets (${JSON.stringify(DOORS.slice(1))}), ${sent} requests at the router, ${applied} applies, 0 escapes`,
    );
  });
});
