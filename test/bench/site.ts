/**
 * Benchmark: the site. For 7.22.3 extra: the whole `rosapi site` process
 * (target < 10 s), the largest page and the search index plus script
 * gzip-compressed (targets < 300 KB and < 1.5 MB), first contentful paint of
 * menu pages from file:// in Chromium (target < 500 ms), and search results
 * per keystroke (target < 100 ms), the ranks of 20 everyday queries and the
 * height of /interface/wifi at 1366 px. Then the six shared trees as one site:
 * build time and the link and escape checks over every page.
 *
 *   npm run bench:site
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { browserPath, openBrowser } from "../helpers/browser.js";
import { CLI, setup } from "../helpers/cli.js";
import { DUMPS, dump } from "../helpers/dumps.js";
import { brokenLinks, markupFromDump, siteFiles } from "../helpers/site-check.js";

const extra = dump("7.22.3-extra");
if (!extra || DUMPS.length < 6) throw new Error("bench:site needs the six trees of ../shared/routeros");
setup();
const out = await mkdtemp(join(tmpdir(), "rosapi-bench-site-"));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const TIME = "/usr/bin/time";

/** Everyday queries of a REST user, each with the end of the link that answers it. */
const QUERIES: [string, string][] = [
  ["ip address", "m/ip.address.html"],
  ["bridge port", "#put-interface.bridge.port"],
  ["firewall filter", "m/ip.firewall.filter.html"],
  ["nat", "m/ip.firewall.nat.html"],
  ["dhcp lease", "m/ip.dhcp-server.lease.html"],
  ["dns static", "m/ip.dns.static.html"],
  ["route", "m/ip.route.html"],
  ["vlan", "m/interface.vlan.html"],
  ["wireguard peers", "m/interface.wireguard.peers.html"],
  ["address list", "m/ip.firewall.address-list.html"],
  ["user", "m/user.html"],
  ["identity", "m/system.identity.html"],
  ["reboot", "#post-system.reboot"],
  ["ping", "#post-ping"],
  ["export", "#post-export"],
  ["ethernet", "m/interface.ethernet.html"],
  ["ipsec peer", "m/ip.ipsec.peer.html"],
  ["bgp connection", "m/routing.bgp.connection.html"],
  ["scheduler", "m/system.scheduler.html"],
  ["wifi add", "#put-interface.wifi"],
];

/** Runs `rosapi ...args`: wall time, and CPU time where /usr/bin/time can say it (the wall clock of a shared machine says more about the neighbours). */
function run(args: string[]): { wall: number; cpu?: number } {
  const start = performance.now();
  if (!existsSync(TIME)) {
    execFileSync(process.execPath, [CLI, ...args], { stdio: ["ignore", "ignore", "inherit"] });
    return { wall: performance.now() - start };
  }
  const result = spawnSync(TIME, ["-f", "cpu %U %S", process.execPath, CLI, ...args], { encoding: "utf8" });
  const wall = performance.now() - start;
  const [, user, system] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr) ?? [];
  if (result.status !== 0 || user === undefined) throw new Error(`rosapi ${args.join(" ")} failed: ${result.stderr}`);
  return { wall, cpu: (Number(user) + Number(system)) * 1000 };
}

const timing = ({ wall, cpu }: { wall: number; cpu?: number }) =>
  `${wall.toFixed(0).padStart(6)} ms${cpu === undefined ? "" : ` (cpu ${cpu.toFixed(0)} ms)`}`;

