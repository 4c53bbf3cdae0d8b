/**
 * `rosapi crawl` against hostile routers: one answer (the completion of
 * /ip/address/add/comment) never ends, nests 100,000 deep, is not UTF-8,
 * lists a million completions, or drips a byte per second. Each crawl ends in
 * bounded time with one line naming the path, its peak memory stays under
 * 300 MB, and the crawl stays resumable.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { PEAK_RSS_ARGS, peakRss, runCli, withoutPeak } from "../helpers/cli.js";
import { tamperingProxy, type Hostile } from "./proxy.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-hostile-"));
const sim = await startSimulator({ model: sampleModel() });
/** Whether the proxy is hostile now: a resumed crawl meets a well-behaved router. */
let hostile: Hostile | undefined;
const target = JSON.stringify({ request: "completion", path: "ip,address,add,comment" });
const proxy = await tamperingProxy(sim, (_path, body) => (body === target ? hostile : undefined));
afterAll(async () => {
  await proxy.close();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
const row = (i: number) => JSON.stringify({ completion: `word${i}`, offset: "0", preference: "96", show: "true", style: "none", text: "" });

/** Writes `parts()` pieces while the client reads them, until it is done or the connection closes. */
function stream(res: ServerResponse, next: () => string | undefined): void {
  res.writeHead(200, { "content-type": "application/json" });
  let closed = false;
  res.once("close", () => (closed = true));
  const pump = () => {
    for (let part = next(); !closed; part = next()) {
      if (part === undefined) return void res.end();
      if (!res.write(part)) return void res.once("drain", pump);
    }
  };
  pump();
}

const endless: Hostile = (res) => {
  let i = 0;
  const chunk = Array.from({ length: 1000 }, (_, j) => row(j)).join(",");
  stream(res, () => (i++ === 0 ? "[" : `${chunk},`));
};

const millionCompletions: Hostile = (res) => {
  let i = 0;
  stream(res, () => {
    if (i === 0) return (i++, "[" + row(0));
    if (i > 1_000_000) return undefined;
    const part = Array.from({ length: 1000 }, (_, j) => "," + row(i + j)).join("");
    i += 1000;
    return i > 1_000_000 ? part + "]" : part;
  });
};

const deep: Hostile = (res) =>
  void res.writeHead(200, { "content-type": "application/json" }).end("[".repeat(100_000) + "]".repeat(100_000));

const invalidUtf8: Hostile = (res) =>
  void res
    .writeHead(200, { "content-type": "application/json" })
    .end(Buffer.from([0x5b, 0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x22, 0x22, 0x7d, 0x5d]));

/** One byte per second, for ever: the crawl's time limit ends it, not the drip (1 s: short, yet long enough that a sane answer on a busy machine is not cut too). */
const drip: Hostile = (res) => {
  res.writeHead(200, { "content-type": "application/json" });
  const timer = setInterval(() => res.write(" "), 1000);
  res.once("close", () => clearInterval(timer));
  res.write("[");
};

const crawlArgs = (out: string, ...more: string[]) => ["crawl", "--url", proxy.url, "--user", "admin", "--out", out, ...more];
const figures: string[] = [];
afterAll(() => console.log(`[hostile routers] crawl peak memory: ${figures.join(", ")}`));

describe("rosapi crawl against a hostile router", () => {
  it.each([
    [
      "an endless body",
      endless,
      /^rosapi: completion \/ip\/address\/add\/comment: answer to POST console\/inspect is larger than 4 MiB: cut off;/,
    ],
    [
      "a million completions",
      millionCompletions,
      /^rosapi: completion \/ip\/address\/add\/comment: answer to POST console\/inspect is larger than 4 MiB/,
    ],
    [
      "a body nested 100,000 deep",
      deep,
      /^rosapi: completion \/ip\/address\/add\/comment: answer to POST console\/inspect is nested deeper than 128 levels;/,
    ],
    [
      "invalid UTF-8",
      invalidUtf8,
      /^rosapi: completion \/ip\/address\/add\/comment: answer to POST console\/inspect is not valid UTF-8 \(HTTP 200\);/,
    ],
  ])("%s: one line naming the path, bounded memory, and --resume finishes against a sane router", async (name, answer, message) => {
    const out = join(dir, `${name.replace(/\W+/g, "-")}.json`);
    hostile = answer;
    const failed = await runCli(crawlArgs(out), { nodeArgs: PEAK_RSS_ARGS });
    hostile = undefined;
    figures.push(`${name} ${(peakRss(failed.stderr) / MB).toFixed(0)} MB`);
    expect(failed.code).toBe(1);
    const lines = withoutPeak(failed.stderr).trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/run the same command with --resume to continue$/);
    expect(peakRss(failed.stderr)).toBeLessThan(300 * MB);
    expect(existsSync(`${out}.checkpoint`)).toBe(true);

    const resumed = await runCli(crawlArgs(out, "--resume"));
    expect(resumed.stderr).toMatch(/^crawled RouterOS 7\.22\.3/);
    expect(resumed.code).toBe(0);
  });

  it("drips a byte per second: the request's time limit ends each try; after the retries, one line naming the path, resumable", async () => {
    const out = join(dir, "drip.json");
    hostile = drip;
    const result = await runCli(crawlArgs(out, "--timeout", "1000"), { nodeArgs: PEAK_RSS_ARGS });
    hostile = undefined;
    figures.push(`drip ${(peakRss(result.stderr) / MB).toFixed(0)} MB`);
    const lines = withoutPeak(result.stderr).trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(
        /^rosapi: completion ip,address,add,comment: still failing after 8 retries: no answer within 1000 ms;.* --resume to continue$/,
      ),
    ]);
    expect(result.code).toBe(1);
    expect(peakRss(result.stderr)).toBeLessThan(300 * MB);
    expect(existsSync(`${out}.checkpoint`)).toBe(true);
  });
});
