/** A plain REST caller for tests: Basic auth, JSON in and out, over HTTP or HTTPS (undici). */
import { Agent } from "undici";

export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

export interface CallOptions {
  user?: string;
  password?: string;
  /** HTTPS: trust this certificate, or none (insecure). */
  ca?: string;
  body?: unknown;
  raw?: string;
}

const agents = new Map<string, Agent>();
function agentFor(ca: string | undefined): Agent {
  const key = ca ?? "";
  if (!agents.has(key)) agents.set(key, new Agent({ connect: ca ? { ca } : { rejectUnauthorized: false } }));
  return agents.get(key)!;
}

/** Calls `<base>/<path>`; `base` is a simulator's `url` or `httpsUrl`. */
export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const auth = Buffer.from(`${options.user ?? "admin"}:${options.password ?? ""}`).toString("base64");
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await fetch(`${base}/${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    ...(body !== undefined ? { body } : {}),
    ...(base.startsWith("https:") ? { dispatcher: agentFor(options.ca) } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, body: text === "" ? undefined : JSON.parse(text) };
}
