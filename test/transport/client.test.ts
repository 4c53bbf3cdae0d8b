/** The REST transport against tiny real servers: keep-alive, JSON whatever the type, errors sorted by kind, TLS options, one shared health check. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo, Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ResumableError, UserError } from "../../src/io/errors.js";
import { selfSignedCertificate } from "../../src/simulator/certificate.js";
import { HealthGate, HttpError, isLostConnection, isRetryable, NetworkError, RestClient } from "../../src/transport/index.js";

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  closers.push(() => new Promise((r) => ((server as unknown as { closeAllConnections(): void }).closeAllConnections(), server.close(r))));
  return (server.address() as AddressInfo).port;
}

/** A server calling `handler` with the whole request body; also counts the sockets it saw. */
async function serve(handler: Handler): Promise<{ url: string; sockets: () => number }> {
  let sockets = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c)).on("end", () => handler(req, res, body));
  });
  server.on("connection", () => sockets++);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}/rest`, sockets: () => sockets };
}

function client(url: string, extra: Partial<ConstructorParameters<typeof RestClient>[0]> = {}) {
  const c = new RestClient({ url, user: "admin", password: "pw", timeoutMs: 1000, ...extra });
  closers.push(() => c.close());
  return c;
}

const json = (res: ServerResponse, status: number, value: unknown, type = "application/json") =>
  res.writeHead(status, { "content-type": type }).end(JSON.stringify(value));

describe("RestClient", () => {
  it("posts JSON with Basic auth over one kept-alive connection and reads JSON even when typed text/plain", async () => {
    const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
    const server = await serve((req, res, body) => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      json(res, 200, [{ name: "ip", "node-type": "path", type: "child" }], "text/plain");
    });
    const c = client(server.url, { connections: 1 });
    for (let i = 0; i < 5; i++)
      expect(await c.post("console/inspect", { request: "child", path: "" })).toEqual([{ name: "ip", "node-type": "path", type: "child" }]);
    expect(server.sockets()).toBe(1);
    expect(c.sent).toBe(5);
    expect(seen[0]).toEqual({
      method: "POST",
      url: "/rest/console/inspect",
      auth: `Basic ${Buffer.from("admin:pw").toString("base64")}`,
      body: '{"request":"child","path":""}',
    });
  });

  it("sorts failures: RouterOS errors, timeouts, resets, refusals and non-JSON answers", async () => {
    const server = await serve((req, res) => {
      if (req.url === "/rest/e401") return json(res, 401, { error: 401, message: "Unauthorized" });
      if (req.url === "/rest/e500") return json(res, 500, { error: 500, message: "Internal Server Error" });
      if (req.url === "/rest/html") return res.writeHead(200, { "content-type": "text/html" }).end("<html>");
      if (req.url === "/rest/reset") return req.socket.destroy();
      // /rest/hang: never answers
    });
    const c = client(server.url, { timeoutMs: 300 });
    const failure = (path: string) =>
      c.get(path).then(
        () => undefined,
        (err: unknown) => err,
      );

    const e401 = await failure("e401");
    expect(e401).toBeInstanceOf(HttpError);
    expect(e401).toMatchObject({ status: 401, body: { error: 401 } });
    expect(isRetryable(e401)).toBe(false);
    const e500 = await failure("e500");
    expect(isRetryable(e500)).toBe(true);
    expect(isLostConnection(e500)).toBe(false);

    const html = await failure("html");
    expect(html).toMatchObject({ kind: "not-json" });
    expect(isRetryable(html)).toBe(false);

    const hang = await failure("hang");
    expect(hang).toMatchObject({ kind: "timeout", message: "no answer within 300 ms" });
    expect(isRetryable(hang) && isLostConnection(hang)).toBe(true);

    const reset = await failure("reset");
    expect(reset).toBeInstanceOf(NetworkError);
    expect(reset).toMatchObject({ kind: "reset" });
    expect(isRetryable(reset)).toBe(true);

    const refused = client(server.url.replace(/:\d+/, ":1"));
    expect(await refused.get("x").catch((e: unknown) => e)).toMatchObject({
      kind: "unreachable",
      message: "cannot connect (ECONNREFUSED)",
    });
  });

  it("rejects URLs with credentials or another scheme, as user errors", () => {
    expect(() => new RestClient({ url: "http://admin:pw@127.0.0.1/rest", user: "admin", password: "" })).toThrow(UserError);
    expect(() => new RestClient({ url: "ftp://127.0.0.1/rest", user: "admin", password: "" })).toThrow(/not an http/);
    expect(() => new RestClient({ url: "nonsense", user: "admin", password: "" })).toThrow(/not a URL/);
  });

  it("over HTTPS: refuses a self-signed certificate by default, accepts it with --insecure or --ca", async () => {
    const { cert, key } = await selfSignedCertificate();
    const port = await listen(createHttpsServer({ cert, key }, (_req, res) => json(res, 200, { version: "7.22.3" })));
    const url = `https://127.0.0.1:${port}/rest`;
    expect(
      await client(url)
        .get("system/resource")
        .catch((e: unknown) => e),
    ).toMatchObject({ kind: "tls" });
    expect(await client(url, { insecure: true }).get("system/resource")).toEqual({ version: "7.22.3" });
    const dir = await mkdtemp(join(tmpdir(), "rosapi-ca-"));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, "ca.pem"), cert);
    expect(await client(url, { caFile: join(dir, "ca.pem") }).get("system/resource")).toEqual({ version: "7.22.3" });
    expect(() => client(url, { caFile: join(dir, "missing.pem") })).toThrow(/cannot read the CA file/);
  });
});

describe("HealthGate", () => {
  it("runs one check for all waiters, and tells whether the router had stalled", async () => {
    let calls = 0;
    let downFor = 2;
    const gate = new HealthGate(
      async () => {
        calls++;
        if (downFor-- > 0) throw new Error("down");
      },
      { pollMs: 10, settleMs: 10 },
    );
    expect(await Promise.all([gate.wait(), gate.wait(), gate.wait()])).toEqual([true, true, true]);
    // Two failures, then two prompt answers in a row.
    expect(calls).toBe(4);
    expect(gate.outages).toBe(1);
    expect(await gate.wait()).toBe(false);
  });

  it("gives up with one clear message after its deadline", async () => {
    const gate = new HealthGate(() => Promise.reject(new Error("down")), { pollMs: 10, deadlineMs: 50 });
    await expect(gate.wait()).rejects.toThrow(ResumableError);
  });
});
