/**
 * Benchmark: the generated client (7.22.3 extra) over the API protocol
 * against REST, both against the simulator on this machine:
 * - sequential calls per second (`system.identity.get`, `ip.address.list`);
 * - 16 concurrent calls, on one API connection against 16 REST requests;
 * - the peak memory (max RSS) of a client process reading 1,000,000 `!re` of
 *   a listen slowly (it yields to the event loop after each), from a peer
 *   that sends as fast as the socket takes them.
 *
 *   npm run bench:api
 */
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { encodeSentence, SentenceReader } from "../../src/templates/api-codec.js";
import { loadModel } from "../../src/model/load.js";
import { startSimulator } from "../../src/simulator/index.js";
import { DUMPS_DIR } from "../helpers/dumps.js";
import { removeClient, writeClient } from "../helpers/generated-client.js";

interface Client {
  system: { identity: { get(): Promise<unknown> } };
  ip: { address: { list(): Promise<unknown[]>; add(body: object): Promise<unknown> } };
  close(): Promise<void>;
}

const model = await loadModel(`${DUMPS_DIR}7.22.3/extra/inspect.json`);
const dir = await writeClient(model, "bench-api");
const { createClient } = (await import(join(dir, "client/index.js"))) as { createClient: (options: object) => Client };
const sim = await startSimulator({ model, apiPort: 0 });
const rest = createClient({ baseUrl: sim.url, username: "admin", password: "" });
const api = createClient({ transport: "api", host: "127.0.0.1", port: sim.apiPort, username: "admin", password: "" });
for (let i = 0; i < 10; i++) await rest.ip.address.add({ address: `10.0.0.${i + 1}/24`, interface: "ether1" });

/** Calls per second of `rounds` rounds of `width` concurrent calls (after a warm-up). */
async function rate(call: () => Promise<unknown>, rounds: number, width = 1): Promise<number> {
  for (let i = 0; i < 50; i++) await call();
  const t = performance.now();
  for (let r = 0; r < rounds; r++) await Promise.all(Array.from({ length: width }, call));
  return (rounds * width) / ((performance.now() - t) / 1000);
}

const fmt = (n: number) => n.toFixed(0).padStart(6);
for (const [what, call] of [
  ["system.identity.get()", (ros: Client) => ros.system.identity.get()],
  ["ip.address.list() (12 items)", (ros: Client) => ros.ip.address.list()],
] as const) {
  const [r, a] = [await rate(() => call(rest), 2000), await rate(() => call(api), 2000)];
  console.log(`sequential ${what}: REST ${fmt(r)} calls/s, API ${fmt(a)} calls/s (${(a / r).toFixed(1)}×)`);
}
const [r16, a16] = [await rate(() => rest.system.identity.get(), 300, 16), await rate(() => api.system.identity.get(), 300, 16)];
console.log(
  `16 concurrent system.identity.get(): REST (16 requests, keep-alive pool) ${fmt(r16)} calls/s, ` +
    `API (one connection, 16 tags) ${fmt(a16)} calls/s (${(a16 / r16).toFixed(1)}×)`,
);
await Promise.all([rest.close(), api.close()]);
await sim.close();

// A peer that answers a listen with 1,000,000 !re as fast as the socket takes them.
const TOTAL = 1_000_000;
const peer = createServer((socket) => {
  const reader = new SentenceReader();
  socket.on("error", () => undefined);
  socket.on("data", (chunk) => {
    for (const words of reader.push(chunk)) {
      const tag = words.find((w) => w.startsWith(".tag="))!.slice(5);
      if (words[0] === "/login") socket.write(encodeSentence(["!done", `.tag=${tag}`]));
      if (!words[0]!.endsWith("/listen")) continue;
      let sent = 0;
      const flood = () => {
        while (sent < TOTAL) {
          sent++;
          const re = encodeSentence(["!re", `=.id=*${sent.toString(16)}`, "=address=10.0.0.1/24", "=interface=ether1", `.tag=${tag}`]);
          if (!socket.write(re)) return void socket.once("drain", flood);
        }
        socket.write(encodeSentence(["!done", `.tag=${tag}`]));
      };
      flood();
    }
  });
});
await new Promise<void>((resolve) => peer.listen(0, "127.0.0.1", resolve));
const port = (peer.address() as { port: number }).port;
const reader = `
import { createClient } from ${JSON.stringify(join(dir, "client/index.js"))};
const ros = createClient({ transport: "api", host: "127.0.0.1", port: ${port}, username: "admin", password: "" });
const t = performance.now();
let n = 0;
for await (const item of ros.ip.address.listen()) {
  n++;
  await new Promise((resolve) => setImmediate(resolve));
}
await ros.close();
console.log(JSON.stringify({ n, seconds: (performance.now() - t) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
`;
const baseline = `console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));`;
const node = (code: string) => promisify(execFile)(process.execPath, ["--input-type=module", "-e", code], { maxBuffer: 1 << 20 });
const idle = JSON.parse((await node(`import ${JSON.stringify(join(dir, "client/index.js"))};\n${baseline}`)).stdout) as {
  maxRssMb: number;
};
const slow = JSON.parse((await node(reader)).stdout) as { n: number; seconds: number; maxRssMb: number };
console.log(
  `slow reader of ${slow.n.toLocaleString("en")} !re (one event-loop turn each, ${slow.seconds.toFixed(1)} s): ` +
    `peak RSS ${slow.maxRssMb.toFixed(0)} MB, against ${idle.maxRssMb.toFixed(0)} MB for a process that only loads the client`,
);
peer.close();
await removeClient(dir);
