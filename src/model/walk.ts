import type { Command, Menu } from "./types.js";

/** Visits every menu depth-first, parents before children, in stored order. */
export function forEachMenu(root: Menu, visit: (menu: Menu, path: string[]) => void, path: string[] = []): void {
  visit(root, path);
  for (const [name, child] of Object.entries(root.menus)) forEachMenu(child, visit, [...path, name]);
}

/** Visits every command with the path of its menu. */
export function forEachCommand(root: Menu, visit: (command: Command, name: string, menuPath: string[], menu: Menu) => void): void {
  forEachMenu(root, (menu, path) => {
    for (const [name, command] of Object.entries(menu.commands)) visit(command, name, path, menu);
  });
}

export interface TreeCounts {
  menus: number;
  commands: number;
  args: number;
}

export function countTree(root: Menu): TreeCounts {
  const counts: TreeCounts = { menus: 0, commands: 0, args: 0 };
  forEachMenu(root, (menu) => {
    counts.menus++;
    for (const command of Object.values(menu.commands)) {
      counts.commands++;
      counts.args += Object.keys(command.args).length;
    }
  });
  return counts;
}

/** Finds the menu at a path of names, or undefined. */
export function findMenu(root: Menu, path: readonly string[]): Menu | undefined {
  let menu: Menu | undefined = root;
  for (const name of path) menu = menu?.menus[name];
  return menu;
}
