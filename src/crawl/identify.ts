/**
 * Who the router is: version, architecture and board from /system/resource
 * (which also tells that this is RouterOS at all), packages from
 * /system/package. Facts besides the version are best effort.
 */
import { UserError } from "../io/errors.js";
import type { ModelHeader } from "../model/types.js";
import { HttpError, NetworkError, type RestClient } from "../transport/index.js";

type Facts = Pick<ModelHeader, "version" | "architecture" | "board" | "packages" | "unknown">;

/** Turns the first failure of a crawl into one clear message. */
export function explainFailure(err: unknown, url: string, user: string): Error {
  if (err instanceof UserError) return err;
  if (err instanceof HttpError && err.status === 401) return new UserError(`${url}: user ${user} was refused (401 Unauthorized): check the user and password`);
  if (err instanceof NetworkError && (err.kind === "unreachable" || err.kind === "tls" || err.kind === "timeout" || err.kind === "reset")) {
    return new UserError(`cannot reach ${url}: ${err.message}`);
  }
  if (err instanceof NetworkError || err instanceof HttpError) return new UserError(`${url} does not answer like RouterOS's REST API (${err.message})`);
  return err instanceof Error ? err : new Error(String(err));
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

export async function identify(client: RestClient): Promise<Facts> {
  const answer = await client.get("system/resource");
  // Very old builds answer a one-element array.
  const resource = (Array.isArray(answer) ? answer[0] : answer) as Record<string, unknown> | undefined;
  const version = text(resource?.["version"]);
  if (!version) throw new NetworkError("not-json", "GET /system/resource has no version");
  const facts: Facts = { version: version.replace(/\s*\(.*\)$/, "") };
  const unknown: string[] = [];
  const architecture = text(resource?.["architecture-name"]);
  const board = text(resource?.["board-name"]);
  if (architecture) facts.architecture = architecture;
  else unknown.push("architecture");
  if (board) facts.board = board;
  else unknown.push("board");
  try {
    const packages = (await client.get("system/package")) as Record<string, unknown>[];
    facts.packages = packages.map((p) => text(p["name"])).filter((n): n is string => n !== undefined).sort();
  } catch (err) {
    if (err instanceof HttpError && err.status === 401) throw err;
    unknown.push("packages");
  }
  if (unknown.length) facts.unknown = unknown;
  return facts;
}
