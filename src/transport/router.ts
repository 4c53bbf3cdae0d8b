/**
 * How rosapi reaches a router (crawl, mcp): by operations, as the generated
 * client calls them (its Transport seam, src/templates/runtime.ts), over REST
 * (RestClient) or the API protocol (ApiClient), as the URL's scheme says.
 */
import type { Operation } from "../templates/runtime.js";
import { ApiClient } from "./api.js";
import { RestClient, type ClientOptions } from "./client.js";
import { API_SCHEMES, parseRouterUrl } from "./url.js";

export type { Operation };

export interface RouterTransport {
  /** REST sends each operation as one HTTP request (restRequest); the API as a command and its replies. */
  readonly protocol: "rest" | "api";
  /**
   * Carries out one operation within `timeoutMs` (default: the client's). RouterOS's refusals are HttpError
   * (REST) or TrapError (API); no answer is NetworkError.
   */
  call(op: Operation, timeoutMs?: number): Promise<unknown>;
  /** Operations sent. */
  readonly sent: number;
  close(): Promise<void>;
}

/** `http(s)://host/rest` → REST; `api://host[:8728]`, `api-ssl://host[:8729]` → the API protocol. */
export function openRouter(options: ClientOptions): RouterTransport {
  const { protocol } = parseRouterUrl(options.url, true);
  return API_SCHEMES.includes(protocol) ? new ApiClient(options) : new RestClient(options);
}
