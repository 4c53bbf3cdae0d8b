/**
 * The simulator's items: string values only, `.id` as `*` and increasing hex
 * digits, one list per item menu and one object per settings menu.
 */
import type { Command, Menu } from "../model/types.js";
import { findMenu } from "../model/walk.js";
import { isSelectorArg } from "../model/menu-kind.js";

export type Item = Record<string, string>;

/** A seed file: menu path (`/ip/address`) → items, or → the object of a settings menu. */
export type StoreSeed = Record<string, Item[] | Item>;

/** What a fresh CHR has, where the tree has the menus. */
export const DEFAULT_SEED: StoreSeed = {
  "/interface": [
    { name: "ether1", type: "ether", mtu: "1500", running: "true", disabled: "false" },
    { name: "lo", type: "loopback", mtu: "65536", running: "true", disabled: "false" },
  ],
  "/system/identity": { name: "MikroTik" },
};

/** RouterOS's item id: `*` and upper-case hex (`*1A`). */
export const itemId = (n: number): string => `*${n.toString(16).toUpperCase()}`;

export class StoreError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const FLAGS = ["disabled", "dynamic", "invalid"];

/** Argument names of a command that are values of the item (not selectors). */
function valueArgs(command: Command | undefined): Set<string> {
  return new Set(Object.keys(command?.args ?? {}).filter((n) => !isSelectorArg(n)));
}

/** One change, as `listen` reports it: the item as it now is, or (`dead`) the one removed. */
export interface StoreChange {
  path: string;
  item: Item;
  dead?: true;
}

export class Store {
  private readonly lists = new Map<string, Item[]>();
  private readonly objects = new Map<string, Item>();
  private readonly paths = new WeakMap<Item, string>();
  private readonly watchers = new Set<(change: StoreChange) => void>();
  private nextId = 1;

  constructor(
    private readonly root: Menu,
    seed: StoreSeed = DEFAULT_SEED,
  ) {
    for (const [path, value] of Object.entries(seed)) {
      const menu = this.menu(path);
      if (!menu) continue;
      if (Array.isArray(value)) for (const item of value) this.insert(path, menu, stringValues(item));
      else this.objects.set(path, stringValues(value));
    }
  }

  menu(path: string): Menu | undefined {
    return findMenu(this.root, path.split("/").filter(Boolean));
  }

  list(path: string): Item[] {
    return this.lists.get(path) ?? [];
  }

  /** An item by `.id` or by name. */
  find(path: string, idOrName: string): Item | undefined {
    return this.list(path).find((item) => item[".id"] === idOrName || item["name"] === idOrName);
  }

  settings(path: string): Item {
    return this.objects.get(path) ?? {};
  }

  /** Refuses args the menu's `add` does not take, as RouterOS does before anything else. */
  checkAdd(menu: Menu, values: Record<string, unknown>): void {
    checkArgs(values, valueArgs(menu.commands["add"]));
  }

  add(path: string, menu: Menu, values: Record<string, unknown>): Item {
    this.checkAdd(menu, values);
    return this.insert(path, menu, stringValues(values));
  }

  set(menu: Menu, item: Item, values: Record<string, unknown>): Item {
    checkArgs(values, valueArgs(menu.commands["set"]));
    return this.update(item, stringValues(values));
  }

  /** Changes an item's values as the router itself does (enable, disable): no check of args. */
  update(item: Item, values: Item): Item {
    Object.assign(item, normalizeFlags(values));
    const path = this.paths.get(item);
    if (path !== undefined) this.notify({ path, item });
    return item;
  }

  setSettings(path: string, menu: Menu, values: Record<string, unknown>): Item {
    checkArgs(values, valueArgs(menu.commands["set"]));
    const object = { ...this.settings(path), ...stringValues(values) };
    this.objects.set(path, object);
    this.notify({ path, item: object });
    return object;
  }

  /** Calls `watcher` on every change from now on, until the returned function is called. */
  watch(watcher: (change: StoreChange) => void): () => void {
    this.watchers.add(watcher);
    return () => void this.watchers.delete(watcher);
  }

  /** A table the router fills itself (packages): items with their own ids, not checked against `add`. */
  fill(path: string, items: Item[]): void {
    this.lists.set(
      path,
      items.map((item) => ({ ...item })),
    );
    for (const item of this.list(path)) this.paths.set(item, path);
  }

  remove(path: string, item: Item): void {
    this.lists.set(
      path,
      this.list(path).filter((i) => i !== item),
    );
    this.paths.delete(item);
    this.notify({ path, item, dead: true });
  }

  private insert(path: string, menu: Menu, values: Item): Item {
    const item: Item = { ".id": values[".id"] ?? itemId(this.nextId++) };
    // Flags the router fills itself, where this menu's items have them.
    for (const flag of FLAGS) {
      if (menu.properties?.[flag] || menu.commands["add"]?.args[flag]) item[flag] = "false";
    }
    Object.assign(item, normalizeFlags(values));
    // In place: a copy per add would make seeding a large table quadratic.
    const list = this.lists.get(path);
    if (list) list.push(item);
    else this.lists.set(path, [item]);
    this.paths.set(item, path);
    this.notify({ path, item });
    return item;
  }

  private notify(change: StoreChange): void {
    for (const watcher of this.watchers) watcher(change);
  }
}

function checkArgs(values: Record<string, unknown>, accepted: Set<string>): void {
  for (const name of Object.keys(values)) {
    if (!accepted.has(name)) throw new StoreError(400, `unknown parameter ${name}`);
  }
}

/** Values as the router keeps them: strings (a JSON number or boolean becomes its text). */
function stringValues(values: Record<string, unknown>): Item {
  const out: Item = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && typeof value === "object") throw new StoreError(400, `invalid value of ${name}`);
    out[name] = String(value);
  }
  return out;
}

/** Writes accept `yes`/`no` for flags; replies say `true`/`false`. */
function normalizeFlags(values: Item): Item {
  for (const flag of FLAGS) {
    if (values[flag] === "yes") values[flag] = "true";
    if (values[flag] === "no") values[flag] = "false";
  }
  return values;
}
