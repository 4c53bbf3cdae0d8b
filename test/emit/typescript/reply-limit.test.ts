/** The generated client's runtime reads at most `maxReplyBytes` of a reply (64 MiB unless told), and stops reading there. */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleModel } from "../../../src/sample/index.js";
import { removeClient, writeClient } from "../../helpers/generated-client.js";

interface Module {
  createClient(options: object): { ip: { address: { list(): Promise<unknown[]> } }; close(): Promise<void> };
}

const MB = 1024 * 1024;
const item = JSON.stringify({ ".id": "*1", address: "10.0.0.1/24", interface: "ether1" });
/** Bytes the server managed to write of its current answer, and whether it wrote it to the end. */
let written = 0;
let finished = false;

/** `size` bytes of items, or without end when size is Infinity, for as long as the client reads. */
function answer(res: ServerResponse, size: number): void {
  res.writeHead(200, { "content-type": "application/json" });
  written = 1;
  finished = false;
  res.write("[" + item);
  let closed = false;
  res.once("close", () => (closed = true));
  const chunk = ("," + item).repeat(1000);
  const pump = () => {
    while (!closed) {
      if (written >= size) return void res.end("]", () => (finished = true));
      written += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
  };
  pump();
}

let size = 0;
const server = createServer((_req, res) => answer(res, size));
server.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest`;
const dir = await writeClient(sampleModel(), "reply-limit");
const mod = (await import(join(dir, "client/index.js"))) as Module;
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await removeClient(dir);
});

async function list(options: object): Promise<unknown> {
  const ros = mod.createClient({ baseUrl, username: "admin", password: "", ...options });
  try {
    return await ros.ip.address.list();
  } catch (err) {
    return err;
  } finally {
    await ros.close();
  }
}

describe("generated client: reply size", () => {
  it("a 3 MB reply is read whole by default", async () => {
    size = 3 * MB;
    expect(((await list({})) as unknown[]).length).toBeGreaterThan(40_000);
  });

  it("past maxReplyBytes: a RouterOSError (status 0) that names the option, and reading stops", async () => {
    // 64 MiB on offer: far more than the socket buffers between the two hold, so a client that kept reading
    // would let the server write it to the end.
    size = 64 * MB;
    expect(await list({ maxReplyBytes: MB })).toMatchObject({
      name: "RouterOSError",
      status: 0,
      message: "GET /ip/address failed",
      detail: `reply larger than maxReplyBytes (${MB} bytes)`,
    });
    expect(finished).toBe(false);
    expect(written).toBeLessThan(size);
  });

  it("an endless reply ends at the default cap of 64 MiB", async () => {
    size = Infinity;
    expect(await list({})).toMatchObject({ status: 0, detail: `reply larger than maxReplyBytes (${64 * MB} bytes)` });
    expect(written).toBeLessThan(128 * MB);
  });
});
