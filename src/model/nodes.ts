/**
 * A tree as a flat index of its nodes — menus, commands, args and item
 * properties — keyed by level and path: what diff, history, where and the
 * multi-version merge compare between trees.
 */
import type { Arg, Command, Menu, Property } from "./types.js";
import { syntaxText } from "./syntax-text.js";

export type Level = "menu" | "command" | "arg" | "property";

export interface TreeNode {
  level: Level;
  /** `/ip/address` (menu; the root is `/`), `/ip/address/add` (command), `/ip/address/add address` (arg), `/ip/address .dynamic` (property). */
  path: string;
  /** Names of the menu the node is or lies in. */
  menu: string[];
  /** The command of a command or arg. */
  command?: string;
  /** The node's own name (the root menu's is ""). */
  name: string;
  /** Key of the parent node. */
  parent?: string;
  syntax?: string;
  description?: string;
  /** Menus: whether the tree lists its items' properties (an inspect.json without completions does not). */
  knowsProperties?: boolean;
  /** Properties: neither add nor set of the menu accepts it. */
  readOnly?: boolean;
  source: Menu | Command | Arg | Property;
}

export type NodeIndex = Map<string, TreeNode>;

export const nodeKey = (level: Level, path: string): string => `${level} ${path}`;

export const menuPath = (names: readonly string[]): string => "/" + names.join("/");
export const commandPath = (menu: readonly string[], command: string): string => menuPath([...menu, command]);
export const argPath = (menu: readonly string[], command: string, arg: string): string => `${commandPath(menu, command)} ${arg}`;
export const propertyPath = (menu: readonly string[], property: string): string => `${menuPath(menu)} .${property}`;

/** Whether an item of `menu` can be given `name` by add or set. */
export const writable = (menu: Menu, name: string): boolean =>
  menu.commands["add"]?.args[name] !== undefined || menu.commands["set"]?.args[name] !== undefined;

/** Every node of the tree, parents before children. */
export function indexTree(root: Menu): NodeIndex {
  const nodes: NodeIndex = new Map();
  const visit = (menu: Menu, names: string[], parent?: string) => {
    // Paths built once per menu and command: this runs over ~40,000 nodes per tree.
    const path = menuPath(names);
    const key = `menu ${path}`;
    const prefix = names.length ? path : "";
    nodes.set(key, {
      level: "menu",
      path,
      menu: names,
      name: names.at(-1) ?? "",
      parent,
      description: menu.description,
      knowsProperties: menu.properties !== undefined,
      source: menu,
    });
    for (const [name, property] of Object.entries(menu.properties ?? {})) {
      const pPath = `${path} .${name}`;
      nodes.set(`property ${pPath}`, {
        level: "property",
        path: pPath,
        menu: names,
        name,
        parent: key,
        description: property.description,
        readOnly: !writable(menu, name),
        source: property,
      });
    }
    for (const [name, command] of Object.entries(menu.commands)) {
      const cPath = `${prefix}/${name}`;
      const cKey = `command ${cPath}`;
      nodes.set(cKey, {
        level: "command",
        path: cPath,
        menu: names,
        command: name,
        name,
        parent: key,
        description: command.description,
        source: command,
      });
      for (const [argName, arg] of Object.entries(command.args)) {
        const aPath = `${cPath} ${argName}`;
        nodes.set(`arg ${aPath}`, {
          level: "arg",
          path: aPath,
          menu: names,
          command: name,
          name: argName,
          parent: cKey,
          syntax: syntaxText(arg.syntax),
          description: arg.description,
          source: arg,
        });
      }
    }
    for (const [name, child] of Object.entries(menu.menus)) visit(child, [...names, name], key);
  };
  visit(root, []);
  return nodes;
}

/** Completion words of an arg (word styles only: punctuation, files and objects are not vocabulary). */
export function suggestedWords(arg: Arg): string[] | undefined {
  if (!arg.completions) return undefined;
  return arg.completions.filter((c) => c.style === "none" || c.style === "arg").map((c) => c.word);
}
