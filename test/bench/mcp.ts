/**
 * Benchmark: `rosapi mcp` on the biggest tree (7.22.3 extra), started as a
 * client starts it (the built CLI over stdio) against the simulator: the
 * median over several whole-process starts of the time from spawn to a
 * listed tool set and to the first answered search (the document is built
 * after the list is given), then on one server the process's memory (peak
 * RSS, from /proc) and the median latency of search, describe and read,
 * each a full tool call through the SDK's client. The load average is
 * printed beside: the figures mean little on a busy machine.
 *
 *   npm run bench:mcp
 */
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { loadModel } from "../../src/model/load.js";
import { startSimulator } from "../../src/simulator/index.js";
import { CLI, setup } from "../helpers/cli.js";
import { DUMPS_DIR } from "../helpers/dumps.js";

const ROUNDS = 50;
const STARTS = 7;
const tree = `${DUMPS_DIR}7.22.3/extra/inspect.json`;
setup();
const sim = await startSimulator({
  model: await loadModel(tree),
  store: { "/ip/address": [{ address: "10.0.0.1/24", interface: "ether1" }] },
});
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const loadBefore = load();

/** A server started as a client starts it: connected, its tools listed, one search answered. */
async function start(): Promise<{ client: Client; transport: StdioClientTransport; listMs: number; listCpuMs: number; searchMs: number }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, "mcp", "--from", tree, "--url", sim.url, "--user", "admin", "--audit", "/dev/null"],
    stderr: "ignore",
  });
  const client = new Client({ name: "bench", version: "1" });
  const t0 = performance.now();
  await client.connect(transport);
  await client.listTools();
  const listMs = performance.now() - t0;
  const listCpuMs = cpuMs(transport.pid!);
  await client.callTool({ name: "search", arguments: { query: "ip address" } });
  return { client, transport, listMs, listCpuMs, searchMs: performance.now() - t0 };
}

/** The CPU time a process has used (user + system, all its threads), from /proc: what a quiet machine's wall time comes near. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const starts = [];
for (let i = 0; i < STARTS; i++) {
  const started = await start();
  starts.push(started);
  if (i < STARTS - 1) await started.client.close();
}
const { client, transport } = starts.at(-1)!;
const range = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const lines = [
  `mcp: 7.22.3 extra, ${STARTS} starts: spawn to a tool list ${range(starts.map((s) => s.listMs))}, to the first search answered ${range(starts.map((s) => s.searchMs))}`,
  `  the server's CPU time until the tool list: ${range(starts.map((s) => s.listCpuMs))}`,
];
const status = () => readFileSync(`/proc/${transport.pid}/status`, "utf8");
const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status())?.[1] ?? NaN);

const calls: Record<string, { name: string; arguments: Record<string, unknown> }[]> = {
  search: ["dhcp lease", "ethernet ports", "firewall filter rules", "wireguard peers"].map((query) => ({
    name: "search",
    arguments: { query },
  })),
  describe: [
    { menu: "/ip/address" },
    { menu: "/ip/firewall/filter", operation: "add" },
    { menu: "/interface/ethernet", operation: "monitor" },
  ].map((args) => ({ name: "describe", arguments: args })),
  read: [
    { menu: "/ip/address" },
    { menu: "/system/resource", operation: "get" },
    { menu: "/interface/ethernet", operation: "monitor", args: { numbers: "ether1" } },
  ].map((args) => ({ name: "read", arguments: args })),
};
for (const [tool, list] of Object.entries(calls)) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++)
    for (const call of list) {
      const t = performance.now();
      const result = await client.callTool(call);
      times.push(performance.now() - t);
      if (result.isError) throw new Error(`${tool} ${JSON.stringify(call.arguments)} failed: ${JSON.stringify(result.content)}`);
    }
  lines.push(`  ${tool}: median ${median(times).toFixed(1)} ms over ${times.length} calls`);
}
{
  // A 1 MB query: refused before any search work, so a hostile agent cannot hold the server.
  const t = performance.now();
  const huge = await client.callTool({ name: "search", arguments: { query: "ip address ".repeat(100_000) } });
  lines.push(`  a 1 MB search: answered in ${(performance.now() - t).toFixed(1)} ms (${huge.isError ? "refused" : "searched"})`);
}
lines.push(`  server memory: ${(kb("VmRSS") / 1024).toFixed(0)} MB resident now, ${(kb("VmHWM") / 1024).toFixed(0)} MB peak`);
lines.push(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after, on ${availableParallelism()} cores`);
console.log(lines.join("\n"));
await client.close();
await sim.close();
