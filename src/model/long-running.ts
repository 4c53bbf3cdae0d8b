/**
 * Commands that run until stopped (ping, monitor, torch...): over REST they
 * end after 60 s with `Session closed` unless bounded by an arg.
 */
import type { Command } from "./types.js";

/** Args that make such a command end by itself. */
const BOUND_ARGS = ["count", "once", "duration"];

/** Streaming commands that only watch the router (a link, a counter) and send nothing anywhere. */
export const WATCHING: ReadonlySet<string> = new Set(["monitor", "monitor-traffic"]);

/** Streaming commands that send probes to an `address` (bounded and aimed at 127.0.0.1, they reach only the router itself). */
export const PROBING: ReadonlySet<string> = new Set(["bandwidth-test", "flood-ping", "ping", "speed-test", "traceroute"]);

/** Commands known to stream until stopped when unbounded. */
const STREAMING = new Set([...WATCHING, ...PROBING, "scan", "sniff", "torch", "watch"]);

/**
 * For a command that runs until stopped, the args that bound it (possibly
 * none); undefined for a command that ends by itself.
 */
export function longRunning(name: string, command: Command): string[] | undefined {
  const bounds = BOUND_ARGS.filter((a) => a in command.args);
  // `once` exists only on commands that otherwise repeat (monitor and its kin).
  if (STREAMING.has(name) || "once" in command.args) return bounds;
  return undefined;
}
