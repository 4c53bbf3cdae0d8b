/**
 * Search by words over the document's menus, commands and args. A menu (or
 * a command of its own, like `/system reboot`) scores by the words its path
 * shares with the query, loses a little for each path word the query does
 * not name (the plain menu before its deep children), and gains a little for
 * args the query names.
 */
import type { EmitterView, MenuNode } from "../view/index.js";
import { LIMITS } from "./limits.js";

/** Words a person uses for what RouterOS names otherwise. */
const SYNONYMS: Record<string, string[]> = {
  port: ["interface"],
  nic: ["interface", "ethernet"],
  wifi: ["wireless", "wifi"],
  wlan: ["wireless", "wifi"],
  vpn: ["wireguard", "ipsec", "ovpn"],
  rule: ["filter", "nat", "mangle", "rule"],
  name: ["identity", "name"],
  hostname: ["identity"],
  log: ["logging", "log"],
  time: ["clock", "ntp"],
  version: ["resource", "package"],
  routeros: ["system"],
  uptime: ["resource"],
  cpu: ["resource", "cpu"],
  load: ["resource", "load"],
  memory: ["resource"],
  task: ["scheduler", "task"],
  scheduled: ["scheduler"],
  router: ["system", "identity"],
};

const STANDARD = new Set([
  "add",
  "set",
  "remove",
  "get",
  "print",
  "export",
  "edit",
  "find",
  "comment",
  "enable",
  "disable",
  "reset",
  "move",
  "unset",
]);

/** A plural made singular: policies → policy, addresses → address, leases → lease; `ss` and short words stay. */
const singular = (w: string): string => {
  if (w.length <= 3 || !w.endsWith("s") || w.endsWith("ss")) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
};

/** Lower-case words, `-` and `/` split, plurals made singular. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular);

const argWords = (names: string[]): Entry["args"] => [...new Set(names)].map((name) => [name, words(name)]);

interface Entry {
  /** `/ip/dhcp-server/lease`, or `/system reboot` for a command of its own. */
  name: string;
  node: MenuNode;
  /** Path words, in groups: each path segment (or command) is one group of words. */
  segments: string[][];
  /** Each arg with its words. */
  args: [name: string, words: string[]][];
}

export interface SearchHit {
  name: string;
  kind: string;
  score: number;
  /** Commands beyond the standard ones. */
  commands: string[];
  /** Args the query named. */
  args: string[];
}

export class Catalog {
  private readonly entries: Entry[] = [];

  constructor(view: EmitterView) {
    const walk = (node: MenuNode, segments: string[][]) => {
      if (node.operations.length) {
        const args = argWords(node.operations.flatMap((op) => Object.keys(op.body?.properties ?? {})));
        this.entries.push({ name: node.menu, node, segments, args });
        for (const op of node.operations)
          if (op.command && !STANDARD.has(op.command))
            this.entries.push({
              name: `${node.menu} ${op.command}`,
              node,
              segments: [...segments, words(op.command)],
              args: argWords(Object.keys(op.body?.properties ?? {})),
            });
      }
      for (const child of node.children.values()) walk(child, [...segments, words(child.name)]);
    };
    walk(view.tree, []);
  }

  search(query: string, limit: number): SearchHit[] {
    // Distinct words, the first few: the cost is words × catalogue, so it stays bounded whatever is sent.
    const asked = [...new Set(words(query.slice(0, LIMITS.query)))].slice(0, LIMITS.queryWords);
    if (asked.length === 0) return [];
    const alikes = Object.fromEntries(asked.map((word) => [word, [word, ...(SYNONYMS[word] ?? [])]]));
    const hits: SearchHit[] = [];
    for (const entry of this.entries) {
      const matchedSegments = new Set<number>();
      let score = 0;
      const args: string[] = [];
      for (const word of asked) {
        const alike = alikes[word]!;
        let best = 0;
        entry.segments.forEach((segment, i) => {
          const exact = segment.some((w) => alike.includes(w));
          const partial = !exact && segment.some((w) => alike.some((a) => a.length >= 3 && w.startsWith(a)));
          const gain = exact ? (segment.includes(word) ? 3 : 2) : partial ? 1 : 0;
          if (gain) matchedSegments.add(i);
          best = Math.max(best, gain);
        });
        if (best === 0) {
          const arg = entry.args.find(([, w]) => w.includes(word));
          if (arg) {
            args.push(arg[0]);
            best = 0.5;
          }
        }
        score += best;
      }
      if (score === 0 || entry.segments.length === 0) continue;
      const unnamed = entry.segments.length - matchedSegments.size;
      score += unnamed === 0 ? 1 : -0.5 * unnamed;
      hits.push({
        name: entry.name,
        kind: entry.name.includes(" ") ? "command" : (entry.node.operations[0]?.kind ?? "menu"),
        score,
        commands: entry.name.includes(" ")
          ? []
          : entry.node.operations.flatMap((op) => (op.command && !STANDARD.has(op.command) ? [op.command] : [])),
        args,
      });
    }
    return hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name)).slice(0, limit);
  }
}
