/** Files and downloads are read up to a limit: a 300 MB file or an endless download gets one message, not the memory. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/model/load.js";
import { resolveSource } from "../../src/sources/index.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-read-limits-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("read limits", () => {
  it("a model file past 256 MiB is refused before it is read", async () => {
    const file = join(dir, "huge.json");
    await writeFile(file, "");
    // Sparse: no disk is spent.
    await truncate(file, 300 * 1024 * 1024);
    await expect(loadModel(file)).rejects.toThrow(`${file} is larger than 256 MiB: not a tree rosapi reads`);
  });

  it("a download that never ends stops at 256 MiB with one message", async () => {
    const chunk = Buffer.alloc(1 << 20, " ");
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      let closed = false;
      res.once("close", () => (closed = true));
      const pump = () => {
        while (!closed) if (!res.write(chunk)) return void res.once("drain", pump);
      };
      pump();
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tree.json`;
    try {
      await expect(resolveSource(url, { cacheDir: join(dir, "cache") })).rejects.toThrow(
        `${url} is larger than 256 MiB: not a tree rosapi reads`,
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
