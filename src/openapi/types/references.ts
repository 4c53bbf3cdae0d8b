/**
 * Which completions are objects of the router a tree came from (`ether1`,
 * `lo`, `main`, `admin`, ...) rather than a fixed vocabulary. `/console/inspect`
 * gives both the style `none`, so the evidence is the arg's name, `obj-*`
 * styles, and the words seen under such args anywhere in the tree.
 */
import type { Arg, Completion, Menu, SchemaModel } from "../../model/types.js";
import { findMenu, forEachCommand } from "../../model/walk.js";
import { parseSyntaxText } from "./syntax.js";
import { syntaxText } from "../../model/syntax-text.js";

export interface TypeContext {
  /** Words that name router objects in this tree. */
  objectWords: ReadonlySet<string>;
  /** The menu of each arg named `list` (`interface/list/member`): the menu says which list the arg names. */
  listMenus: WeakMap<Arg, string>;
  /** Args that name their own item's list (`list` of `/routing/filter/num-list add`): they define it, so they are names, not references. */
  ownLists: WeakSet<Arg>;
}

/** Arg names whose values name router objects (their last dash-separated part, or the whole name). */
const REFERENCE_NAME =
  /(?:^|-)(?:interfaces?|interface-list|bridge|bridge-port|master|slaves|vrf|routing-table|routing-mark|table|profile|pool|address-pool|certificate|user|group|server|queue|queue-type|parent|address-list|lists?|mark|numbers?|from|identity|instance|template|area|peer|proposal|mode-config|disk|container|mounts?|envlist|file|schedule|community|configuration|datapath|security|steering|aaa|interworking)$|^port$/;

const NAME_TO_REF: [RegExp, string][] = [
  [/interfaces?$|bridge$|bridge-port$|master$|slaves$/, "interface"],
  [/vrf$/, "vrf"],
  [/routing-table$|routing-mark$|(?:^|-)table$/, "routing-table"],
  [/^numbers?$|^from$/, "item"],
  [/^port$/, "port"],
];

/**
 * List-named args that name no list: `value-list` is a flag of `print`, `cpu-list` a set of CPU numbers
 * (`0-3`) of /container.
 */
const NOT_A_LIST_NAME = /^(?:value-list|cpu-list)$/;

export function isReferenceName(name: string): boolean {
  return REFERENCE_NAME.test(name) && !NOT_A_LIST_NAME.test(name);
}

/** Commands that write an item's own properties. */
const ITEM_WRITES = new Set(["add", "set", "reset"]);

/**
 * Whether a bare `list` of a command names the item's own list. A list that exists only through its
 * entries (`/ip/firewall/address-list add list=blocked` makes `blocked`; so do the routing filter lists,
 * wireless channels, container envs and mounts) is named by each entry; only where the tree has a menu
 * of the lists themselves (`/interface/list add name=LAN`, its entries in `/interface/list/member`)
 * does an entry's `list` name something that must exist.
 */
function namesOwnList(root: Menu, commandName: string, menuPath: string[]): boolean {
  if (!ITEM_WRITES.has(commandName)) return false;
  const parent = menuPath.slice(0, -1);
  const lists = parent.at(-1) === "list" ? findMenu(root, parent) : undefined;
  return !lists?.commands["add"]?.args["name"];
}

/**
 * Which list a list-named arg names, or undefined for a name that is not a list's. The evidence: the
 * name (`src-address-list`, `in-interface-list`, `in-bridge-port-list`), the menu of a bare `list`
 * (the `list` of /interface/list/member is an interface list), and the completions: the four
 * interface lists every router has (`all`, `dynamic`, `none`, `static`) are what interface-list args
 * complete in a deep dump. `list`: a list of some kind the tree does not show ("a list name").
 */
function listKind(name: string, arg?: Arg, ctx?: TypeContext): string | undefined {
  if (!/(?:^|-)lists?$/.test(name) || NOT_A_LIST_NAME.test(name)) return undefined;
  if (/(?:^|[-.])address-lists?$/.test(name)) return "address-list";
  if (/(?:^|[-.])(?:interface|bridge|bridge-port)-list$/.test(name)) return "interface-list";
  if (name === "scan-list") return "wireless-channel-list";
  const menu = arg && ctx?.listMenus.get(arg);
  if (menu === "interface/list/member") return "interface-list";
  const words = new Set((arg?.completions ?? []).map((c) => c.word));
  if (INTERFACE_LISTS.every((w) => words.has(w))) return "interface-list";
  return "list";
}

/** The interface lists every router has. */
const INTERFACE_LISTS = ["all", "dynamic", "none", "static"];

/** What a reference arg names: a list, a known kind, else the arg's own name. */
export function referenceKind(name: string, arg?: Arg, ctx?: TypeContext): string {
  const list = listKind(name, arg, ctx);
  if (list) return list;
  for (const [re, kind] of NAME_TO_REF) if (re.test(name)) return kind;
  return name;
}

export const isObjectStyle = (c: Completion): boolean => c.style.startsWith("obj-");

/**
 * Object words: `none`-style words seen mostly (80% or more of the args that
 * offer them) under reference-named args or beside `obj-*` completions, minus
 * generic words (`none`, `all`, ...) that arg-style completions or syntax word
 * lists also use. `ether1` passes; `public`, also a word of a vocabulary, does not.
 */
export function typeContext(model: SchemaModel): TypeContext {
  const seen = new Map<string, { referenced: number; all: number }>();
  const generic = new Set<string>();
  const listMenus = new WeakMap<Arg, string>();
  const ownLists = new WeakSet<Arg>();
  forEachCommand(model.root, (command, commandName, menuPath) => {
    for (const [name, arg] of Object.entries(command.args)) {
      collect(name, arg, seen, generic);
      if (name !== "list") continue;
      listMenus.set(arg, menuPath.join("/"));
      if (namesOwnList(model.root, commandName, menuPath)) ownLists.add(arg);
    }
  });
  const objectWords = new Set<string>();
  for (const [word, n] of seen) if (!generic.has(word) && n.referenced >= 0.8 * n.all) objectWords.add(word);
  return { objectWords, listMenus, ownLists };
}

function collect(name: string, arg: Arg, seen: Map<string, { referenced: number; all: number }>, generic: Set<string>): void {
  const text = syntaxText(arg.syntax);
  const form = text === undefined ? undefined : parseSyntaxText(text);
  for (const word of [...(form?.enum ?? []), ...(form?.special ?? [])]) generic.add(word);
  const completions = arg.completions ?? [];
  const referenced = isReferenceName(name) || completions.some(isObjectStyle);
  for (const c of completions) {
    if (c.style === "arg") generic.add(c.word);
    if (c.style !== "none") continue;
    const n = seen.get(c.word) ?? { referenced: 0, all: 0 };
    n.all++;
    if (referenced) n.referenced++;
    seen.set(c.word, n);
  }
}
