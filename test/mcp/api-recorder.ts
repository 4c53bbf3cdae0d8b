/**
 * The recording proxy (test/emit/postman/recorder.ts) for the API protocol: a loopback TCP proxy in front of the
 * simulator's API port that records each command a client sends, before forwarding it, in REST's terms, so that the
 * checks written for REST's requests read both: `print` as GET of the menu, `add` as PUT, `set` and `remove` as
 * PATCH and DELETE of the `.id` they name, any other command as POST; its `=name=value` words as the body (queries and
 * `.tag` left out). Replies pass unread (status 200, no reply text).
 */
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { SentenceReader } from "../../src/templates/api-codec.js";
import type { Recorded, Recorder } from "../emit/postman/recorder.js";

/** One command sentence as REST's request; undefined for the session's own (`/login`, `/cancel`). */
function asRest([command = "", ...words]: string[]): Recorded | undefined {
  if (command === "/login" || command === "/cancel") return undefined;
  const body: Record<string, string> = {};
  for (const word of words) {
    const at = word.indexOf("=", 1);
    if (word.startsWith("=")) body[word.slice(1, at < 0 ? undefined : at)] = at < 0 ? "" : word.slice(at + 1);
  }
  const menu = command.slice(0, command.lastIndexOf("/"));
  const verb = command.slice(command.lastIndexOf("/") + 1);
  const { ".id": id, ...rest } = body;
  const request = (method: string, path: string, b: Record<string, string> = body) => ({ method, path, body: b, status: 200, reply: "" });
  if (verb === "print") return request("GET", menu || "/");
  if (verb === "add") return request("PUT", menu);
  if ((verb === "set" || verb === "remove") && id !== undefined) return request(verb === "set" ? "PATCH" : "DELETE", `${menu}/${id}`, rest);
  return request("POST", command);
}

export async function recordingApiProxy(port: number): Promise<Recorder> {
  const requests: Recorded[] = [];
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: "127.0.0.1", port });
    const reader = new SentenceReader();
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      for (const words of reader.push(chunk)) {
        const recorded = asRest(words);
        if (recorded) requests.push(recorded);
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return {
    url: `api://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
