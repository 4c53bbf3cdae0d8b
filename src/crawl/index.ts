export { crawl, Crawl, DEFAULT_CONCURRENCY, type CrawlOptions, type CrawlProgress } from "./crawler.js";
