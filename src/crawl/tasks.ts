/**
 * The request plan: which `/console/inspect` calls the crawl makes, and what
 * each `child` answer adds. `child` only on menus and commands (args have no
 * children); `syntax` on menus and commands (their members' descriptions) and
 * on args (their definition); `completion` on args.
 */

import type { InspectRequest, InspectRow as Row } from "../transport/inspect.js";

export type { InspectRequest, Row };

export interface Task {
  request: InspectRequest;
  path: string[];
}

export const taskKey = (task: Task): string => `${task.request} ${task.path.join(",")}`;

export const MENU_TYPES = new Set(["path", "dir"]);

/** Member descriptions of the root: also the probe of whether the router answers `syntax` on menus and commands. */
export const ROOT_SYNTAX: Task = { request: "syntax", path: [] };

/** The first task of a crawl: the root's children (ROOT_SYNTAX is asked before, alone). */
export const rootTasks = (): Task[] => [{ request: "child", path: [] }];

/** The rows of a child answer that are children (the self row skipped). */
export const childRows = (rows: Row[]): Row[] => rows.filter((r) => r.type !== "self");

/**
 * Limits a crawl to some menus (`ip`, `system/identity`): a path is kept when
 * it lies inside one of them, or on the way to one (then only its menus).
 */
export class Scope {
  private readonly only: string[][] | undefined;

  constructor(only?: readonly string[]) {
    this.only = only?.length ? only.map((p) => p.split(/[/,]/).filter(Boolean)) : undefined;
  }

  inside(path: readonly string[]): boolean {
    return !this.only || this.only.some((o) => o.length <= path.length && o.every((t, i) => path[i] === t));
  }

  onTheWay(path: readonly string[]): boolean {
    return !!this.only && this.only.some((o) => o.length > path.length && path.every((t, i) => o[i] === t));
  }

  /** A chosen menu that the child answer at `path` shows not to exist, as written (`ip/firewal`). */
  missing(path: readonly string[], rows: Row[]): string | undefined {
    const names = new Set(childRows(rows).map((r) => r.name));
    return this.only?.find((o) => o.length > path.length && path.every((t, i) => o[i] === t) && !names.has(o[path.length]))?.join("/");
  }
}

/** What a `child` answer at `path` adds to the plan; `memberSyntax` false where the router stalls on syntax of menus and commands. */
export function tasksAfterChild(path: string[], rows: Row[], scope: Scope, memberSyntax: boolean): Task[] {
  const tasks: Task[] = [];
  const described = (childPath: string[]): Task[] => (memberSyntax ? [{ request: "syntax", path: childPath }] : []);
  for (const row of childRows(rows)) {
    const childPath = [...path, row.name!];
    const type = row["node-type"]!;
    if (MENU_TYPES.has(type)) {
      // On the way to a crawled menu, syntax too: it describes that menu.
      if (scope.inside(childPath) || scope.onTheWay(childPath)) tasks.push({ request: "child", path: childPath }, ...described(childPath));
    } else if (!scope.inside(childPath)) continue;
    else if (type === "cmd") tasks.push({ request: "child", path: childPath }, ...described(childPath));
    else if (type === "arg") tasks.push({ request: "syntax", path: childPath }, { request: "completion", path: childPath });
  }
  return tasks;
}
