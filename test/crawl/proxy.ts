/**
 * The simulator behind a loopback proxy that may replace answers: a RouterOS
 * refusing some calls (403 for a user without the policy, 400 on one path).
 * Every request still goes through the simulator, so stalls and delays stay
 * as they are: a stalled router refuses nothing either.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "undici";
import type { RunningSimulator } from "../../src/simulator/index.js";

export interface Replacement {
  status: number;
  body: unknown;
}

/** Answers a request itself, as a hostile router would: streams, drips, never ends. */
export type Hostile = (res: ServerResponse) => void;

/** Decides per request (URL path and request body text) whether to answer something else. */
export type Tamper = (path: string, body: string) => Replacement | Hostile | undefined;

export const routerOsError = (status: number, message: string, detail?: string): Replacement => ({
  status,
  body: { error: status, message, ...(detail ? { detail } : {}) },
});

export async function tamperingProxy(sim: RunningSimulator, tamper: Tamper): Promise<{ url: string; close(): Promise<void> }> {
  // Many connections: requests the crawl gave up on may still be running behind the proxy.
  const upstream = new Pool(new URL(sim.url).origin, { connections: 256 });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const replaced = tamper(req.url!, body);
      if (typeof replaced === "function") return replaced(res);
      upstream
        .request({
          method: req.method as "GET" | "POST",
          path: req.url!,
          headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
          body,
        })
        .then(async (answer) => {
          const text = await answer.body.text();
          res
            .writeHead(replaced?.status ?? answer.statusCode, { "content-type": "application/json" })
            .end(replaced ? JSON.stringify(replaced.body) : text);
        })
        .catch(() => req.socket.destroy());
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await upstream.close();
    },
  };
}
