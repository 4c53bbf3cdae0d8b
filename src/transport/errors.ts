/** What can go wrong talking to a router, sorted by what the caller should do about it. */

/** The router answered with an error status; `body` is RouterOS's `{error, message, detail}` when it sent one. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const detail = typeof body === "object" && body !== null ? (body as { detail?: string; message?: string }) : {};
    super(`HTTP ${status}${detail.message ? ` ${detail.message}` : ""}${detail.detail ? `: ${detail.detail}` : ""}`);
  }
}

/**
 * The router refused the command over the API protocol: a `!trap` with RouterOS's `message` (REST's `detail`),
 * as a 4xx refuses it over REST. `login`: the refusal was of the user and password (REST's 401).
 */
export class TrapError extends Error {
  constructor(
    message: string,
    readonly category?: string,
    readonly login = false,
  ) {
    super(message);
  }
}

/**
 * No usable answer: a timeout, a reset, a refused connection, a refused
 * certificate, a body that is not JSON, or one past a limit (too large, not
 * UTF-8, nested too deep: `bad-reply`).
 */
export class NetworkError extends Error {
  constructor(
    readonly kind: "timeout" | "reset" | "unreachable" | "tls" | "not-json" | "bad-reply",
    message: string,
  ) {
    super(message);
  }
}

/** RouterOS refused this one request with its own error body (`{error: <number>, ...}`, or a `!trap`): 4xx, but not 401. */
export function isRefusal(err: unknown): boolean {
  if (err instanceof TrapError) return !err.login;
  return (
    err instanceof HttpError &&
    err.status !== 401 &&
    err.status < 500 &&
    typeof (err.body as { error?: unknown } | undefined)?.error === "number"
  );
}

/** Worth another try: server errors and lost connections, never 4xx or a non-JSON body. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof HttpError) return err.status >= 500;
  if (err instanceof TrapError) return false;
  return err instanceof NetworkError && err.kind !== "not-json" && err.kind !== "tls" && err.kind !== "bad-reply";
}

/** Signs that the router itself is in trouble (not just this request): worth a health check. */
export function isLostConnection(err: unknown): boolean {
  return err instanceof NetworkError && (err.kind === "timeout" || err.kind === "reset" || err.kind === "unreachable");
}

/** The user and password were refused (HTTP 401, or the API's `/login` trapped). */
export const isLoginRefused = (err: unknown): boolean =>
  (err instanceof HttpError && err.status === 401) || (err instanceof TrapError && err.login);
