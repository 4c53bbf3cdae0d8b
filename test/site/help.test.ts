/**
 * Links to MikroTik's help page for a menu: the derived table against a hand-written one (each page id
 * read from the help site's own address for the page, e.g. https://help.mikrotik.com/docs/spaces/ROS/pages/224559120/WiFi),
 * and the menu page's link, a plain link the site never loads.
 */
import { describe, expect, it } from "vitest";
import { HELP_SITE, helpPage } from "../../src/emit/site/help.js";
import { buildSite } from "../../src/site.js";
import { tinyModel } from "../helpers/tiny-model.js";

const PAGES: Record<string, [number, string] | undefined> = {
  "/interface/wifi": [224559120, "WiFi"],
  "/routing/bgp": [331612228, "/routing/bgp"],
  "/routing/bgp/connection": [331612228, "/routing/bgp"],
  "/routing/ospf/area": [331612216, "/routing/ospf"],
  "/tool/netwatch": [8323208, "Netwatch"],
  "/container": [84901929, "Container"],
  "/interface/wireguard": [69664792, "WireGuard"],
  // No page names /ip/address as its own; the "VLAN" page names the bridge's only in an example.
  "/ip/address": undefined,
  "/interface/bridge/vlan": undefined,
  // Not a menu name the table may be tricked by.
  constructor: undefined,
  "/__proto__": undefined,
};

describe("MikroTik's help page of a menu", () => {
  it("is the page a hand-written table names, or none", () => {
    for (const [menu, want] of Object.entries(PAGES))
      expect(helpPage(menu), menu).toEqual(want && { url: `https://help.mikrotik.com/docs/spaces/ROS/pages/${want[0]}`, title: want[1] });
  });

  it("is linked from the menu's page as a plain link", async () => {
    const model = tinyModel();
    model.root.menus["tool"] = { kind: "menu", nodeType: "path", menus: {}, commands: {} };
    model.root.menus["tool"].menus["netwatch"] = {
      kind: "menu",
      nodeType: "dir",
      menus: {},
      commands: { print: { kind: "command", args: {} } },
    };
    const files = await buildSite([{ model, source: "tiny.json" }], { downloads: false });
    const page = (path: string) => files.find((f) => f.path.endsWith(path))!.content;
    expect(page("m/tool.netwatch.html")).toContain(
      `MikroTik's help page: <a href="${HELP_SITE}8323208" rel="external noopener">Netwatch</a>`,
    );
    expect(page("m/ip.address.html")).not.toContain(HELP_SITE);
  });
});
