/**
 * Where a tree comes from: a local file, a URL, or restraml's published dump
 * of a RouterOS version (`restraml:7.22.3`, `restraml:7.22.3/extra`,
 * `restraml:latest`). Remote trees go through a local cache that revalidates
 * with the server's ETag, serves the cached copy when the network is gone,
 * and says in one line when neither the server nor the cache has it.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { UserError } from "../io/errors.js";
import { MAX_FILE_BYTES, writeFileAtomic } from "../io/files.js";
import { readAtMost } from "../io/stream.js";
import { compareVersions } from "../model/merge.js";

/** restraml's GitHub Pages: `<base>/<version>/inspect.json`, `<base>/<version>/extra/inspect.json`. */
const RESTRAML_BASE = "https://tikoci.github.io/restraml";
/** The listing of restraml's published versions (GitHub's contents API of its `docs` folder: `[{name, type}]`). */
const RESTRAML_INDEX = "https://api.github.com/repos/tikoci/restraml/contents/docs";

export interface SourceOptions {
  /** restraml's base URL (env `ROSAPI_RESTRAML_BASE`). */
  restramlBase?: string;
  /** The listing `restraml:latest` reads (env `ROSAPI_RESTRAML_INDEX`). */
  restramlIndex?: string;
  /** The cache folder (env `ROSAPI_CACHE`; default `$XDG_CACHE_HOME/rosapi` or `~/.cache/rosapi`). */
  cacheDir?: string;
}

const RESTRAML = /^restraml:(.+)$/;
const VERSION_SPEC = /^(latest|[0-9][0-9A-Za-z.]*)(\/extra)?$/;
/** A stable release folder (`7.22.3`), not a beta or rc. */
const STABLE = /^[0-9]+(\.[0-9]+)+$/;

const isRemote = (spec: string): boolean => RESTRAML.test(spec) || /^https?:\/\//i.test(spec);

function settings(options: SourceOptions): Required<SourceOptions> {
  const env = process.env;
  return {
    restramlBase: (options.restramlBase ?? env["ROSAPI_RESTRAML_BASE"] ?? RESTRAML_BASE).replace(/\/+$/, ""),
    restramlIndex: options.restramlIndex ?? env["ROSAPI_RESTRAML_INDEX"] ?? RESTRAML_INDEX,
    cacheDir: options.cacheDir ?? defaultCacheDir(),
  };
}

/** The server has no such file (404, 410), or neither the network nor the cache has it. */
class NotAvailable extends UserError {
  override name = "NotAvailable";
}

/**
 * A local path for a tree: the spec itself when it is a file, else the cached copy of what it names. For
 * `restraml:<version>` the typed deep-inspect.json where restraml publishes one, the plain inspect.json otherwise.
 */
export async function resolveSource(spec: string, options: SourceOptions = {}): Promise<string> {
  if (!isRemote(spec)) return spec;
  const s = settings(options);
  const url = await sourceUrl(spec, s);
  if (!RESTRAML.test(spec)) return fetchCached(url, s.cacheDir);
  try {
    return await fetchCached(url.replace(/inspect\.json$/, "deep-inspect.json"), s.cacheDir);
  } catch (err) {
    if (!(err instanceof NotAvailable)) throw err;
    return fetchCached(url, s.cacheDir);
  }
}

/** The URL a spec names. */
export async function sourceUrl(spec: string, options: SourceOptions = {}): Promise<string> {
  const named = RESTRAML.exec(spec)?.[1];
  if (named === undefined) return spec;
  const parts = VERSION_SPEC.exec(named);
  if (!parts) throw new UserError(`${spec}: expected restraml:<version>, restraml:<version>/extra or restraml:latest`);
  const s = settings(options);
  const version = parts[1] === "latest" ? await latestVersion(s) : parts[1]!;
  return `${s.restramlBase}/${version}${parts[2] ?? ""}/inspect.json`;
}

