/** The TypeScript client follows the evidence: required args are not optional, group rules are unions. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveFacts, type Evidence, type FactSet } from "../../src/facts/index.js";
import { sampleModel } from "../../src/sample/index.js";
import { compile, removeClient, writeClient } from "../helpers/generated-client.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeClient)));

const evidence: Evidence = { source: "observed", method: "observed-probe", version: "7.99", origin: "test" };
/** Made-up rules over the sample tree's menus, one of each kind. */
const set: FactSet = {
  file: "test",
  description: "test",
  required: [
    { menu: "/ip/address", rule: { all: ["address", "interface"], groups: [] }, evidence },
    { menu: "/ip/route", rule: { all: [], groups: [{ kind: "oneOf", args: ["dst-address", "gateway"] }] }, evidence },
    { menu: "/interface/bridge/port", rule: { all: ["interface"], groups: [{ kind: "anyOf", args: ["bridge", "pvid"] }] }, evidence },
  ],
  probeErrors: [],
  defaults: [],
  marks: [],
};

describe("the client with evidence of required args", () => {
  it("refuses an add without its required args or breaking a group rule, and accepts it with them", async () => {
    const dir = await writeClient(sampleModel(), "required", resolveFacts([set], "7.99"));
    dirs.push(dir);
    const use = (name: string, body: string) =>
      writeFile(
        join(dir, `${name}.ts`),
        `import { createClient } from "./client/index.js";\n` +
          `const ros = createClient({ baseUrl: "https://127.0.0.1/rest", username: "admin", password: "" });\n` +
          `export async function use() {\n${body}\n}\n`,
      );
    await use(
      "good",
      `  await ros.ip.address.add({ address: "10.0.0.1/24", interface: "ether1", comment: "x" });
  await ros.ip.route.add({ gateway: "10.0.0.1" });
  await ros.ip.route.add({ "dst-address": "10.1.0.0/16" });
  await ros.interface.bridge.port.add({ interface: "ether2", bridge: "bridge1" });
  await ros.interface.bridge.port.add({ interface: "ether2", bridge: "bridge1", pvid: 10 });
  await ros.ip.address.set("*1", { comment: "only what changes" });`,
    );
    await use("missing", `  await ros.ip.address.add({ comment: "x" });`);
    await use("both", `  await ros.ip.route.add({ gateway: "10.0.0.1", "dst-address": "10.1.0.0/16" });`);
    await use("none", `  await ros.interface.bridge.port.add({ interface: "ether2" });`);
    const out = await compile(["good", "missing", "both", "none"].map((f) => join(dir, `${f}.ts`)));
    expect(out).not.toMatch(/good\.ts/);
    expect(out).toMatch(/missing\.ts.*error TS2345.*missing the following properties.*address, interface/s);
    expect(out).toMatch(/both\.ts.*error TS2345/);
    expect(out).toMatch(/none\.ts.*error TS2345/);
  });
});
