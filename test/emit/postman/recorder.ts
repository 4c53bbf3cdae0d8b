/**
 * A loopback proxy in front of the simulator that records every request it
 * forwards (method, path, parsed body) with the reply's status and body, so a
 * test sees what reached the "router", whatever newman reports.
 */
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  method: string;
  /** Path below `/rest`: `/ip/address/*1`. */
  path: string;
  body: Record<string, unknown>;
  status: number;
  reply: string;
}

export interface Recorder {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export async function recordingProxy(target: string): Promise<Recorder> {
  const upstream = new URL(target);
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on("data", (c: Buffer) => parts.push(c));
          answer.on("end", () => {
            const reply = Buffer.concat(parts).toString("utf8");
            let body: Record<string, unknown> = {};
            try {
              body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              body = { "(unparsed)": text };
            }
            const path = decodeURIComponent(new URL(req.url!, "http://x").pathname.replace(/^\/rest/, ""));
            requests.push({ method: req.method!, path, body, status: answer.statusCode!, reply });
            res.writeHead(answer.statusCode!, answer.headers).end(reply);
          });
        },
      );
      forward.on("error", () => req.socket.destroy());
      forward.end(text);
    });
  });
  server.keepAliveTimeout = 0;
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rest`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
