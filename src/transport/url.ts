/** The router's REST base as typed by a user: checked, echoed without a password, and compared by what it names. */
import { UserError } from "../io/errors.js";

/** The text of a URL with any password replaced, for messages: a malformed URL may still carry one. */
export function redactUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, "$1:***@").replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/:]*@/i, "$1***@");
}

/** The schemes of REST (`http:`, `https:`) and of the API protocol (`api:`, TCP 8728; `api-ssl:`, TLS 8729). */
const REST_SCHEMES = ["http:", "https:"];
export const API_SCHEMES = ["api:", "api-ssl:"];
const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443", "api:": "8728", "api-ssl:": "8729" };

/**
 * Parses `http(s)://host[:port]/rest` (and, where `api` is set, `api://host[:8728]` or `api-ssl://host[:8729]`),
 * refusing anything else with one message that never shows a password.
 */
export function parseRouterUrl(text: string, api = false): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`not a URL: ${redactUrl(text)}`);
  }
  const schemes = api ? [...REST_SCHEMES, ...API_SCHEMES] : REST_SCHEMES;
  if (!schemes.includes(url.protocol))
    throw new UserError(`not an ${api ? "http(s):// or api(-ssl)://" : "http(s)"} URL: ${redactUrl(text)}`);
  if (url.username || url.password) throw new UserError("put credentials in --user and --password-env, not in the URL");
  return url;
}

/** The REST base path of a URL: `/rest` when none is given. */
export const restBase = (url: URL): string => url.pathname.replace(/\/+$/, "") || "/rest";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * One spelling per router: scheme, host (every loopback name as 127.0.0.1),
 * port (the scheme's default made explicit), base path without trailing
 * slashes. Two URLs that name the same router this way compare equal.
 */
export function normalizeRouterUrl(text: string): string {
  const url = parseRouterUrl(text, true);
  const host = LOOPBACK.has(url.hostname) || /^127\./.test(url.hostname) ? "127.0.0.1" : url.hostname;
  const port = url.port || DEFAULT_PORTS[url.protocol]!;
  return `${url.protocol}//${host}:${port}${API_SCHEMES.includes(url.protocol) ? "" : restBase(url)}`;
}
