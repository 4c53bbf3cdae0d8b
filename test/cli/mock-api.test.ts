/** `rosapi mock --from TREE --port P --api-port Q`: the API protocol beside REST, over the same state, and over TLS. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { exited, spawnCli, waitForOutput } from "../helpers/cli.js";
import { call } from "../helpers/rest.js";
import { attributes, loggedIn, rows } from "../helpers/api.js";
import { sampleModel } from "../../src/sample/index.js";
import { serializeModel } from "../../src/model/load.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-mock-api-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

it("serves the API and the API over TLS beside REST, over one store, and never prints the password", async () => {
  const tree = join(dir, "tree.json");
  const ca = join(dir, "ca.pem");
  await writeFile(tree, serializeModel(sampleModel()));
  const child = spawnCli([
    "mock",
    "--from",
    tree,
    "--port",
    "0",
    "--api-port",
    "0",
    "--api-tls-port",
    "0",
    "--ca-out",
    ca,
    "--password",
    "pw-1",
  ]);
  try {
    const banner = await waitForOutput(child, "stdout", "Ctrl-C");
    expect(banner).not.toContain("pw-1");
    const url = /url:\s+(\S+)/.exec(banner)![1]!;
    const port = Number(/api:\s+127\.0\.0\.1:(\d+)/.exec(banner)![1]);
    const tlsPort = Number(/api-ssl:\s+127\.0\.0\.1:(\d+)/.exec(banner)![1]);

    const api = await loggedIn(port, { password: "pw-1" });
    api.send("/ip/address/add", "=address=10.1.1.1/24", "=interface=ether1");
    const id = attributes((await api.until())[0]!)["ret"]!;
    expect((await call(url, "GET", `ip/address/${id}`, { password: "pw-1" })).body).toMatchObject({ address: "10.1.1.1/24" });
    api.close();

    await call(url, "PUT", "ip/address", { password: "pw-1", body: { address: "10.1.2.1/24", interface: "ether1" } });
    const secure = await loggedIn(tlsPort, { password: "pw-1", tls: { ca: await readFile(ca, "utf8") } });
    secure.send("/ip/address/print", "=.proplist=address");
    expect(rows(await secure.until())).toEqual([{ address: "10.1.1.1/24" }, { address: "10.1.2.1/24" }]);
    secure.close();
  } finally {
    const ended = exited(child);
    child.kill("SIGTERM");
    expect(await ended).toBe(0);
  }
});
