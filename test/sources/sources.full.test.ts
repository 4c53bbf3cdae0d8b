/**
 * Trees by URL and `restraml:<version>`: fetched from a restraml copy served
 * on 127.0.0.1 (never the internet), cached, revalidated with ETag, read
 * from the cache once the server is gone, one clear line when neither has it.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSource, sourceUrl } from "../../src/sources/index.js";
import { runCli } from "../helpers/cli.js";
import { answerWithEtag } from "../helpers/etag-server.js";

/** A restraml inspect.json, two versions of it. */
const tree = (extra: boolean) =>
  JSON.stringify({
    ip: {
      _type: "path",
      address: {
        _type: "dir",
        add: { _type: "cmd", address: { _type: "arg", desc: "A.B.C.D/M    (IP prefix)" }, ...(extra ? { vrf: { _type: "arg" } } : {}) },
        print: { _type: "cmd" },
      },
    },
  });

const FILES: Record<string, string> = {
  "/restraml/7.1/inspect.json": tree(false),
  "/restraml/7.2/inspect.json": tree(true),
  "/restraml/7.2/extra/inspect.json": tree(true),
  // 7.3 has both: the typed one is taken.
  "/restraml/7.3/inspect.json": tree(true),
  "/restraml/7.3/deep-inspect.json": JSON.stringify({ _meta: { version: "7.3" }, ...(JSON.parse(tree(true)) as object) }),
  "/listing": JSON.stringify([
    { name: "7.1", type: "dir" },
    { name: "7.2", type: "dir" },
    { name: "7.3beta1", type: "dir" },
    { name: "index.html", type: "file" },
  ]),
};

describe("remote trees", () => {
  let server: Server;
  let base: string;
  let cache: string;
  const hits: { url: string; status: number }[] = [];
  beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), "rosapi-cache-"));
    server = createServer((req, res) => answerWithEtag(FILES, hits, req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(cache, { recursive: true, force: true });
  });

  const options = () => ({ restramlBase: `${base}/restraml`, restramlIndex: `${base}/listing`, cacheDir: cache });

  it("names restraml's published files", async () => {
    expect(await sourceUrl("restraml:7.2", options())).toBe(`${base}/restraml/7.2/inspect.json`);
    expect(await sourceUrl("restraml:7.2/extra", options())).toBe(`${base}/restraml/7.2/extra/inspect.json`);
    // The newest stable folder of the listing: not a beta, not a file.
    expect(await sourceUrl("restraml:latest", options())).toBe(`${base}/restraml/7.2/inspect.json`);
    await expect(sourceUrl("restraml:../x", options())).rejects.toThrow(/expected restraml:<version>/);
    expect(await resolveSource("some/local.json", options())).toBe("some/local.json");
  });

  it("fetches once, then revalidates with the ETag", async () => {
    const first = await resolveSource("restraml:7.1", options());
    expect(await readFile(first, "utf8")).toBe(FILES["/restraml/7.1/inspect.json"]);
    const again = await resolveSource("restraml:7.1", options());
    expect(again).toBe(first);
    expect(hits.filter((h) => h.url === "/restraml/7.1/inspect.json").map((h) => h.status)).toEqual([200, 304]);
  });

  it("takes the typed deep-inspect.json where restraml publishes one, the plain inspect.json otherwise, and says which", async () => {
    expect(await resolveSource("restraml:7.3", options())).toMatch(/7\.3\/deep-inspect\.json$/);
    expect(await resolveSource("restraml:7.2", options())).toMatch(/7\.2\/inspect\.json$/);
    const env = { ROSAPI_RESTRAML_BASE: `${base}/restraml`, ROSAPI_CACHE: cache };
    const out = join(cache, "..", "typed");
    const typed = await runCli(["generate", "--from", "restraml:7.3", "--only", "openapi", "--out", out], { env });
    expect(typed.stdout).toMatch(/^tree: restraml:7\.3: restraml's typed deep-inspect\.json$/m);
    const plain = await runCli(["generate", "--from", "restraml:7.2", "--only", "openapi", "--out", out], { env });
    expect(plain.stdout).toMatch(
      /^tree: restraml:7\.2: restraml's plain inspect\.json \(no deep-inspect\.json published\): value types unknown$/m,
    );
    await rm(out, { recursive: true, force: true });
  });

  it("builds a site over two restraml versions from the command line", async () => {
    const out = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    try {
      const env = { ROSAPI_RESTRAML_BASE: `${base}/restraml`, ROSAPI_CACHE: cache };
      const result = await runCli(["site", "--from", "restraml:7.1", "--from", "restraml:7.2", "--out", out, "--no-downloads"], { env });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const page = await readFile(join(out, "7.2/m/ip.address.html"), "utf8");
      expect(page).toContain('id="put-ip.address--vrf"');
      expect(page).toContain("since 7.2");
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("works offline from the cache, and says so in one line when the cache has nothing", async () => {
    const cached = await resolveSource("restraml:7.2", options());
    // A port nobody listens on any more: the network is "gone", for a URL the cache does not hold.
    const closed = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => closed.once("listening", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const offline = { ...options(), restramlBase: `http://127.0.0.1:${port}/restraml` };
    await expect(resolveSource("restraml:7.2", offline)).rejects.toThrow(
      `cannot fetch http://127.0.0.1:${port}/restraml/7.2/inspect.json (ECONNREFUSED) and it is not in the cache ${cache}`,
    );
    expect(await resolveSource(`${base}/restraml/7.2/inspect.json`, options())).toBe(cached);
    const result = await runCli(["diff", "restraml:7.1", "restraml:7.9"], {
      env: { ROSAPI_RESTRAML_BASE: `${base}/restraml`, ROSAPI_CACHE: cache },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`rosapi: cannot fetch ${base}/restraml/7.9/inspect.json: HTTP 404 Not Found\n`);
  });

  it("serves the cached copy when the server no longer answers", async () => {
    const before = await resolveSource(`${base}/restraml/7.1/inspect.json`, options());
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(await resolveSource(`${base}/restraml/7.1/inspect.json`, options())).toBe(before);
    server = createServer().listen(0, "127.0.0.1");
  });
});
