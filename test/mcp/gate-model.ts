/**
 * A hand-made model for the MCP gate's own tests (test/mcp/gate.test.ts): small enough to know every operation
 * by heart, with one of each thing the gate decides on: an item menu and the menu below it, a settings menu, a
 * disruptive command, a script's code, the users and their passwords, a probe, a reading print.
 */
import type { Arg, Command, Menu, SchemaModel } from "../../src/model/types.js";
import { arg, cmd, modelOf } from "../helpers/tiny-model.js";

const text = () => arg("string value");
const items = (fields: Record<string, Arg>, extra: Record<string, Command> = {}, menus: Record<string, Menu> = {}): Menu => ({
  kind: "menu",
  nodeType: "dir",
  menus,
  commands: {
    add: cmd(fields),
    set: cmd({ numbers: arg(), ...fields }),
    remove: cmd({ numbers: arg() }),
    print: cmd({ proplist: arg(), where: arg(), follow: arg(), file: arg() }),
    get: cmd({ number: arg(), "value-name": arg() }),
    ...extra,
  },
  properties: Object.fromEntries(Object.keys(fields).map((f) => [f, {}])),
});
const settings = (fields: Record<string, Arg>): Menu => ({
  kind: "menu",
  nodeType: "dir",
  menus: {},
  commands: { set: cmd(fields), print: cmd({}), get: cmd({ "value-name": arg() }) },
  properties: Object.fromEntries(Object.keys(fields).map((f) => [f, {}])),
});
const path = (menus: Record<string, Menu>, commands: Record<string, Command> = {}): Menu => ({
  kind: "menu",
  nodeType: "path",
  menus,
  commands,
});

export function gateModel(): SchemaModel {
  return modelOf({
    ip: path({
      address: items({ address: arg("A.B.C.D/M    (IP prefix)"), interface: text(), comment: text() }),
      dns: {
        ...settings({ servers: text(), "allow-remote-requests": arg("yes | no") }),
        menus: { static: items({ name: text(), address: arg("A.B.C.D    (IP address)") }) },
      },
      // A command that names items, in a menu that lists none.
      cloud: {
        ...settings({ "ddns-enabled": arg("yes | no") }),
        commands: { ...settings({}).commands, forget: cmd({ numbers: arg() }) },
      },
    }),
    system: path(
      {
        identity: settings({ name: arg("string value, max length 64") }),
        script: items({ name: text(), source: text() }, { run: cmd({ number: arg() }) }),
      },
      { reboot: cmd({}) },
    ),
    interface: path({ lte: items({ name: text(), pin: arg("0..9999") }) }),
    ppp: path({ secret: items({ name: text(), password: text() }) }),
    tool: path({ netwatch: items({ host: arg("A.B.C.D    (IP address)"), "up-script": text(), "down-script": text() }) }),
    // set-password: a command of a version to come, that names users and sets their password.
    user: items({ name: text(), group: text(), password: text() }, { "set-password": cmd({ numbers: arg(), password: text() }) }),
  });
}
