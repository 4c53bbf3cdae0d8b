/**
 * The router as the tools reach it: every request through one door, each
 * appended to the audit log (JSON lines) with what came of it. The log holds
 * method, path, body and status: never the credentials, which travel only in
 * the transport's Authorization header, nor the values of sensitive args.
 */
import { appendFileSync } from "node:fs";
import { HttpError, RestClient, type ClientOptions } from "../transport/index.js";
import { redact, redactPath } from "./redact.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouterRequest {
  method: Method;
  /** Below the REST base, with a leading slash: `/ip/address/*1`, `/ip/address?interface=ether1`. */
  path: string;
  body?: Record<string, unknown>;
}

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
  private readonly client: RestClient;

  constructor(
    options: ClientOptions,
    private readonly audit: AuditSink,
  ) {
    this.client = new RestClient(options);
  }

  async send(tool: string, request: RouterRequest): Promise<unknown> {
    // The log keeps what was sent, minus the values of sensitive args (redact.ts).
    const entry = {
      time: new Date().toISOString(),
      tool,
      method: request.method,
      path: redactPath(request.path),
      ...(request.body ? { body: redact(request.body) } : {}),
    };
    try {
      const reply = await this.client.request(request.method, request.path.slice(1), request.body);
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
