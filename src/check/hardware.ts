/**
 * Menus and args that exist only on RouterBOARD hardware (switch chips, PoE,
 * SFP cages, RouterBOARD settings): the shared and published trees come from
 * a virtual x86 router (CHR), which has none of them. Curated from the
 * RouterOS manual's hardware pages; a line under one of these is a warning
 * that the tree cannot check it, never an error.
 */

/** Menu prefixes (`/system/routerboard` covers its submenus). */
const MENUS: [prefix: string, what: string][] = [
  ["/system/routerboard", "RouterBOARD settings"],
  ["/interface/ethernet/switch", "the switch chip"],
  ["/interface/ethernet/poe", "PoE hardware"],
  ["/system/health/settings", "the board's sensors"],
  ["/interface/w60g", "60 GHz radios"],
];

/** Args of a menu's commands that depend on the port's or chip's hardware. */
const ARGS: [menu: string, arg: RegExp, what: string][] = [
  ["/interface/ethernet", /^(poe-|sfp-|combo-mode|advertise|power-cycle|cable-settings|fec-mode)/, "the board's Ethernet ports"],
  ["/interface/bridge/port", /^hw$/, "switch-chip offload"],
  ["/interface/bridge", /^(hw|vlan-filtering-hw)/, "switch-chip offload"],
  ["/ip/firewall/filter", /^hw-offload$/, "switch-chip (L3HW) offload"],
  ["/ip/route", /^suppress-hw-offload$/, "switch-chip (L3HW) offload"],
];

const SOURCE = "curated: RouterBOARD hardware (the trees come from a CHR, a virtual x86 router)";

/** What hardware a menu needs, if any. */
export function hardwareMenu(menu: string): { what: string; source: string } | undefined {
  const found = MENUS.find(([prefix]) => menu === prefix || menu.startsWith(`${prefix}/`));
  return found && { what: found[1], source: SOURCE };
}

/** What hardware an arg needs, if any. */
export function hardwareArg(menu: string, arg: string): { what: string; source: string } | undefined {
  const found = ARGS.find(([m, re]) => m === menu && re.test(arg));
  return found && { what: found[2], source: SOURCE };
}
