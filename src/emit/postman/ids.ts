/** Deterministic ids and names: derived from paths, never random, so the same document gives the same bytes. */
import { createHash } from "node:crypto";

/** A UUID-shaped id (version 5 layout) from a name. */
export function stableId(name: string): string {
  const h = createHash("sha1").update(`rosapi:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The collection variable that carries a menu's current item id: `/ip/address` → `ip_address_id`. */
export function idVariable(menu: string): string {
  return `${menu.replace(/^\//, "").replace(/[^A-Za-z0-9]+/g, "_") || "root"}_id`;
}
