import type { Command } from "commander";
import { runDemo } from "../demo.js";
import { action } from "./run.js";

export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("Crawl the built-in simulator serving the sample tree, and generate everything from the crawl (what `npm start` runs)")
    .option("--out <dir>", "output directory", "generated/sample")
    .action(
      action(async (flags: { out: string }) => {
        const { model, files, simulatorUrl } = await runDemo(flags.out);
        const stats = model.header.stats!;
        process.stdout.write(
          [
            `simulator: RouterOS ${model.header.version} sample tree at ${simulatorUrl}`,
            `crawl:     ${stats.requests} requests in ${stats.durationMs} ms, ${stats.retries} retries, ${stats.skipped.length} skipped`,
            `generated: ${files.length} files in ${flags.out}/ (openapi.json, openapi.yaml, postman.json, client/)`,
            "",
          ].join("\n"),
        );
      }),
    );
}
