/**
 * The site's stylesheet and script: one file each for the whole site, no
 * font, no library, nothing fetched from elsewhere. The script only adds
 * search and keys; every page reads fine without it. It builds results with
 * `textContent`, never HTML, so no indexed string can become markup.
 */
import { SEARCH_GLOBAL } from "./search-index.js";

const LIGHT =
  "--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--link:#0550ae;--accent:#8250df;--ok:#116329;--warn:#953800;--bad:#a40e26;--hl:#fff8c5";
const DARK =
  "--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#161b22;--link:#79c0ff;--accent:#d2a8ff;--ok:#56d364;--warn:#f0883e;--bad:#ff7b72;--hl:#3b2e00";

/** Light or dark as the system says, unless the reader chose one with the toggle (data-theme on the root, remembered by the script). */
export const SITE_CSS = `:root{color-scheme:light dark;${LIGHT}}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${DARK}}}
:root[data-theme=dark]{color-scheme:dark;${DARK}}:root[data-theme=light]{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
a{color:var(--link)}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
pre{background:var(--panel);border:1px solid var(--line);padding:.6em;overflow-x:auto;white-space:pre-wrap}
.skip{position:absolute;left:-999px}.skip:focus{left:.5em;top:.5em;background:var(--bg);padding:.3em;z-index:9}
.top{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:flex-start;padding:.6em 1em;border-bottom:1px solid var(--line);background:var(--panel);position:sticky;top:0;z-index:5}
[id]{scroll-margin-top:5em}
.theme{font:inherit;font-size:.85em;padding:.25em .6em;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg);cursor:pointer}
.home{font-weight:600;text-decoration:none;padding:.3em 0}
.search{flex:1 1 18em;position:relative;max-width:40em}
.search label{position:absolute;left:-999px}
.search input{width:100%;font:inherit;padding:.3em .5em;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg)}
.status{margin:.2em 0;color:var(--muted);font-size:.85em;min-height:1em}
.results{list-style:none;margin:0;padding:0;max-height:60vh;overflow-y:auto;position:absolute;left:0;right:0;top:100%;background:var(--panel);border:1px solid var(--line);box-shadow:0 4px 12px rgba(0,0,0,.2)}
.status:empty{display:none}
.results:empty{display:none}
.results a{display:block;padding:.25em .4em;text-decoration:none;border-bottom:1px solid var(--line)}
.results a:focus,.results a:hover{background:var(--bg);outline:2px solid var(--accent)}
.results small{color:var(--muted);display:block}
.results .console{color:var(--muted);margin-left:.6em;font-size:.9em}
.versions summary{cursor:pointer;padding:.3em 0}.versions ul{margin:0;padding-left:1.2em}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.3em;margin:.5em 1em;padding:0}
.crumbs li+li::before{content:"/ ";color:var(--muted)}
main{padding:0 1em 2em;max-width:72em;min-width:0}
.side{display:none}
@media (min-width:70em){.frame{display:grid;grid-template-columns:17em minmax(0,1fr)}.side{display:block;position:sticky;top:3.5em;align-self:start;max-height:calc(100vh - 3.5em);overflow-y:auto;padding:.5em .5em 1em 1em;border-right:1px solid var(--line);font-size:.9em}.side ul{list-style:none;margin:0;padding-left:.8em}.side>ul{padding-left:0}.side a{text-decoration:none}.side a[aria-current]{font-weight:700;background:var(--hl);color:var(--fg)}}
h2:target,.operation:target>h2,tr:target,tr:has(> th > span:target),a:target{background:var(--hl);outline:2px solid var(--warn)}
main:focus{outline:none}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.6em}
.operation{border-top:1px solid var(--line);padding-top:.2em}.operation h2{margin:.4em 0 .2em}.operation p,.operation .facts{margin:.2em 0}
.toc,.submenus{columns:18em;margin:.3em 0}
.copy{font:inherit;font-size:.8em;float:right;margin:.2em;padding:.1em .5em;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg);cursor:pointer}
.anchor{color:inherit;text-decoration:none}.anchor:hover{text-decoration:underline}
.method{font-weight:700;font-family:ui-monospace,monospace}
.method.get{color:var(--ok)}.method.put{color:var(--accent)}.method.patch{color:var(--warn)}.method.delete{color:var(--bad)}.method.post{color:var(--link)}
.badge{display:inline-block;font-size:.75em;font-weight:600;border:1px solid currentColor;border-radius:1em;padding:0 .5em;margin-left:.3em;vertical-align:middle}
.badge.since{color:var(--ok)}.badge.packages{color:var(--accent)}.badge.removed{color:var(--bad)}.badge.required{color:var(--warn)}.badge.code{color:var(--bad)}.badge.readonly{color:var(--muted)}.badge.breaking{color:var(--bad)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.4em 0}.facts dt{color:var(--muted)}.facts dd{margin:0}
.safety.changes-router,.safety.disruptive{color:var(--bad)}.safety.reads{color:var(--ok)}
table{border-collapse:collapse;width:100%;margin:.5em 0}
caption{text-align:left;color:var(--muted);font-size:.9em}
th,td{border:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top}
th[scope=row]{white-space:nowrap;font-weight:400}
.details{display:inline;margin:0;padding:0;color:var(--muted);font-size:.9em}.details li{display:inline}.details li::before{content:" · "}
.taken{font-size:.85em;color:var(--muted)}
.words,.example,.default,.description{margin:.2em 0;font-size:.9em}
.tree ul{padding-left:1.2em;margin:0}.tree{column-width:18em}
.change.breaking{border-left:3px solid var(--bad);padding-left:.5em}
.caution{border-left:3px solid var(--warn);padding-left:.5em}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.85em;padding:.5em 1em}
@media (max-width:40em){th[scope=row]{white-space:normal}table,caption,tbody,tr,th,td{display:block}thead{display:none}td{border-top:0}}
`;

