/**
 * What `POST /rest/ping` with a count answers: one record per echo, with the
 * running totals, in the shape the REST manual shows. Round trips are made
 * up but repeat for the same request.
 */
import type { Item } from "./store.js";

/** More than this many echoes would take a real router minutes; the simulator answers this many at most. */
const MAX_ECHOES = 100;

export function pingReplies(args: Record<string, unknown>): Item[] {
  const count = Math.min(Math.max(Number.parseInt(String(args["count"]), 10) || 1, 1), MAX_ECHOES);
  const records: Item[] = [];
  for (const record of pingEchoes(args)) {
    records.push(record);
    if (records.length === count) break;
  }
  return records;
}

/** The echoes of a ping that runs until stopped (over the API), one record each, without end. */
export function* pingEchoes(args: Record<string, unknown>): Generator<Item, never> {
  const host = String(args["address"] ?? "");
  const size = String(args["size"] ?? "56");
  let [min, max, sum] = [Infinity, 0, 0];
  for (let seq = 0; ; seq++) {
    const rtt = 350 + ((seq * 97 + host.length * 31) % 300);
    [min, max, sum] = [Math.min(min, rtt), Math.max(max, rtt), sum + rtt];
    yield {
      "avg-rtt": `${Math.round(sum / (seq + 1))}us`,
      host,
      "max-rtt": `${max}us`,
      "min-rtt": `${min}us`,
      "packet-loss": "0",
      received: String(seq + 1),
      sent: String(seq + 1),
      seq: String(seq),
      size,
      time: `${rtt}us`,
      ttl: "64",
    };
  }
}
