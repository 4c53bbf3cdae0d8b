/**
 * Every list-named arg of the real dumps names the list it takes: firewall
 * address lists, interface lists, wireless channel lists, or "a list name"
 * where nothing shows which. The expected values are a hand-written table
 * (MikroTik's manual and the menus the values live in), not the rule's output.
 */
import { describe, expect, it } from "vitest";
import type { Arg, Menu, SchemaModel } from "../../../src/model/types.js";
import { forEachCommand } from "../../../src/model/walk.js";
import { inlineValueSchemas } from "../../../src/openapi/index.js";
import { argValueType, typeContext } from "../../../src/openapi/types/index.js";
import { DUMPS, loadDump } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";

const ADDRESS = "address-list";
const INTERFACE = "interface-list";
const CHANNELS = "wireless-channel-list";
const SOME_LIST = "list";
/** Not a reference at all. */
const NONE = undefined;

/** By the arg's name. */
const BY_NAME: Record<string, string | undefined> = {
  "address-list": ADDRESS,
  "src-address-list": ADDRESS,
  "dst-address-list": ADDRESS,
  "address-lists": ADDRESS,
  "prefix-address-lists": ADDRESS,
  "interface-list": INTERFACE,
  "datapath.interface-list": INTERFACE,
  "in-interface-list": INTERFACE,
  "out-interface-list": INTERFACE,
  "allowed-interface-list": INTERFACE,
  "detect-interface-list": INTERFACE,
  "discover-interface-list": INTERFACE,
  "internet-interface-list": INTERFACE,
  "lan-interface-list": INTERFACE,
  "wan-interface-list": INTERFACE,
  "l2tpv3-ether-interface-list": INTERFACE,
  // Bridge filters match the bridge (port) by an interface list.
  "in-bridge-list": INTERFACE,
  "out-bridge-list": INTERFACE,
  "in-bridge-port-list": INTERFACE,
  "out-bridge-port-list": INTERFACE,
  // Frequencies, `default`, or channels of /interface/wireless/channels.
  "scan-list": CHANNELS,
  "prefix-list": SOME_LIST,
  "set-bgp-communities-list": SOME_LIST,
  // A flag of print, and a set of CPU numbers.
  "value-list": NONE,
  "cpu-list": NONE,
};

/**
 * A bare `list`, by its menu. An entry's `list` names the entry's own list where the list exists only
 * through its entries (`add list=blocked` makes `blocked`): a plain name. Only /interface/list/member
 * names lists made elsewhere (/interface/list add name=LAN).
 */
const LIST_BY_MENU: Record<string, string | undefined> = {
  "/ip/firewall/address-list": NONE,
  "/ipv6/firewall/address-list": NONE,
  "/interface/list/member": INTERFACE,
  "/interface/wireless/channels": NONE,
  "/container/envs": NONE,
  "/container/mounts": NONE,
  "/routing/filter/community-list": NONE,
  "/routing/filter/community-ext-list": NONE,
  "/routing/filter/community-large-list": NONE,
  "/routing/filter/num-list": NONE,
  // `print list` of /file: a list of some kind the tree does not show.
  "/file": SOME_LIST,
};

const LIST_NAME = /(?:^|[-.])lists?$|^list$/;

describe.each(DUMPS)("list args of $name", (d) => {
  it("each names the list it takes (hand-written table)", async () => {
    const model = await loadDump(d);
    const ctx = typeContext(model);
    const wrong: string[] = [];
    let seen = 0;
    forEachCommand(model.root, (command, commandName, path) => {
      const menu = `/${path.join("/")}`;
      for (const [name, arg] of Object.entries(command.args)) {
        if (!LIST_NAME.test(name)) continue;
        seen++;
        const table = name === "list" ? LIST_BY_MENU : BY_NAME;
        const key = name === "list" ? menu : name;
        if (!(key in table)) {
          wrong.push(`${menu} ${commandName} ${name}: not in the table`);
          continue;
        }
        const vt = argValueType(name, arg, ctx);
        const got = vt.routerosType === "reference" ? vt.extensions?.["x-routeros-ref"] : undefined;
        if (got !== table[key]) wrong.push(`${menu} ${commandName} ${name}: ${String(got)}, want ${String(table[key])}`);
      }
    });
    expect(seen).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });

  it("no address-list arg of the document says interface-list", async () => {
    const doc = inlineValueSchemas(await documentOf(d));
    const wrong: string[] = [];
    for (const [component, schema] of Object.entries(doc.components?.schemas ?? {})) {
      for (const [name, property] of Object.entries((schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {}))
        if (/address-lists?$/.test(name) && property["x-routeros-ref"] === INTERFACE) wrong.push(`${component}.${name}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("a list arg on a hand-made tree", () => {
  const arg = (): Arg => ({ kind: "arg" });
  const menu = (commands: Record<string, Record<string, Arg>>, menus: Record<string, Menu> = {}): Menu => ({
    kind: "menu",
    nodeType: "dir",
    menus,
    commands: Object.fromEntries(Object.entries(commands).map(([name, args]) => [name, { kind: "command", args }])),
  });
  const path = (menus: Record<string, Menu>): Menu => ({ kind: "menu", nodeType: "path", menus, commands: {} });
  const args = {
    numList: { list: arg(), range: arg() },
    numListSet: { numbers: arg(), list: arg() },
    addressList: { list: arg(), address: arg() },
    filter: { "src-address-list": arg(), chain: arg() },
    lists: { name: arg() },
    member: { list: arg(), interface: arg() },
  };
  const model: SchemaModel = {
    format: "rosapi-model",
    formatVersion: 1,
    header: { source: { kind: "sample" } },
    root: path({
      routing: path({ filter: path({ "num-list": menu({ add: args.numList, set: args.numListSet }) }) }),
      ip: path({ firewall: path({ "address-list": menu({ add: args.addressList }), filter: menu({ add: args.filter }) }) }),
      interface: path({ list: menu({ add: args.lists }, { member: menu({ add: args.member }) }) }),
    }),
  };
  const ctx = typeContext(model);
  const kind = (name: string, a: Arg) => {
    const vt = argValueType(name, a, ctx);
    return vt.routerosType === "reference" ? vt.extensions?.["x-routeros-ref"] : vt.routerosType;
  };

  it("the list an entry defines is a plain name (add and set)", () => {
    expect(kind("list", args.numList.list)).toBe("string");
    expect(kind("list", args.numListSet.list)).toBe("string");
    expect(kind("list", args.addressList.list)).toBe("string");
  });

  it("a list made elsewhere, or named by another arg, stays a reference", () => {
    expect(kind("list", args.member.list)).toBe(INTERFACE);
    expect(kind("src-address-list", args.filter["src-address-list"])).toBe(ADDRESS);
  });
});
