/**
 * Every list-named arg of the real dumps names the list it takes: firewall
 * address lists, interface lists, wireless channel lists, or "a list name"
 * where nothing shows which. The expected values are a hand-written table
 * (MikroTik's manual and the menus the values live in), not the rule's output.
 */
import { describe, expect, it } from "vitest";
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

/** A bare `list`, by its menu. */
const LIST_BY_MENU: Record<string, string> = {
  "/ip/firewall/address-list": ADDRESS,
  "/ipv6/firewall/address-list": ADDRESS,
  "/interface/list/member": INTERFACE,
  "/interface/wireless/channels": CHANNELS,
  "/container/envs": SOME_LIST,
  "/container/mounts": SOME_LIST,
  "/file": SOME_LIST,
  "/routing/filter/community-list": SOME_LIST,
  "/routing/filter/community-ext-list": SOME_LIST,
  "/routing/filter/community-large-list": SOME_LIST,
  "/routing/filter/num-list": SOME_LIST,
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
