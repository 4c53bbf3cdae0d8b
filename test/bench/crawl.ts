/**
 * Benchmark: crawling the 7.22.3 deep dump served by the simulator with
 * --rtt-ms 5 --service-ms 0.5, our crawl against the plan older crawlers use
 * (child on every node, syntax and completion per arg, one request at a time).
 *
 *   npm run bench:crawl                 our crawl at the default concurrency
 *   CONCURRENCY=4,8,16,32 npm run bench:crawl   a sweep
 */
import { Pool } from "undici";
import { crawl, DEFAULT_CONCURRENCY } from "../../src/crawl/index.js";
import { loadModel } from "../../src/model/load.js";
import { forEachMenu } from "../../src/model/walk.js";
import { startSimulator } from "../../src/simulator/index.js";
import { DUMPS_DIR } from "../helpers/dumps.js";

const RTT_MS = 5;
const SERVICE_MS = 0.5;
const model = await loadModel(`${DUMPS_DIR}7.22.3/deep-inspect.json`);
const sim = await startSimulator({ model, rttMs: RTT_MS, serviceMs: SERVICE_MS });
console.log(`crawl bench: 7.22.3 deep, simulator rtt ${RTT_MS} ms, service ${SERVICE_MS} ms (one request at a time)`);

const concurrencies = (process.env.CONCURRENCY ?? String(DEFAULT_CONCURRENCY)).split(",").map(Number);
let ours = { seconds: 0, requests: 0 };
for (const concurrency of concurrencies) {
  const t0 = performance.now();
  const crawled = await crawl({ url: sim.url, user: "admin", password: "", concurrency });
  const seconds = (performance.now() - t0) / 1000;
  const requests = crawled.header.stats!.requests;
  const floor = Math.max((requests * SERVICE_MS) / 1000, (requests * RTT_MS) / concurrency / 1000);
  console.log(
    `  ours, concurrency ${String(concurrency).padStart(2)}: ${seconds.toFixed(1)} s, ${requests} requests, ${(requests / seconds).toFixed(0)} req/s; floor ${floor.toFixed(1)} s (${((seconds / floor - 1) * 100).toFixed(0)}% above)`,
  );
  if (concurrency === DEFAULT_CONCURRENCY || concurrencies.length === 1) ours = { seconds, requests };
}

// The old plan: every node gets `child`, every arg `syntax` and `completion`, serially.
const paths: string[][] = [];
const oldPlan: { request: string; path: string }[] = [];
forEachMenu(model.root, (menu, path) => {
  paths.push(path);
  for (const [name, command] of Object.entries(menu.commands)) {
    paths.push([...path, name]);
    for (const arg of Object.keys(command.args)) {
      const argPath = [...path, name, arg].join(",");
      oldPlan.push({ request: "child", path: argPath }, { request: "syntax", path: argPath }, { request: "completion", path: argPath });
    }
  }
});
for (const path of paths) oldPlan.push({ request: "child", path: path.join(",") });
const sample = 1500;
const pool = new Pool(new URL(sim.url).origin, { connections: 1 });
const headers = { authorization: `Basic ${Buffer.from("admin:").toString("base64")}`, "content-type": "application/json" };
const t0 = performance.now();
for (let i = 0; i < sample; i++) {
  const task = oldPlan[Math.floor((i * oldPlan.length) / sample)]!;
  const res = await pool.request({ method: "POST", path: "/rest/console/inspect", headers, body: JSON.stringify(task) });
  await res.body.text();
}
const perRequest = (performance.now() - t0) / 1000 / sample;
const oldSeconds = perRequest * oldPlan.length;
console.log(
  `  old plan: ${oldPlan.length} requests (exact), serial; measured ${sample} spread over the plan at ${(perRequest * 1000).toFixed(2)} ms each -> ${oldSeconds.toFixed(0)} s (extrapolated)`,
);
console.log(`  speed-up: ${(oldSeconds / ours.seconds).toFixed(1)}x   (target >= 10x)`);
await pool.close();
await sim.close();
