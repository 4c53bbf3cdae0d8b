/**
 * The args that carry code: what the router runs, or stores to run later
 * (a script's source, a scheduler's `on-event`, a monitor's `do`, a `where`
 * expression, whose `[...]` runs commands). Derived from the six shared
 * dumps (7.16 to 7.23.3): inspect's own `script` type (`on-event` of every
 * `print`, `in` of `/onerror`), and by name where inspect says only
 * "string value":
 *
 * - expressions and command blocks: `do`, `else`, `condition`, `command`,
 *   `cmd`, `entrypoint`, `in`, `on-error`, `where`, `do-where`;
 * - scripts run on an event: `on-event` (scheduler, traffic-monitor),
 *   `on-up`/`on-down` (PPP profiles), `on-login`/`on-logout` (hotspot),
 *   `on-master`/`on-backup`/`on-fail` (VRRP), `on-alert` (DHCP alert),
 *   `on-message` (MQTT): any `on-*` arg that takes text, not a switch
 *   (`on-link`, `on-smart-card`) or a time;
 * - `*-script` (DHCP `lease-script`, netwatch `up-script`/`down-script`/
 *   `test-script`, DHCPv6 `binding-script`) and `script` (DHCP client,
 *   `/execute`, logging actions);
 * - `source` of `/system/script`, the script itself.
 *
 * And the commands that run code of their own: `/execute`, `/import`,
 * `/system/script/run`, `/container/run`.
 */
import type { OpenAPIV3 } from "openapi-types";
import { valueFacts } from "./extensions.js";

const CODE_NAMES = new Set(["do", "else", "condition", "command", "cmd", "entrypoint", "in", "on-error", "where", "do-where", "script"]);

/** Menus where `source` is a script's text (elsewhere it is an address). */
const SCRIPT_SOURCE_MENUS = new Set(["/system/script", "/task"]);

/** Commands that run code, as `menu/command`. */
export const RUNS_CODE = new Set(["/execute", "/import", "/system/script/run", "/container/run"]);

/** Value types that hold text (a switch, a number or a time holds no code). */
const TEXT_TYPES = new Set(["string", "script"]);

/** Whether the arg `name` of an operation in `menu` carries code; `schema` is its resolved schema. */
export function carriesCode(menu: string, name: string, schema: OpenAPIV3.SchemaObject | undefined): boolean {
  const type = schema ? (valueFacts(schema)["x-routeros-type"] ?? schema.type) : undefined;
  if (type === "script") return true;
  if (CODE_NAMES.has(name) || name.endsWith("-script")) return true;
  if (name === "source") return SCRIPT_SOURCE_MENUS.has(menu);
  return name.startsWith("on-") && (type === undefined || TEXT_TYPES.has(String(type)));
}
