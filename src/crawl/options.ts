/** What a crawl can be told, and every default in one place: the CLI shows these, the crawler reads only the resolved object. */
import type { SchemaModel } from "../model/types.js";
import { DEFAULT_TIMEOUT_MS, type ClientOptions } from "../transport/index.js";

export interface CrawlOptions extends Omit<ClientOptions, "connections"> {
  /** Requests in flight. */
  concurrency?: number;
  /** Menus to crawl (`ip`, `system/identity`); default all. */
  only?: string[];
  /** Answer log for --resume; none when absent. */
  checkpointFile?: string;
  resume?: boolean;
  /** Resume even when the checkpoint was made on another router or version (what differs is mixed into the tree). */
  forceResume?: boolean;
  /** Tries after the first, per request. */
  retries?: number;
  /** How long a router may stay silent before the crawl gives up. */
  healthDeadlineMs?: number;
  /**
   * Stores the finished tree (the CLI writes --out): called before the
   * checkpoint is removed, so that a failed write leaves the crawl resumable.
   */
  save?: (model: SchemaModel) => Promise<void>;
  /** The router has been silent for `silentMs` (undefined: it answers again). */
  onSilence?: (silentMs: number | undefined, deadlineMs: number) => void;
}

export const CRAWL_DEFAULTS = {
  /**
   * Found by measurement (npm run bench:crawl, rtt 5 ms, service 0.5 ms): 8 in
   * flight leave the crawl 14% above its floor, 16 reach it (1%), 32 add nothing.
   */
  concurrency: 16,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  retries: 8,
  /** A RouterOS reboot takes about a minute; an upgrade a few. */
  healthDeadlineMs: 180_000,
} as const;

export type ResolvedCrawlOptions = CrawlOptions & { -readonly [K in keyof typeof CRAWL_DEFAULTS]: number } & {
  resume: boolean;
  forceResume: boolean;
};

export function resolveCrawlOptions(options: CrawlOptions): ResolvedCrawlOptions {
  return {
    ...options,
    concurrency: options.concurrency ?? CRAWL_DEFAULTS.concurrency,
    timeoutMs: options.timeoutMs ?? CRAWL_DEFAULTS.timeoutMs,
    retries: options.retries ?? CRAWL_DEFAULTS.retries,
    healthDeadlineMs: options.healthDeadlineMs ?? CRAWL_DEFAULTS.healthDeadlineMs,
    resume: options.resume ?? false,
    forceResume: options.forceResume ?? false,
  };
}

/** The default number of requests in flight (the bench starts from it). */
export const DEFAULT_CONCURRENCY = CRAWL_DEFAULTS.concurrency;
