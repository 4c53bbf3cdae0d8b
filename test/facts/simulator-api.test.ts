/** The required-arg evidence is enforced over the API as over REST: the same refusals, in the same words, as `!trap`. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../../src/simulator/index.js";
import { factsForModel, readFactFiles } from "../../src/facts/index.js";
import { call } from "../helpers/rest.js";
import { attributes, loggedIn, type ApiPeer } from "../helpers/api.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tinyModel } from "../helpers/tiny-model.js";
import { tinyEvidence } from "./helpers.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-api-evidence-"));

let sim: RunningSimulator;
let api: ApiPeer;
beforeAll(async () => {
  const { probe, ansible } = await tinyEvidence(dir);
  sim = await startSimulator({ model: tinyModel(), facts: factsForModel(await readFactFiles([probe, ansible]), tinyModel()), apiPort: 0 });
  api = await loggedIn(sim.apiPort!);
});
afterAll(async () => {
  api?.close();
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

it.each([
  ["ip/address", { comment: "x" }],
  ["ip/address", { address: "10.9.0.1/24" }],
])("an add on /%s without its required args: the trap says what REST says", async (menu, args) => {
  const rest = await call(sim.url, "POST", `${menu}/add`, { body: args });
  expect(rest.status).toBe(400);
  api.send(`/${menu}/add`, ...Object.entries(args).map(([name, value]) => `=${name}=${value}`));
  expect(await api.until()).toEqual([["!trap", `=message=${(rest.body as { detail: string }).detail}`], ["!done"]]);
});

it("an add with them goes through, as on REST", async () => {
  api.send("/ip/address/add", "=address=10.9.0.1/24", "=interface=ether1");
  const id = attributes((await api.until())[0]!)["ret"]!;
  expect((await call(sim.url, "GET", `ip/address/${id}`)).status).toBe(200);
  api.send("/ip/address/remove", `=.id=${id}`);
  expect(await api.until()).toEqual([["!done"]]);
});
