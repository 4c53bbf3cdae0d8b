/**
 * Who the router is: version, architecture and board from /system/resource,
 * packages from /system/package. All best effort: a RouterOS that refuses
 * those calls (its own error body) is still crawled and the header says what
 * is unknown; a server that answers something else is not RouterOS.
 */
import { UserError } from "../io/errors.js";
import type { ModelHeader } from "../model/types.js";
import { HttpError, isLoginRefused, isRefusal, NetworkError, redactUrl, TrapError, type RouterTransport } from "../transport/index.js";

type Facts = Pick<ModelHeader, "version" | "architecture" | "board" | "packages" | "unknown">;

/** Turns the first failure of a crawl into one clear message. */
export function explainFailure(err: unknown, typedUrl: string, user: string): Error {
  if (err instanceof UserError) return err;
  const url = redactUrl(typedUrl);
  // A TLS port closes a plain HTTP request without an answer.
  if (err instanceof NetworkError && err.kind === "reset" && url.startsWith("http:")) {
    return new UserError(`cannot reach ${url}: ${err.message}; if this port serves HTTPS (RouterOS's www-ssl), use https://`);
  }
  if (isLoginRefused(err))
    return new UserError(
      `${url}: user ${user} was refused (${err instanceof TrapError ? err.message : "401 Unauthorized"}): check the user and password`,
    );
  if (err instanceof NetworkError && (err.kind === "unreachable" || err.kind === "tls" || err.kind === "timeout" || err.kind === "reset")) {
    return new UserError(`cannot reach ${url}: ${err.message}`);
  }
  if (err instanceof NetworkError || err instanceof HttpError || err instanceof TrapError)
    return new UserError(`${url} does not answer like RouterOS's ${url.startsWith("api") ? "API" : "REST API"} (${err.message})`);
  return err instanceof Error ? err : new Error(String(err));
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The call that says who the router is; the health check repeats it. */
export const SYSTEM_RESOURCE = { menu: "/system/resource", verb: "get" } as const;

const RESOURCE_FACTS = ["version", "board-name", "architecture-name"] as const;

/** GET /system/resource; undefined when RouterOS refuses it (a user without the policy): the crawl goes on without those facts. */
async function resource(client: RouterTransport): Promise<Record<string, unknown> | undefined> {
  let answer: unknown;
  try {
    answer = await client.call(SYSTEM_RESOURCE);
  } catch (err) {
    if (isRefusal(err)) return undefined;
    throw err;
  }
  // Very old builds answer a one-element array.
  const found = (Array.isArray(answer) ? answer[0] : answer) as Record<string, unknown> | undefined;
  // A simulator of an unversioned tree says no version, but a board or an architecture as RouterOS does.
  if (!RESOURCE_FACTS.some((key) => text(found?.[key])))
    throw new NetworkError("not-json", "GET /system/resource has no version, board or architecture");
  return found;
}

export async function identify(client: RouterTransport): Promise<Facts> {
  const found = await resource(client);
  const facts: Facts = {};
  const unknown: string[] = [];
  const version = text(found?.["version"]);
  const architecture = text(found?.["architecture-name"]);
  const board = text(found?.["board-name"]);
  if (version) facts.version = version.replace(/\s*\(.*\)$/, "");
  else unknown.push("version");
  if (architecture) facts.architecture = architecture;
  else unknown.push("architecture");
  if (board) facts.board = board;
  else unknown.push("board");
  try {
    const packages = (await client.call({ menu: "/system/package", verb: "list" })) as Record<string, unknown>[];
    facts.packages = packages
      .map((p) => text(p["name"]))
      .filter((n): n is string => n !== undefined)
      .sort();
  } catch (err) {
    if (isLoginRefused(err)) throw err;
    unknown.push("packages");
  }
  if (unknown.length) facts.unknown = unknown;
  return facts;
}
