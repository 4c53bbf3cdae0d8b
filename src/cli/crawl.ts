import type { Command } from "commander";

/** Stub until the crawl command lands. */
export function registerCrawl(program: Command): void {
  program.command("crawl").description("(not yet built)");
}
