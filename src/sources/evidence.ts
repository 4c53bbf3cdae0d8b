/**
 * Evidence by name, fetched and cached as trees are (`fetchCached`: the same cache, ETag revalidation, the cached
 * copy when offline, the size cap):
 * - `probe:<version>`: the observed required-args probe tikoci/lsp-routeros-ts publishes
 *   (`<base>/required-args.v<version>.json` and its `.meta.json`; env `ROSAPI_PROBE_BASE`);
 * - `ansible:<version>` / `ansible:latest`: community.routeros's `_api_data.py` at that tag
 *   (`<base>/<tag>/plugins/module_utils/_api_data.py`; env `ROSAPI_ANSIBLE_BASE`; `latest` is the highest stable tag
 *   of `ROSAPI_ANSIBLE_TAGS`). GPL: fetched where it is published, never shipped.
 * A body that is not what its name promises is refused before it is cached.
 */
import { readFile } from "node:fs/promises";
import { UserError } from "../io/errors.js";
import { parseJson } from "../io/files.js";
import { compareVersions } from "../model/merge.js";
import { readFactFile, type FactInput } from "../facts/index.js";
import { defaultCacheDir, fetchCached } from "./index.js";

const PROBE_BASE = "https://raw.githubusercontent.com/tikoci/lsp-routeros-ts/main/test-data";
const ANSIBLE_BASE = "https://raw.githubusercontent.com/ansible-collections/community.routeros";
const ANSIBLE_TAGS = "https://api.github.com/repos/ansible-collections/community.routeros/tags?per_page=100";

export interface EvidenceSourceOptions {
  /** Where `probe:<version>` is fetched from (env `ROSAPI_PROBE_BASE`). */
  probeBase?: string;
  /** Where `ansible:<version>` is fetched from (env `ROSAPI_ANSIBLE_BASE`). */
  ansibleBase?: string;
  /** The tag listing `ansible:latest` reads (env `ROSAPI_ANSIBLE_TAGS`; GitHub's `[{name}]`). */
  ansibleTags?: string;
  cacheDir?: string;
}

const NAMED = /^(probe|ansible):(latest|[0-9][0-9A-Za-z.]*)$/;
const STABLE = /^[0-9]+(\.[0-9]+)+$/;

/** Whether a `--facts` value names a source rather than a file. */
export const isNamedEvidence = (spec: string): boolean => /^(probe|ansible):/.test(spec);

function settings(options: EvidenceSourceOptions) {
  const env = process.env;
  return {
    probeBase: (options.probeBase ?? env["ROSAPI_PROBE_BASE"] ?? PROBE_BASE).replace(/\/+$/, ""),
    ansibleBase: (options.ansibleBase ?? env["ROSAPI_ANSIBLE_BASE"] ?? ANSIBLE_BASE).replace(/\/+$/, ""),
    ansibleTags: options.ansibleTags ?? env["ROSAPI_ANSIBLE_TAGS"] ?? ANSIBLE_TAGS,
    cacheDir: options.cacheDir ?? defaultCacheDir(),
  };
}

const jsonCheck = (url: string) => (body: string) => void parseJson(body, url);

/** The evidence a name gives, read as the same file given by path would be. */
export async function fetchEvidence(spec: string, options: EvidenceSourceOptions = {}): Promise<FactInput> {
  const parts = NAMED.exec(spec);
  if (!parts) throw new UserError(`${spec}: expected probe:<version>, ansible:<version> or ansible:latest`);
  const s = settings(options);
  const [, kind, version] = parts as unknown as [string, "probe" | "ansible", string];
  if (kind === "probe") {
    if (version === "latest") throw new UserError(`${spec}: name the probe's RouterOS version (probe:7.22.1)`);
    const url = `${s.probeBase}/required-args.v${version}.json`;
    const metaUrl = url.replace(/\.json$/, ".meta.json");
    const metaFile = await fetchCached(metaUrl, s.cacheDir, { check: jsonCheck(metaUrl), what: "an evidence file" });
    const file = await fetchCached(url, s.cacheDir, { check: jsonCheck(url), what: "an evidence file" });
    return readFactFile(file, { metaFile });
  }
  const tag = version === "latest" ? await latestTag(s.ansibleTags, s.cacheDir) : version;
  const url = `${s.ansibleBase}/${tag}/plugins/module_utils/_api_data.py`;
  const file = await fetchCached(url, s.cacheDir, {
    what: "an evidence file",
    check: (body) => {
      if (!/^PATHS\s*=/m.test(body)) throw new UserError(`${url} has no PATHS = {...}: not Ansible's _api_data.py, or its format changed`);
    },
  });
  const input = await readFactFile(file);
  return input.kind === "ansible" ? { ...input, collectionVersion: tag } : input;
}

async function latestTag(listing: string, cacheDir: string): Promise<string> {
  const file = await fetchCached(listing, cacheDir, { check: jsonCheck(listing), what: "a tag listing" });
  const tags = parseJson(await readFile(file, "utf8"), listing);
  const names = (Array.isArray(tags) ? tags : [])
    .map((t: unknown) => (t as { name?: unknown } | null)?.name)
    .filter((n): n is string => typeof n === "string" && STABLE.test(n))
    .sort(compareVersions);
  const latest = names.at(-1);
  if (!latest) throw new UserError(`${listing} lists no stable community.routeros release`);
  return latest;
}
