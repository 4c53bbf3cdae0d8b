export { crawl, Crawl, type CrawlProgress } from "./crawler.js";
export { CRAWL_DEFAULTS, DEFAULT_CONCURRENCY, resolveCrawlOptions, type CrawlOptions, type ResolvedCrawlOptions } from "./options.js";
export { type RouterIdentity } from "./checkpoint.js";
