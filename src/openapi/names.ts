/** Stable, unique names for components and operationIds, derived from RouterOS paths. */

/** "ip", "firewall", "address-list" → "IpFirewallAddressList". */
export function pascalCase(words: readonly string[]): string {
  return words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/** Hands out names once: a name already taken gets a numeric suffix, in call order. */
export class UniqueNames {
  private readonly taken = new Set<string>();

  claim(base: string): string {
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** The REST path of a menu: ["ip", "address"] → "/ip/address" (the root is ""). */
export const menuUrl = (path: readonly string[]): string => path.map((p) => `/${p}`).join("");

/** A menu path as RouterOS writes it: "/ip/address", the root "/". */
export const menuLabel = (path: readonly string[]): string => "/" + path.join("/");
