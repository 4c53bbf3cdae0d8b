/**
 * Commands that run until stopped (ping, monitor, torch...): over REST they
 * end after 60 s with `Session closed` unless bounded by an arg.
 */
import type { Command } from "./types.js";

/** Args that make such a command end by itself. */
const BOUND_ARGS = ["count", "once", "duration"];

/** Commands known to stream until stopped when unbounded. */
const STREAMING = new Set([
  "bandwidth-test",
  "flood-ping",
  "monitor",
  "monitor-traffic",
  "ping",
  "scan",
  "sniff",
  "speed-test",
  "torch",
  "traceroute",
  "watch",
]);

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
