/**
 * Evidence by name (`probe:<version>`, `ansible:<version>`, `ansible:latest`): fetched from copies of the real files
 * served on 127.0.0.1 (read from ../shared/evidence, never committed), cached, revalidated with ETag, read from the
 * cache once the server is gone; a source that is gone, too large or malformed gets one clear line and changes nothing.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeModel } from "../../src/model/load.js";
import { fetchEvidence } from "../../src/sources/evidence.js";
import { runCli } from "../helpers/cli.js";
import { answerWithEtag } from "../helpers/etag-server.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { ANSIBLE, evidencePresent, PROBE_7221 } from "../facts/helpers.js";

const files: Record<string, string | Buffer> = {};
let large = false;
/** The server drops every connection: the network is gone. */
let down = false;

describe.skipIf(!evidencePresent)("named evidence sources", () => {
  let server: Server;
  let base: string;
  let dir: string;
  const hits: { url: string; status: number }[] = [];
  const env = () => ({
    ROSAPI_PROBE_BASE: `${base}/probe`,
    ROSAPI_ANSIBLE_BASE: `${base}/ansible`,
    ROSAPI_ANSIBLE_TAGS: `${base}/tags`,
    ROSAPI_CACHE: join(dir, "cache"),
  });
  const options = () => ({
    probeBase: `${base}/probe`,
    ansibleBase: `${base}/ansible`,
    ansibleTags: `${base}/tags`,
    cacheDir: join(dir, "cache"),
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rosapi-evidence-"));
    files["/probe/required-args.v7.22.1.json"] = await readFile(PROBE_7221);
    files["/probe/required-args.v7.22.1.meta.json"] = await readFile(PROBE_7221.replace(/\.json$/, ".meta.json"));
    files["/ansible/3.21.0/plugins/module_utils/_api_data.py"] = await readFile(ANSIBLE);
    files["/tags"] = JSON.stringify([{ name: "3.20.0" }, { name: "3.21.0" }, { name: "3.22.0-rc1" }, { name: "2.9.0" }]);
    server = createServer((req, res) => {
      if (down) return void req.socket.destroy();
      if (large && req.url === "/ansible/9.9.9/plugins/module_utils/_api_data.py") {
        // Endless: the reader stops at its cap.
        const chunk = Buffer.alloc(1 << 20, 0x20);
        let closed = false;
        res.once("close", () => (closed = true));
        res.writeHead(200);
        const pump = () => {
          while (!closed) if (!res.write(chunk)) return void res.once("drain", pump);
        };
        return pump();
      }
      answerWithEtag(files, hits, req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it("fetches probe:<version> with its meta file, and ansible:latest at the highest stable tag, naming it", async () => {
    const probe = await fetchEvidence("probe:7.22.1", options());
    expect(probe).toMatchObject({ kind: "observed", meta: { routerosVersion: "7.22.1" } });
    expect(probe.kind === "observed" && probe.rows.length).toBeGreaterThan(200);
    const ansible = await fetchEvidence("ansible:latest", options());
    expect(ansible).toMatchObject({ kind: "ansible", collectionVersion: "3.21.0" });
    // Again: each file revalidated with its ETag, and kept.
    hits.length = 0;
    await fetchEvidence("probe:7.22.1", options());
    expect(hits.map((h) => h.status)).toEqual([304, 304]);
  });

  it("the command line uses them, and says which, with the version latest resolved to", async () => {
    const model = join(dir, "model.json");
    await writeFile(model, serializeModel(tinyModel()));
    const run = await runCli(
      ["generate", "--from", model, "--facts", "probe:7.22.1", "ansible:latest", "--out", join(dir, "out"), "--only", "openapi"],
      {
        env: env(),
      },
    );
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /^evidence: probe 7\.22\.1 \(inferred for 7\.99\), ansible 3\.21\.0 — 1 add menus known, 0 unknown; \d+ defaults$/m,
    );
  });

  it("works from the cache once the server is gone; a name neither has gets one line; a 404 one line", async () => {
    down = true;
    try {
      const probe = await fetchEvidence("probe:7.22.1", options());
      expect(probe).toMatchObject({ kind: "observed", meta: { routerosVersion: "7.22.1" } });
      await expect(fetchEvidence("probe:7.20.8", options())).rejects.toThrow(
        /^cannot fetch http:\/\/127\.0\.0\.1:\d+\/probe\/required-args\.v7\.20\.8\.meta\.json \(.+\) and it is not in the cache /,
      );
    } finally {
      down = false;
    }
    await expect(fetchEvidence("probe:7.1", options())).rejects.toThrow(/required-args\.v7\.1\.meta\.json: HTTP 404/);
  });

  it("a malformed or too large answer gets one line and leaves the cache as it was", async () => {
    const cache = join(dir, "cache");
    const before = await readdir(cache, { recursive: true });
    files["/ansible/3.20.0/plugins/module_utils/_api_data.py"] = "print('hello')\n";
    await expect(fetchEvidence("ansible:3.20.0", options())).rejects.toThrow(/has no PATHS = \{\.\.\.\}: not Ansible's _api_data\.py/);
    files["/probe/required-args.v7.20.8.meta.json"] = "{not json";
    await expect(fetchEvidence("probe:7.20.8", options())).rejects.toThrow(/is not valid JSON/);
    large = true;
    await expect(fetchEvidence("ansible:9.9.9", options())).rejects.toThrow(/is larger than 256 MiB: not an evidence file rosapi reads/);
    expect(await readdir(cache, { recursive: true })).toEqual(before);
    const run = await runCli(["generate", "--from", join(dir, "model.json"), "--facts", "ansible:3.20.0", "--out", join(dir, "bad")], {
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });
});
