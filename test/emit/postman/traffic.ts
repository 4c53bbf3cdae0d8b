/**
 * The test's own reading of what reached the router, by method and command,
 * independent of the emitter's rule: whether a request could change anything
 * other than the items the run itself added, and whether it named an item
 * with an empty id.
 */
import type { Recorded } from "./recorder.js";

const SHOWING = new Set(["print", "get", "export"]);
const WATCHING = new Set(["monitor", "monitor-traffic"]);
const PROBING = new Set(["ping", "traceroute", "bandwidth-test", "flood-ping", "speed-test"]);

export interface Verdict {
  changes: string[];
  emptyIds: string[];
  added: number;
}

const show = (r: Recorded) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`;

export function judge(requests: Recorded[]): Verdict {
  const added = new Set<string>();
  const verdict: Verdict = { changes: [], emptyIds: [], added: 0 };
  const ours = (menu: string, id: unknown) => typeof id === "string" && id.split(",").every((one) => added.has(`${menu} ${one}`));
  for (const r of requests) {
    const segments = r.path.split("/").slice(1);
    const selector = r.body["numbers"] ?? r.body["number"] ?? r.body[".id"];
    if (segments.some((s) => s === "" || s.includes("{{")) || selector === "" || JSON.stringify(r.body).includes("{{"))
      verdict.emptyIds.push(show(r));
    const last = segments[segments.length - 1]!;
    const menu = `/${segments.slice(0, -1).join("/")}`;
    const reply = (() => {
      try {
        return JSON.parse(r.reply) as Record<string, unknown>;
      } catch {
        return {};
      }
    })();
    // PUT /ip/address adds to /ip/address; POST /ip/address/add too.
    const keep = (id: unknown) => {
      if (r.status === 200 && typeof id === "string") added.add(`${r.method === "PUT" ? r.path : menu} ${id}`);
    };
    let harmless: boolean;
    if (r.method === "GET") harmless = true;
    else if (r.method === "PUT") harmless = (keep(reply[".id"]), true);
    else if (r.method === "PATCH" || r.method === "DELETE") harmless = ours(menu, last);
    else if (last === "add") harmless = (keep(reply["ret"]), true);
    else if (SHOWING.has(last)) harmless = !("file" in r.body) && !("follow" in r.body);
    else if (WATCHING.has(last)) harmless = "once" in r.body;
    else if (PROBING.has(last)) harmless = r.body["address"] === "127.0.0.1" && ("count" in r.body || "duration" in r.body);
    else if (r.path === "/console/inspect") harmless = true;
    else if (last === "set" || last === "remove") harmless = ours(menu, selector);
    else harmless = false;
    if (!harmless) verdict.changes.push(show(r));
  }
  verdict.added = added.size;
  return verdict;
}
