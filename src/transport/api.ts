/**
 * rosapi's client of the API protocol (`api://host[:8728]`, `api-ssl://host[:8729]`): the generated client's
 * ApiTransport (one connection, commands multiplexed by tag) with the REST client's options, its failures sorted as
 * the crawl and MCP sort REST's: RouterOS's `!trap` is a refusal (TrapError), no answer in time a timeout, anything
 * else a connection refused or lost (NetworkError).
 */
import { UserError } from "../io/errors.js";
import { ApiTransport } from "../templates/api-transport.js";
import { RouterOSError, type Operation } from "../templates/runtime.js";
import { DEFAULT_MAX_REPLY_BYTES, DEFAULT_TIMEOUT_MS, readCa, type ClientOptions } from "./client.js";
import { NetworkError, TrapError } from "./errors.js";
import type { RouterTransport } from "./router.js";
import { parseRouterUrl, redactUrl } from "./url.js";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/;

export class ApiClient implements RouterTransport {
  readonly protocol = "api";
  sent = 0;
  private readonly transport: ApiTransport;
  private readonly timeoutMs: number;
  /** A call was answered: a failure after that is a lost connection, before it one that never was. */
  private answered = false;

  constructor(options: ClientOptions) {
    const url = parseRouterUrl(options.url, true);
    if (url.pathname !== "" && url.pathname !== "/")
      throw new UserError(`${redactUrl(options.url)}: an api:// URL names a host and a port, no path`);
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    const tls = url.protocol === "api-ssl:";
    if (!tls && !options.allowPlaintextLogin && !LOOPBACK.test(host))
      throw new UserError(
        `${redactUrl(options.url)}: the password would cross the network unencrypted; use api-ssl://, or --allow-plaintext-login`,
      );
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.transport = new ApiTransport({
      transport: "api",
      host,
      port: Number(url.port || (tls ? 8729 : 8728)),
      username: options.user,
      password: options.password,
      ...(tls ? { tls: options.insecure ? { insecure: true } : options.caFile ? { ca: readCa(options.caFile) } : {} } : {}),
      allowPlaintextLogin: true,
      timeoutMs: this.timeoutMs,
      connectTimeoutMs: this.timeoutMs,
      maxReplyBytes: options.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES,
    });
  }

  async call(op: Operation, timeoutMs = this.timeoutMs): Promise<unknown> {
    this.sent++;
    const call = this.transport.call(op);
    // A call given up on may still fail later: that failure is no one's.
    call.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NetworkError("timeout", `no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const reply = await Promise.race([call, late]);
      this.answered = true;
      return reply;
    } catch (err) {
      throw this.sorted(err);
    } finally {
      clearTimeout(timer);
    }
  }

  private sorted(err: unknown): unknown {
    if (!(err instanceof RouterOSError)) return err;
    if (err.status === 401) return new TrapError(err.detail ?? err.message, undefined, true);
    // RouterOS's own answer carries no detail: a `!trap` (or an item the print did not find).
    if (err.detail === undefined) return new TrapError(err.message, err.category);
    return new NetworkError(this.answered ? "reset" : "unreachable", `${err.message}: ${err.detail}`);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