export const SITE_JS = `"use strict";
(function () {
  // The theme the reader chose, remembered; without a choice the system's.
  var rootEl = document.documentElement, KEY = "rosapi-theme", store = null;
  try { store = window.localStorage; } catch (e) { store = null; }
  var chosen = store && store.getItem(KEY);
  if (chosen === "dark" || chosen === "light") rootEl.setAttribute("data-theme", chosen);
  var top = document.querySelector(".top");
  if (top) {
    var toggle = document.createElement("button");
    toggle.type = "button"; toggle.className = "theme"; toggle.id = "theme";
    var dark = function () { var t = rootEl.getAttribute("data-theme"); return t ? t === "dark" : window.matchMedia("(prefers-color-scheme: dark)").matches; };
    var label = function () { toggle.textContent = dark() ? "Light theme" : "Dark theme"; toggle.setAttribute("aria-pressed", String(dark())); };
    toggle.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      rootEl.setAttribute("data-theme", next);
      if (store) try { store.setItem(KEY, next); } catch (e) { /* a full or refused storage keeps the choice for this page */ }
      label();
    });
    label(); top.appendChild(toggle);
  }
  // A copy button on each block of a ready request: it copies the block's text as shown.
  var blocks = document.querySelectorAll("details.ready pre");
  for (var b = 0; b < blocks.length; b++) (function (pre) {
    var button = document.createElement("button");
    button.type = "button"; button.className = "copy"; button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy " + (pre.getAttribute("data-what") || "this block"));
    button.addEventListener("click", function () {
      var text = pre.textContent, done = function () { button.textContent = "Copied"; };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      else { fallback(text); done(); }
    });
    pre.parentNode.insertBefore(button, pre);
  })(blocks[b]);
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "absolute"; area.style.left = "-999px";
    document.body.appendChild(area); area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
  // The ready request of the operation the URL names is open.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1)), target = id && document.getElementById(id);
    var ready = target && target.classList && target.classList.contains("operation") ? target.querySelector("details.ready") : null;
    if (ready) ready.open = true;
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);
  // The current menu in view in the tree beside the page.
  var current = document.querySelector(".side a[aria-current]"), side = document.querySelector(".side");
  if (current && side && side.offsetParent) side.scrollTop = Math.max(0, current.offsetTop - side.clientHeight / 3);
})();
(function () {
  var body = document.body, input = document.getElementById("search");
  if (!input) return;
  var list = document.getElementById("search-results"), status = document.getElementById("search-status");
  var root = body.getAttribute("data-version-root") || "";
  var data = null, items = null, loading = false, LIMIT = 50;
  // Each entry as [kind, href, label, detail, haystack, name, console words, menu's last word, order], from the compact index (see search-index.ts).
  function prepare() {
    data = window.${SEARCH_GLOBAL};
    items = [];
    var text = function (i) { return i < 0 ? "" : data.texts[i]; };
    for (var i = 0; i < data.entries.length; i++) {
      var e = data.entries[i], kind = e[0], href, label, detail, name, words = "", menu = "", order = 0;
      if (kind === 0) { href = data.pages[e[1]]; label = e[2]; detail = ""; name = label.slice(label.lastIndexOf("/") + 1); }
      else {
        var op = data.ops[e[1]], page = data.pages[op[0]];
        words = op[3]; order = op[4];
        menu = words.slice(0, words.lastIndexOf(" ")); menu = menu.slice(menu.lastIndexOf("/") + 1).toLowerCase();
        if (kind === 1) { href = page + "#" + op[1]; label = op[2]; detail = text(e[2]); name = words.slice(words.lastIndexOf(" ") + 1); }
        else { href = page + "#" + (e[4] || op[1] + "--" + e[2]); label = op[2] + " " + e[2]; words = words + " " + e[2]; detail = text(e[3]); name = e[2]; }
      }
      items.push([kind, href, label, detail, (label + " " + words + " " + detail).toLowerCase(), name.toLowerCase(), words, menu, order]);
    }
  }
  function load() {
    if (data || loading) return;
    if (window.${SEARCH_GLOBAL}) { prepare(); return; }
    loading = true;
    var s = document.createElement("script");
    s.src = body.getAttribute("data-search-index");
    s.onload = function () { prepare(); run(); };
    s.onerror = function () { status.textContent = "The search index could not be loaded."; };
    document.head.appendChild(s);
  }
  // By how well the name matches the last word (exact, prefix, inside, elsewhere), then kind (menu, command, arg).
  function rank(item, words) {
    var h = item[4], n = item[5];
    for (var w = 0; w < words.length; w++) if (h.indexOf(words[w]) < 0) return -1;
    var last = words[words.length - 1], kind = item[0] * 3;
    // A noun query names the menu: its item operations (add first) right after the exact matches.
    if (item[0] === 1 && n !== last && (item[7] === last || item[7] === words.join("-"))) return kind + 1 + item[8];
    // "address list" names address-list.
    if (n === last || (words.length > 1 && n === words.join("-"))) return kind;
    if (n.indexOf(last) === 0) return 10 + kind;
    if (n.indexOf(last) >= 0) return 20 + kind;
    return 30 + kind;
  }
  function run() {
    var q = input.value.trim().toLowerCase();
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    if (!data) { status.textContent = "Loading the index..."; load(); return; }
    // Ranked by score, then the shorter label, then index order: buckets by (score, length), no sort of every match.
    var words = q.split(/\\s+/), buckets = [], count = 0, found = [];
    for (var i = 0; i < items.length; i++) {
      var r = rank(items[i], words);
      if (r < 0) continue;
      var key = r * 256 + Math.min(items[i][2].length, 255);
      (buckets[key] || (buckets[key] = [])).push(i);
      count++;
    }
    for (var b = 0; b < buckets.length && found.length < LIMIT; b++) if (buckets[b]) found = found.concat(buckets[b].slice(0, LIMIT - found.length));
    var frag = document.createDocumentFragment();
    for (var k = 0; k < found.length; k++) {
      var item = items[found[k]], li = document.createElement("li"), a = document.createElement("a");
      a.href = root + item[1];
      a.textContent = item[2];
      if (item[6]) { var words = document.createElement("span"); words.className = "console"; words.textContent = item[6]; a.appendChild(words); }
      if (item[3]) { var small = document.createElement("small"); small.textContent = item[3]; a.appendChild(small); }
      li.appendChild(a); frag.appendChild(li);
    }
    list.appendChild(frag);
    status.textContent = count === 0 ? "No match." : count > LIMIT ? count + " matches, the first " + LIMIT + " shown." : count + (count === 1 ? " match." : " matches.");
  }
  function links() { return list.querySelectorAll("a"); }
  function move(step) {
    var all = links(), at = Array.prototype.indexOf.call(all, document.activeElement), next = at + step;
    if (next < 0) input.focus(); else if (next < all.length) all[next].focus();
  }
  input.addEventListener("focus", load);
  input.addEventListener("input", run);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
    else if (ev.key === "Enter") { var first = links()[0]; if (first) first.click(); }
    else if (ev.key === "Escape") { input.value = ""; run(); }
  });
  list.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); move(1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); move(-1); }
    else if (ev.key === "Escape") { input.focus(); }
  });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.key === "/" && t !== input && !(t instanceof HTMLInputElement) && !(t instanceof HTMLTextAreaElement)) { ev.preventDefault(); input.focus(); }
  });
  if (input.value) { load(); }
})();
`;
