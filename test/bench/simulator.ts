/**
 * Benchmark: the simulator's own throughput on /console/inspect, no delays
 * configured, over keep-alive HTTP (undici Pool). Target: 5,000 requests/s,
 * so that it never limits a crawl benchmark.
 *
 *   npm run bench:simulator
 */
import { Pool } from "undici";
import { loadModel } from "../../src/model/load.js";
import { forEachCommand } from "../../src/model/walk.js";
import { startSimulator } from "../../src/simulator/index.js";
import { DUMPS_DIR } from "../helpers/dumps.js";

const file = `${DUMPS_DIR}7.22.3/deep-inspect.json`;
const model = await loadModel(file);
const bodies: string[] = [];
forEachCommand(model.root, (command, name, menuPath) => {
  bodies.push(JSON.stringify({ request: "child", path: [...menuPath, name].join(",") }));
  for (const arg of Object.keys(command.args)) {
    for (const request of ["syntax", "completion"]) bodies.push(JSON.stringify({ request, path: [...menuPath, name, arg].join(",") }));
  }
});

const sim = await startSimulator({ model });
const connections = 8;
const pool = new Pool(new URL(sim.url).origin, { connections });
const headers = { authorization: `Basic ${Buffer.from("admin:").toString("base64")}`, "content-type": "application/json" };
const total = Math.min(bodies.length, 40_000);
let next = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: connections * 2 }, async () => {
    while (next < total) {
      const res = await pool.request({ method: "POST", path: "/rest/console/inspect", headers, body: bodies[next++]! });
      await res.body.text();
    }
  }),
);
const seconds = (performance.now() - start) / 1000;
await pool.close();
await sim.close();
console.log(`simulator: ${total} inspect requests (7.22.3 deep) over ${connections} keep-alive connections`);
console.log(`  ${(total / seconds).toFixed(0)} requests/s   (target >= 5000)   ${seconds.toFixed(2)} s`);
