/**
 * What the user opened: the menus whose writes plan and apply may send
 * (`--allow-write ip/address`, each with the menus below it), and the
 * disruptive operations named one by one (`--allow-disruptive system/reboot`;
 * also a write carrying code, `system/scheduler/add`, and the server's own
 * password, `user/set`), and probes aimed anywhere (`--allow-probe`).
 * Everything else is read-only.
 */
import type { ViewOperation } from "../view/index.js";

export interface Doors {
  /** Menus, RouterOS style (`/ip/address`). */
  write: readonly string[];
  /** Operations, RouterOS style (`/system/reboot`, `/system/scheduler/add`). */
  disruptive: readonly string[];
  /** read sends a bounded probe (ping, traceroute) to any address, not only the router itself. */
  probe?: boolean;
}

/** `ip/address`, `/ip/address/` and ` ip/address` all name `/ip/address`. */
export const menuName = (text: string): string => `/${text.trim().replace(/^\/+|\/+$/g, "")}`;

/** The name a disruptive command is opened by: its menu and command (`/system/reboot`). */
export const commandName = (op: ViewOperation): string => `${op.menu === "/" ? "" : op.menu}/${op.command ?? op.verb}`;

const within = (menu: string, open: string) => menu === open || menu.startsWith(`${open}/`);

/** Why this operation may not be sent as a write, or undefined when a plan may send it. */
export function closedDoor(op: ViewOperation, doors: Doors): string | undefined {
  if (op.safety.class === "disruptive") {
    const name = commandName(op);
    return doors.disruptive.includes(name)
      ? undefined
      : `${name} is disruptive: it is refused unless the server was started with --allow-disruptive ${name.slice(1)}`;
  }
  if (doors.write.some((open) => within(op.menu, open))) return undefined;
  return doors.write.length === 0
    ? `writes are closed on this server (it was started without --allow-write); ${op.menu} stays read-only`
    : `${op.menu} is not among the menus open for writes (${doors.write.join(", ")}); start the server with --allow-write ${op.menu.slice(1)} to open it`;
}

/** Whether naming `op` in --allow-disruptive opens something: it is disruptive, carries code, or sets a user's password. */
export const mayBeDisruptive = (op: ViewOperation): boolean =>
  op.safety.class === "disruptive" ||
  (op.safety.code?.length ?? 0) > 0 ||
  (op.menu === "/user" && op.body?.properties?.["password"] !== undefined);

/** One line per door, for the tools' descriptions and the start-up log. */
export function describeDoors(doors: Doors): string {
  const write = doors.write.length ? `writes open in ${doors.write.join(", ")}` : "read-only";
  const probe = doors.probe ? "; probes aimed anywhere" : "";
  return doors.disruptive.length ? `${write}; disruptive operations open: ${doors.disruptive.join(", ")}${probe}` : `${write}${probe}`;
}
