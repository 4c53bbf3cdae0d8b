/**
 * The router as the tools reach it: every operation through one door, over
 * REST or the API protocol (the URL says which), each appended to the audit
 * log (JSON lines) with what came of it. The log holds the operation (menu,
 * verb or command, id, args) and, over REST, the request it was (method, path,
 * body, status): never the credentials, which travel only in the transport's
 * login, nor the values of sensitive args.
 */
import { appendFileSync } from "node:fs";
import { HttpError, openRouter, restTarget, type ClientOptions, type Operation, type RouterTransport } from "../transport/index.js";
import { redact, redactPath } from "./redact.js";

/** An operation as the tools send it and show it: over REST with the request it is (method, path with its query, body). */
export type RouterRequest = Operation & { method?: string; path?: string; body?: object };

export interface AuditEntry extends RouterRequest {
  time: string;
  /** The tool that sent it. */
  tool: string;
  /** The router answered with success. */
  ok: boolean;
  /** The HTTP status of a refusal. */
  status?: number;
  error?: string;
}

/** Where audit lines go: a file (appended), or a function (stderr, a test's list). */
export type AuditSink = (entry: AuditEntry) => void;

/** Appends to the file, created readable by its owner only. */
export const auditToFile =
  (file: string): AuditSink =>
  (entry) =>
    appendFileSync(file, JSON.stringify(entry) + "\n", { mode: 0o600 });

export class Router {
  private readonly client: RouterTransport;

  constructor(
    options: ClientOptions,
    private readonly audit: AuditSink,
  ) {
    this.client = openRouter(options);
  }

  /** The operation as it goes to this router: over REST, with its method, path and body. */
  request(op: Operation): RouterRequest {
    return this.client.protocol === "rest" ? { ...op, ...restTarget(op) } : op;
  }

  async send(tool: string, op: Operation): Promise<unknown> {
    // The log keeps what was sent, minus the values of sensitive args (redact.ts).
    const { path, ...shown } = redact(this.request(op));
    const entry = { time: new Date().toISOString(), tool, ...shown, ...(path !== undefined ? { path: redactPath(path) } : {}) };
    try {
      const reply = await this.client.call(op);
      this.audit({ ...entry, ok: true });
      return reply;
    } catch (err) {
      this.audit({ ...entry, ok: false, ...(err instanceof HttpError ? { status: err.status } : {}), error: (err as Error).message });
      throw err;
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