try {
  console.log("site of 7.22.3 extra:");
  const one = join(out, "one");
  console.log(
    `  rosapi site (whole process, no downloads)     ${timing(run(["site", "--from", extra.file, "--out", one, "--no-downloads"]))}   (target < 10000 ms)`,
  );
  console.log(
    `  rosapi site (whole process, with downloads)   ${timing(run(["site", "--from", extra.file, "--out", join(out, "one-dl")]))}`,
  );

  const files = await siteFiles(one);
  const pages = files.filter((f) => f.endsWith(".html"));
  let largest = { path: "", raw: 0, gz: 0 };
  for (const page of pages) {
    const text = await readFile(join(one, page));
    const gz = gzipSync(text, { level: 6 }).length;
    if (gz > largest.gz) largest = { path: page, raw: text.length, gz };
  }
  console.log(`  pages: ${pages.length}; largest ${largest.path}: ${kb(largest.gz)} gzip (${kb(largest.raw)} raw)   (target < 300 KB)`);
  const search = await readFile(join(one, "7.22.3/search-index.js"));
  const script = await readFile(join(one, "assets/site.js"));
  const searchGz = gzipSync(search).length + gzipSync(script).length;
  console.log(`  search index + script: ${kb(searchGz)} gzip (${kb(search.length + script.length)} raw)   (target < 1.5 MB)`);
  console.log(
    `  site folder: ${files.length} files, ${kb((await Promise.all(files.map((f) => stat(join(one, f))))).reduce((n, s) => n + s.size, 0))}`,
  );

  if (!browserPath) console.log("  (no browser: paint and search not measured)");
  else {
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      const root = pathToFileURL(one).href + "/";
      // The largest pages and a spread of the others.
      const menus = pages.filter((p) => p.startsWith("7.22.3/m/"));
      const sample = [largest.path, ...menus.filter((_, i) => i % 25 === 0)];
      const paints: number[] = [];
      for (const path of sample) {
        await page.goto(root + path, { waitUntil: "load" });
        // The paint entry arrives after load on a busy machine: wait for it (buffered) rather than read it once.
        paints.push(
          await page.evaluate<number>(`new Promise((resolve) => {
            new PerformanceObserver((list) => {
              const paint = list.getEntriesByName("first-contentful-paint")[0];
              if (paint) resolve(paint.startTime);
            }).observe({ type: "paint", buffered: true });
          })`),
        );
      }
      paints.sort((a, b) => a - b);
      console.log(
        `  first contentful paint over ${paints.length} menu pages: median ${paints[paints.length >> 1]!.toFixed(0)} ms, max ${paints.at(-1)!.toFixed(0)} ms   (target < 500 ms)`,
      );
      await page.goto(root + "index.html");
      await page.locator("#search").focus();
      await page.waitForFunction(() => "ROSAPI_SEARCH" in globalThis);
      // In the page (a string: this project's types have no DOM): each keystroke's input event to laid-out results.
      const keystrokes = await page.evaluate<number[]>(`(() => {
        const input = document.querySelector("#search");
        const times = [];
        for (const query of ["a", "ad", "add", "addr", "addre", "addres", "address", "address l", "address li"]) {
          const start = performance.now();
          input.value = query;
          input.dispatchEvent(new Event("input"));
          document.querySelector("#search-results").getBoundingClientRect();
          times.push(performance.now() - start);
        }
        return times;
      })()`);
      console.log(
        `  search per keystroke (typing "address li"): max ${Math.max(...keystrokes).toFixed(1)} ms, each ${keystrokes.map((t) => t.toFixed(1)).join(" ")}   (target < 100 ms)`,
      );
      // Everyday queries, each with the link a user wants (the end of its href): its rank among the results.
      const ranks = await page.evaluate<[string, number][]>(`(() => {
        const input = document.querySelector("#search");
        const out = [];
        for (const [query, want] of ${JSON.stringify(QUERIES)}) {
          input.value = query;
          input.dispatchEvent(new Event("input"));
          const hrefs = [...document.querySelectorAll("#search-results a")].map((a) => a.getAttribute("href"));
          out.push([query, hrefs.findIndex((h) => h.endsWith(want)) + 1]);
        }
        return out;
      })()`);
      const first = ranks.filter(([, r]) => r === 1).length;
      console.log(`  search, ${ranks.length} everyday queries: ${first} with the wanted result first`);
      for (const [query, rank] of ranks) console.log(`    ${query.padEnd(24)} ${rank === 0 ? "not in the first 50" : `rank ${rank}`}`);
      await page.setViewportSize({ width: 1366, height: 800 });
      await page.goto(root + "7.22.3/m/interface.wifi.html");
      console.log(
        `  /interface/wifi at 1366 px: ${await page.evaluate<number>("document.documentElement.scrollHeight")} px tall (68,472 px before the args were shown once)`,
      );
    } finally {
      await browser.close();
    }
  }

  console.log("site of the six shared trees:");
  const six = join(out, "six");
  console.log(
    `  rosapi site (whole process, no downloads)     ${timing(run(["site", ...DUMPS.flatMap((d) => ["--from", d.file]), "--out", six, "--no-downloads"]))}`,
  );
  const sixFiles = await siteFiles(six);
  const sixPages = sixFiles.filter((f) => f.endsWith(".html"));
  const start = performance.now();
  const broken = await brokenLinks(six);
  let markup = 0;
  for (const page of sixPages) markup += markupFromDump(await readFile(join(six, page), "utf8")).length;
  console.log(
    `  ${sixPages.length} pages: ${broken.length} broken links, ${markup} pieces of markup from dumps (checked in ${(performance.now() - start).toFixed(0)} ms)`,
  );
  if (broken.length) console.log(broken.slice(0, 10).join("\n"));
} finally {
  await rm(out, { recursive: true, force: true });
}
