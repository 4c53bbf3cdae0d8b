import type { ViewOperation } from "../../view/index.js";

/**
 * What a page of one version knows about the others: since and removed
 * badges, the diff pages that touch a menu, the same page elsewhere. A site
 * of one version has none of it.
 */

export interface Lifespan {
  /** The first version of the site that has it, when an older one of the site lacks it. */
  since?: string;
  /** The first version after its last appearance. */
  removedIn?: string;
  /**
   * It appears or disappears between two trees of different package sets (base and extra): the trees cannot
   * tell a package from a version, so there is no since or removed, only this (`in 7.22.3's packages, not 7.20.8's`).
   */
  packages?: { text: string; step: string };
}

export interface Change {
  from: string;
  to: string;
  /** The diff page, from the site's root, with the menu's anchor. */
  path: string;
  count: number;
  breaking: number;
}

export interface VersionContext {
  label: string;
  /** The version's folder in the site. */
  folder: string;
  lifespan(node: ConsoleNode): Lifespan;
  /** The diff page that leads to a version (from the one before it), from the site's root. */
  diffInto(label: string): string | undefined;
  /** The diff pages that list changes under a menu. */
  changes(menu: string): Change[];
  /** The same page (a path inside a version folder, `m/ip.address.html`) in each version; that version's index where it has none. */
  switcher(inVersion: string): { label: string; path: string; current: boolean }[];
  /** The version's files to download (document, YAML, collection, client), from the site's root. */
  downloads: { text: string; path: string }[];
}

/** A node of the console tree, as `rosapi history` names it: `/ip/address` (menu), `/ip/address/add` (command), `/ip/address/add address` (arg). */
export interface ConsoleNode {
  level: "menu" | "command" | "arg";
  path: string;
}

/** The console command an operation runs (GET runs print). */
export const consoleCommand = (op: ViewOperation): string => op.command ?? (op.verb === "list" || op.verb === "get" ? "print" : op.verb);

const commandPath = (op: ViewOperation): string => `${op.menu === "/" ? "" : op.menu}/${consoleCommand(op)}`;

/** The console node whose lifespan an operation has: its menu's for GET (a menu's listing lives as long as the menu), else its command's. */
export const operationNode = (op: ViewOperation): ConsoleNode =>
  op.method === "get" ? { level: "menu", path: op.menu } : { level: "command", path: commandPath(op) };

export const argNode = (op: ViewOperation, arg: string): ConsoleNode => ({ level: "arg", path: `${commandPath(op)} ${arg}` });

/** The context of a site of one version: no other version, no badge. */
export function singleVersion(label: string, folder: string): VersionContext {
  return {
    label,
    folder,
    lifespan: () => ({}),
    diffInto: () => undefined,
    changes: () => [],
    switcher: () => [],
    downloads: [],
  };
}
