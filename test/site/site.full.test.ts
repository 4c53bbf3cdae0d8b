/** The site on disk: escaping by default, every internal link resolves, versions link to their diffs. No browser needed. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { html, prose, trusted } from "../../src/emit/site/html.js";
import { writeFilesAtomic, type OutputFile } from "../../src/io/files.js";
import { buildSite } from "../../src/site.js";
import { DEFAULT_TARGETS, generate } from "../../src/generate.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { dump, dumpsPresent } from "../helpers/dumps.js";
import { loadModel } from "../../src/model/load.js";
import type { SchemaModel } from "../../src/model/types.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import { buildView } from "../../src/view/index.js";
import { argAnchor, operationAnchor } from "../../src/emit/site/paths.js";
import { brokenLinks, brokenTargets, markupFromDump, searchLinks, siteFiles } from "../helpers/site-check.js";
import { hostileModel, PAYLOADS } from "./hostile-model.js";
import { readFactFiles } from "../../src/facts/index.js";
import { tinyEvidence } from "../facts/helpers.js";

describe("html templates", () => {
  it("escape every value; only trusted() inserts markup", () => {
    const name = `<b onclick="x">&'`;
    expect(html`<p title="${name}">${name}</p>`.text).toBe(
      `<p title="&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;">&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;</p>`,
    );
    expect(html`<div>${html`<i>${name}</i>`}${[name, trusted("<br>")]}${undefined}${false}</div>`.text).toBe(
      `<div><i>&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;</i>&lt;b onclick=&quot;x&quot;&gt;&amp;&#39;<br></div>`,
    );
  });

  it("show a description's backticked spans as code, escaped, and an unpaired backtick as text", () => {
    expect(prose("`PUT /rest/ip/address` runs `<add>`").text).toBe("<code>PUT /rest/ip/address</code> runs <code>&lt;add&gt;</code>");
    expect(prose("one ` alone <b>").text).toBe("one ` alone &lt;b&gt;");
  });
});

describe("the site emitter", () => {
  it("writes site/ when asked, and is not among generate's default outputs", async () => {
    const { files } = await generate({ model: tinyModel(), targets: ["site"] });
    const paths = files.map((f) => f.path);
    expect(paths).toContain("site/index.html");
    expect(paths).toContain("site/7.99/m/ip.address.html");
    expect(DEFAULT_TARGETS).not.toContain("site");
  });
});

describe("a version's downloads", () => {
  /** The download files a version's index links, and those it ships. */
  const downloads = (files: OutputFile[]) => {
    const index = files.find((f) => f.path === "7.99/index.html")!.content;
    const linked = [...index.matchAll(/href="download\/([^"]+)"/g)].map((m) => m[1]!);
    const shipped = files.flatMap((f) => (f.path.startsWith("7.99/download/") ? [f.path.slice("7.99/download/".length)] : []));
    return { linked, shipped };
  };

  it("ship only what has something to say, each output linked: no overlay without evidence", async () => {
    const { linked, shipped } = downloads(await buildSite([{ model: tinyModel(), source: "tiny.json" }]));
    expect(linked).toEqual(["openapi.json", "openapi.yaml", "client/index.d.ts", "postman.json"]);
    expect(shipped).not.toContain("overlay.json");
    for (const file of shipped)
      expect(linked.some((l) => l === file || (l.includes("/") && file.startsWith(l.split("/")[0]! + "/")))).toBe(true);
  });

  it("ship and link the evidence as an overlay when the document carries some", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rosapi-site-facts-"));
    try {
      const { probe, ansible } = await tinyEvidence(dir);
      const facts = await readFactFiles([probe, ansible]);
      const { linked, shipped } = downloads(await buildSite([{ model: tinyModel(), source: "tiny.json", facts }]));
      expect(linked).toContain("overlay.json");
      expect(shipped).toContain("overlay.json");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a site of hostile strings", () => {
  let dir: string;
  let files: OutputFile[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    const old = tinyModel();
    old.header.version = "7.1";
    const now = hostileModel();
    now.header.version = "7.2";
    files = await buildSite([
      { model: old, source: "old.json" },
      { model: now, source: "hostile.json" },
    ]);
    await writeFilesAtomic(dir, files);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("shows names, descriptions, syntax and completions as text", async () => {
    const pages = files.filter((f) => f.path.endsWith(".html"));
    for (const page of pages) expect(markupFromDump(page.content), page.path).toEqual([]);
    const all = pages.map((p) => p.content).join("\n");
    expect(all).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(all).toContain("&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;");
    // The site's own scripts (the downloads are the other emitters' files, not pages).
    for (const script of files.filter((f) => f.path.endsWith(".js") && !f.path.includes("/download/")))
      for (const payload of PAYLOADS) expect(script.content, script.path).not.toContain(payload);
  });

  it("keeps every file inside the site and every internal link resolving", async () => {
    for (const path of await siteFiles(dir)) expect(path.split(/[\\/]/)).not.toContain("..");
    expect(await brokenLinks(dir)).toEqual([]);
    expect(await brokenTargets(dir, "7.2", await searchLinks(dir, "7.2"))).toEqual([]);
  });

  it("switches version keeping the page, or to the version's index where the page is not there", () => {
    const page = (path: string) => files.find((f) => f.path === path)!.content;
    const switcher = (path: string) => /<nav class="versions"[\s\S]*?<\/nav>/.exec(page(path))?.[0] ?? "";
    expect(switcher("7.1/m/ip.address.html")).toContain('href="../../7.2/m/ip.address.html"');
    const added = files.find((f) => f.path.startsWith("7.2/m/") && !files.some((o) => o.path === f.path.replace("7.2/", "7.1/")))!;
    expect(switcher(added.path)).toContain('href="../../7.1/index.html"');
    expect(switcher(added.path)).toMatch(/aria-current="page"/);
  });

  it("renders the error examples as JSON and their descriptions as prose", () => {
    const page = files.find((f) => f.path === "7.2/errors.html")!.content;
    expect(page).not.toContain("$ref");
    expect(page).not.toContain("`");
    expect(page).toContain("&quot;detail&quot;: &quot;unknown parameter foo&quot;");
    expect(page).toContain("<code>Session closed</code>");
  });

  it("gives counts on a diff page that equal its lists", () => {
    const page = files.find((f) => f.path === "diff/7.1..7.2.html")!.content;
    const [, changes, breaking] = /<p>(\d+) changes, (\d+) of them breaking\.<\/p>/.exec(page)!;
    expect(Number(changes)).toBe(page.split('<li id="c-').length - 1);
    expect(Number(breaking)).toBe(page.split('class="change breaking"').length - 1);
    const headed = [...page.matchAll(/<h2>(Breaking|Not breaking) \((\d+)\)<\/h2>\s*<ol class="checklist">([^]*?)<\/ol>/g)];
    expect(headed.length).toBeGreaterThan(0);
    for (const [, title, n, list] of headed) expect(Number(n), title).toBe(list!.split('<li id="c-').length - 1);
  });

  it("badges what a version added, linked to the diff page that lists it", () => {
    const page = files.find((f) => f.path === "7.2/index.html");
    expect(page).toBeDefined();
    const menu = files.find((f) => f.path.startsWith("7.2/m/") && f.content.includes('class="badge since"'));
    expect(menu?.content).toMatch(/<a class="badge since" href="\.\.\/\.\.\/diff\/7\.1\.\.7\.2\.html">since 7\.2<\/a>/);
    expect(files.map((f) => f.path)).toContain("diff/7.1..7.2.html");
  });
});

describe.skipIf(!dumpsPresent || !dump("7.22.3-extra"))("the site of a real dump (7.22.3 extra)", () => {
  let dir: string;
  let model: SchemaModel;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rosapi-site-"));
    model = await loadModel(dump("7.22.3-extra")!.file);
    await writeFilesAtomic(dir, await buildSite([{ model, source: dump("7.22.3-extra")!.file }], { downloads: false }));
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("has a page per menu, each link resolving", async () => {
    const pages = (await siteFiles(dir)).filter((p) => p.startsWith("7.22.3/m/"));
    expect(pages.length).toBeGreaterThan(540);
    expect(await brokenLinks(dir)).toEqual([]);
  }, 120_000);

  it("has a search index whose every entry leads to its page and anchor", async () => {
    const links = await searchLinks(dir, "7.22.3");
    expect(links.length).toBeGreaterThan(40_000);
    expect(await brokenTargets(dir, "7.22.3", links)).toEqual([]);
  }, 120_000);

  it("marks the args that carry code (the scheduler's on-event), and no others", async () => {
    const row = (page: string, arg: string) =>
      page.slice(page.indexOf(`id="arg--${arg}"`), page.indexOf("</tr>", page.indexOf(`id="arg--${arg}"`)));
    const scheduler = await readFile(join(dir, "7.22.3/m/system.scheduler.html"), "utf8");
    expect(row(scheduler, "on-event")).toContain("carries code");
    expect(row(scheduler, "name")).not.toContain("carries code");
    const address = await readFile(join(dir, "7.22.3/m/ip.address.html"), "utf8");
    expect(row(address, "address")).not.toContain("carries code");
    expect(row(address, "where")).toContain("carries code");
  });

  it("shows PUT /ip/address with its body args in words and a ready request", async () => {
    const page = await readFile(join(dir, "7.22.3/m/ip.address.html"), "utf8");
    expect(page).toContain('id="put-ip.address"');
    expect(page).toContain('id="put-ip.address--address"');
    expect(page).toContain("ipv4-prefix");
    expect(page).toContain("reference to interface (its name or id)");
    expect(page).toContain("await ros.ip.address.add(");
    expect(page).toContain("Postman request: <code>PUT /ip/address</code>");
    // A request that changes an item says so; one that adds its own item does not need to.
    const patch = page.slice(page.indexOf('id="patch-ip.address:id"'), page.indexOf('id="delete-ip.address:id"'));
    expect(patch).toContain("changes the item it names (here <code>*1</code>)");
    const put = page.slice(page.indexOf('id="put-ip.address"'), page.indexOf('id="get-ip.address:id"'));
    expect(put).not.toContain('class="caution"');
    expect(page).toContain("curl -k -u admin -X PUT &#39;https://192.168.88.1/rest/ip/address&#39;");
    // Values that agree: what RouterOS derives from the address is left out, and said so; each safety choice has its why.
    const body = JSON.parse(
      put
        .slice(put.indexOf('data-what="the raw body"><code>') + 31, put.indexOf("</code>", put.indexOf('data-what="the raw body"')))
        .replace(/&quot;/g, '"'),
    ) as Record<string, string>;
    expect(body["address"]).toBe("10.0.0.1/24");
    expect(Object.keys(body)).not.toContain("network");
    expect(Object.keys(body)).not.toContain("broadcast");
    expect(put).toMatch(
      /<code>network<\/code>, <code>broadcast<\/code>, <code>netmask<\/code>:\s*left out: RouterOS derives them from address/,
    );
    expect(put).toMatch(/<code>disabled<\/code> = <code>yes<\/code>:\s*added disabled, so that nothing changes until you enable it/);
  });

  it("shows each arg of /interface/wifi once, and every operation's anchor of an arg leads to a row", async () => {
    const page = await readFile(join(dir, "7.22.3/m/interface.wifi.html"), "utf8");
    const view = buildView(buildOpenApi(model));
    const node = view.tree.children.get("interface")!.children.get("wifi")!;
    const names = new Set<string>();
    let anchors = 0;
    for (const op of node.operations)
      for (const [name] of op.body ? view.properties(op.body) : []) {
        names.add(name);
        anchors++;
        expect(page).toContain(`id="${argAnchor(operationAnchor(op.method, op.path), name)}"`);
      }
    expect(anchors).toBeGreaterThan(500);
    // One row per name (a second only where a command's value differs): far fewer rows than anchors.
    const rows = page.slice(page.indexOf('id="args"'), page.indexOf("</table>", page.indexOf('id="args"'))).split("<tr id=").length - 1;
    expect(rows).toBeGreaterThanOrEqual(names.size);
    expect(rows).toBeLessThan(anchors / 2);
  });

  it("names the list each list arg takes, and says where the tree gives no type", async () => {
    const page = await readFile(join(dir, "7.22.3/m/ip.firewall.filter.html"), "utf8");
    const row = (arg: string) => {
      const at = page.indexOf(`id="put-ip.firewall.filter--${arg}"`);
      return page.slice(at, page.indexOf("</tr>", at));
    };
    expect(row("src-address-list")).toContain("the name of a firewall address list");
    expect(row("in-interface-list")).toContain("the name of an interface list");
    expect(row("ttl")).toContain("type unknown");
    expect(row("comment")).not.toContain("type unknown");
  });
});
