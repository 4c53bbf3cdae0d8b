/** A static file server's answer, as GitHub Pages and raw.githubusercontent.com give it: 404, or the body with an ETag (304 when the client has it). */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export function answerWithEtag(
  files: Record<string, string | Buffer>,
  hits: { url: string; status: number }[],
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const body = files[req.url ?? ""];
  if (body === undefined) {
    hits.push({ url: req.url!, status: 404 });
    return void res.writeHead(404).end();
  }
  const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
  const status = req.headers["if-none-match"] === etag ? 304 : 200;
  hits.push({ url: req.url!, status });
  res.writeHead(status, { etag, "content-type": "application/json" }).end(status === 200 ? body : undefined);
}
