/**
 * The symbol table of the generated client: it owns every top-level name
 * (runtime exports and built-ins first, so that nothing shadows them), knows
 * which file declares each, and records an import whenever a file uses a
 * name declared elsewhere.
 */
import { UniqueNames } from "../../openapi/names.js";
import { BUILT_INS } from "../../openapi/names.js";

export const RUNTIME_FILE = "runtime";

interface Home {
  file: string;
}

/** How a file uses an imported name: in its declarations (`.d.ts`), its code (`.js`), or both. */
export interface Use {
  type: boolean;
  value: boolean;
}

export interface ImportLine {
  from: string;
  names: ({ name: string } & Use)[];
}

export class SymbolTable {
  private readonly unique = new UniqueNames();
  private readonly taken = new Set<string>();
  private readonly homes = new Map<string, Home>();
  /** file → imported file → name → how it is used */
  private readonly imports = new Map<string, Map<string, Map<string, Use>>>();

  constructor(runtime: readonly string[]) {
    for (const name of BUILT_INS) this.take(name);
    for (const name of runtime) this.homes.set(this.take(name), { file: RUNTIME_FILE });
  }

  private take(name: string): string {
    const given = this.unique.claim(name);
    this.taken.add(given);
    return given;
  }

  /** Declares a name in a file; a name already owned becomes `Ros<Name>` (then numbered). Returns the name given. */
  declare(wanted: string, file: string): string {
    // A component name may start with a digit (a menu named `6to4` at the top): not an identifier.
    const valid = /^[0-9]/.test(wanted) ? `_${wanted}` : wanted;
    const name = this.take(this.taken.has(valid) ? `Ros${valid}` : valid);
    this.homes.set(name, { file });
    return name;
  }

  /** A declared name, used in `file` as a type (in its declarations) or a value (in its code): recorded as an import when it lives elsewhere. */
  use(name: string, file: string, as: "type" | "value" = "type"): string {
    const home = this.homes.get(name);
    if (!home) throw new Error(`undeclared symbol ${name}`);
    if (home.file !== file) {
      const byFile = this.imports.get(file) ?? this.imports.set(file, new Map()).get(file)!;
      const names = byFile.get(home.file) ?? byFile.set(home.file, new Map()).get(home.file)!;
      const use = names.get(name) ?? names.set(name, { type: false, value: false }).get(name)!;
      use[as] = true;
    }
    return name;
  }

  /** The imports a file needs: the runtime first, then the other files by name; names sorted. */
  importsOf(file: string): ImportLine[] {
    const byFile = this.imports.get(file) ?? new Map<string, Map<string, Use>>();
    const order = (f: string) => (f === RUNTIME_FILE ? "" : f);
    return [...byFile]
      .sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))
      .map(([from, names]) => ({ from, names: [...names.keys()].sort().map((name) => ({ name, ...names.get(name)! })) }));
  }
}
