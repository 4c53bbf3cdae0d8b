/** RouterOS words as TypeScript names: camelCase members, identifiers that are not reserved words, quoted keys where needed. */

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield await".split(
    " ",
  ),
);

/** `reset-counters` → `resetCounters`, `6to4` → `_6to4`, `802.3-sap` → `_802_3Sap`. */
export function memberName(word: string): string {
  // Between digits a separator stays visible: `802.3` is not `8023`.
  const camel = word
    .replace(/(?<=[0-9])[-.\s]+(?=[0-9])/g, "_")
    .replace(/[-.\s]+([A-Za-z0-9])/g, (_m, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9_$]/g, "_");
  return /^[0-9]/.test(camel) ? `_${camel}` : camel || "_";
}

/** A name usable as a variable or function: members that are reserved words get a trailing `_`. */
export function identifier(word: string): string {
  const name = memberName(word);
  return RESERVED.has(name) ? `${name}_` : name;
}

/** An object key: bare when it is an identifier, else quoted (`"src-address"`, `".id"`). */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}
