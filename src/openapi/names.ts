/** Stable, unique names for components and operationIds, derived from RouterOS paths. */

/** "ip", "firewall", "address-list" → "IpFirewallAddressList". */
export function pascalCase(words: readonly string[]): string {
  return words
    .flatMap((w) => w.split(/[^A-Za-z0-9]+/))
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");
}

/**
 * Globals of JavaScript, TypeScript, Node and the DOM: generators export a
 * type per component, and one named `Error` or `Record` shadows the built-in
 * in every module that imports it. The one list of reserved type names: the
 * client's symbol table reserves the same.
 */
export const BUILT_INS: ReadonlySet<string> = new Set(
  (
    "AbortController AbortSignal Array ArrayBuffer Atomics Awaited BigInt Blob Boolean Buffer Capitalize Console Crypto " +
    "DataView Date Document Element Error EvalError Event EventTarget Exclude Extract File FormData Function Generator " +
    "Headers History Image InstanceType Intl Iterable Iterator JSON Location Lowercase Map Math NaN Navigator Node " +
    "NonNullable Number Object Omit Option Parameters Partial Performance Pick Promise Proxy Range RangeError Readonly " +
    "ReadableStream Record ReferenceError Reflect RegExp Request Required Response ReturnType Selection Set Storage String " +
    "Symbol SyntaxError Text TextDecoder TextEncoder TypeError URIError URL URLSearchParams Uint8Array Uncapitalize " +
    "Uppercase WeakMap WeakRef WeakSet WebSocket Window Worker WritableStream"
  ).split(" "),
);

/** A type name that shadows no built-in: `File` → `FileItem`. */
export const typeSafeName = (name: string): string => (BUILT_INS.has(name) ? `${name}Item` : name);

/** Hands out names once: a name already taken gets a numeric suffix, in call order. */
export class UniqueNames {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  /** `base`, or `base2`, `base3`... when taken; `same` says which spellings count as one (file names on a case-insensitive disk). */
  claim(base: string, same: (name: string) => string = (name) => name): string {
    let name = base;
    for (let n = 2; this.taken.has(same(name)); n++) name = `${base}${n}`;
    this.taken.add(same(name));
    return name;
  }
}

/** The REST path of a menu: ["ip", "address"] → "/ip/address" (the root is ""). */
export const menuUrl = (path: readonly string[]): string => path.map((p) => `/${p}`).join("");

/** A menu path as RouterOS writes it: "/ip/address", the root "/". */
export const menuLabel = (path: readonly string[]): string => "/" + path.join("/");