/** The URL of restraml's architecture comparison beside a `restraml:<version>/extra` tree; undefined for any other spec. */
export async function archDiffUrl(spec: string, options: SourceOptions = {}): Promise<string | undefined> {
  const named = RESTRAML.exec(spec)?.[1];
  if (!named?.endsWith("/extra")) return undefined;
  return (await sourceUrl(spec, options)).replace(/[^/]+$/, "diff-deep-inspect.json");
}

async function latestVersion(s: Required<SourceOptions>): Promise<string> {
  const file = await fetchCached(s.restramlIndex, s.cacheDir);
  let listing: unknown;
  try {
    listing = JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new UserError(`${s.restramlIndex} is not a JSON listing of restraml's versions`);
  }
  const versions = (Array.isArray(listing) ? listing : [])
    .filter((e: unknown): e is { name: string; type?: string } => {
      const entry = e as { name?: unknown; type?: unknown } | null;
      return typeof entry?.name === "string" && (entry.type === undefined || entry.type === "dir");
    })
    .map((e) => e.name)
    .filter((name) => STABLE.test(name))
    .sort(compareVersions);
  const latest = versions.at(-1);
  if (!latest) throw new UserError(`${s.restramlIndex} lists no stable RouterOS version`);
  return latest;
}

interface CacheMeta {
  url: string;
  etag?: string;
  lastModified?: string;
}

/** The cache folder: env `ROSAPI_CACHE`, else `$XDG_CACHE_HOME/rosapi` or `~/.cache/rosapi`. */
export const defaultCacheDir = (): string =>
  process.env["ROSAPI_CACHE"] ?? join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "rosapi");

/**
 * The cached copy of a URL, revalidated: 304 keeps it, 200 replaces it, no answer falls back to it. `check` reads a
 * new body before it is kept (throwing a UserError refuses it): a malformed answer changes nothing in the cache.
 */
export async function fetchCached(
  url: string,
  cacheDir: string,
  { check, what = "a tree" }: { check?: (body: string) => void; what?: string } = {},
): Promise<string> {
  const key = createHash("sha256").update(url).digest("hex").slice(0, 32);
  // The URL's path is kept under the key: a tree's version is read from its folder (`.../7.22.3/inspect.json`).
  const segments = new URL(url).pathname.split("/").filter((part) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(part));
  const file = join(cacheDir, key, ...(segments.length ? segments : ["body"]));
  const metaFile = join(cacheDir, `${key}.json`);
  const cached = await stat(file).then(
    () => true,
    () => false,
  );
  const meta: CacheMeta | undefined = cached
    ? await readFile(metaFile, "utf8").then(
        (t) => JSON.parse(t) as CacheMeta,
        () => undefined,
      )
    : undefined;
  const headers: Record<string, string> = { "user-agent": "rosapi" };
  if (meta?.etag) headers["if-none-match"] = meta.etag;
  else if (meta?.lastModified) headers["if-modified-since"] = meta.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(60_000) });
  } catch (err) {
    if (cached) return file;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new NotAvailable(
      `cannot fetch ${url} (${cause?.code ?? cause?.message ?? (err as Error).message}) and it is not in the cache ${cacheDir}`,
    );
  }
  if (response.status === 304 && cached) return file;
  if (!response.ok) {
    await response.body?.cancel();
    const message = `cannot fetch ${url}: HTTP ${response.status} ${response.statusText}`.trim();
    throw response.status === 404 || response.status === 410 ? new NotAvailable(message) : new UserError(message);
  }
  const bytes = response.body ? await readAtMost(response.body, MAX_FILE_BYTES) : Buffer.alloc(0);
  if (!bytes) throw new UserError(`${url} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MiB: not ${what} rosapi reads`);
  const body = bytes.toString("utf8");
  check?.(body);
  await writeFileAtomic(file, body);
  const etag = response.headers.get("etag");
  const lastModified = response.headers.get("last-modified");
  await writeFileAtomic(
    metaFile,
    JSON.stringify({ url, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) } satisfies CacheMeta),
  );
  return file;
}
