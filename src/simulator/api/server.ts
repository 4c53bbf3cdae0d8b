/**
 * The API protocol beside REST: TCP (RouterOS's 8728) and TLS (8729), one
 * session per connection, all over the REST side's store and rules.
 */
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import type { Certificate } from "../certificate.js";
import { ApiSession, type ApiSessionOptions } from "./session.js";

export type { ApiSessionOptions } from "./session.js";

/** A listening API server that closes its connections with it. */
export interface ApiServer {
  server: Server;
  close: () => Promise<void>;
}

/** An API server (over TLS with `certificate`), not yet listening. */
export function apiServer(options: ApiSessionOptions, certificate?: Certificate): ApiServer {
  const sockets = new Set<Socket>();
  const connect = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    new ApiSession(socket, options);
  };
  const server = certificate ? createTlsServer({ ...certificate }, connect) : createTcpServer(connect);
  // A TLS handshake that fails ends that connection only.
  server.on("tlsClientError", (_error: Error, socket: Socket) => socket.destroy());
  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
