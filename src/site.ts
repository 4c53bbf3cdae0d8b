/**
 * `rosapi site` as a library: one static site over one or more trees, each
 * tree a version (two trees of one version, base and extra packages, are two
 * entries). Per version its pages, search index and downloads; between
 * consecutive versions a diff page; on every page the since and removed
 * badges of `rosapi history`. Returns files; writing them is the caller's.
 */
import { diffModels, dumpGaps } from "./diff/index.js";
import { EMITTERS, hasInput, optionsOf, type Emitter } from "./emit/registry.js";
import { diffPages, menuAnchor, menuPage, sitePages, versionFolder, diffPage } from "./emit/site/index.js";
import type { Change, ConsoleNode, Lifespan, VersionContext } from "./emit/site/index.js";
import { buildView, type EmitterView } from "./view/index.js";
import { buildHistory } from "./history/history.js";
import { UserError } from "./io/errors.js";
import type { OutputFile } from "./io/files.js";
import { compareVersions } from "./model/merge.js";
import type { SchemaModel } from "./model/types.js";
import { indexTree } from "./model/nodes.js";
import { buildDocument, type DocumentInputs } from "./openapi/index.js";

export interface SiteTree extends DocumentInputs {
  model: SchemaModel;
  /** Where it came from (a file, a URL): names a tree whose version collides with another's. */
  source: string;
}

export interface SiteOptions {
  /** Each version's document (JSON, YAML), collection and client beside its pages. Default: true. */
  downloads?: boolean;
}

/** Labels: the version, and where two trees share one, the later ones a word from their source (`7.22.3-extra`). */
function labels(trees: readonly SiteTree[]): string[] {
  const taken = new Set<string>();
  return trees.map(({ model, source }, i) => {
    const version = model.header.version ?? "unknown";
    let label = version;
    if (taken.has(label)) {
      const words = source.split(/[\\/:]/).filter((w) => w && !/^inspect\.json$/.test(w) && w !== version);
      label = `${version}-${(words.pop() ?? String(i + 1)).replace(/\.json$/, "")}`;
    }
    for (let n = 2; taken.has(label); n++) label = `${version}-${n}`;
    taken.add(label);
    return label;
  });
}

/**
 * A tree's package set: the packages it lists, else what its source says (restraml's `.../extra/...`
 * dumps carry every extra package), else the base package. Trees of different sets are not compared as
 * versions: what one has and the other lacks may come from a package.
 */
function packageSet({ model, source }: SiteTree): string[] {
  const listed = model.header.packages;
  if (listed?.length) return [...listed].sort();
  return /(?:^|[\\/:])extra(?:[\\/]|$)/.test(source) ? ["routeros", "extra packages"] : ["routeros"];
}

const setWords = (set: readonly string[]): string =>
  set.length === 1 && set[0] === "routeros" ? "base package" : set.filter((p) => p !== "routeros").join(", ") || "routeros";

/** Packages of one set that the other lacks. */
const beyond = (set: readonly string[], other: readonly string[]): boolean => set.some((p) => !other.includes(p));

interface Downloads {
  files: OutputFile[];
  /** A link to each entry file written, in registry order. */
  links: { text: string; path: string }[];
}

/**
 * The downloads of a version: what `generate` writes, from the same view, of each emitter that has
 * something to say (the overlay only with evidence), and the links to them: one list of what was written.
 */
async function downloads(view: EmitterView, folder: string): Promise<Downloads> {
  const emitters: Emitter[] = EMITTERS.filter((e) => e.name !== "site" && hasInput(e, view));
  const outputs = await Promise.all(emitters.map(async (e) => e.emit(view, optionsOf(e))));
  const written = new Set(outputs.flat().map((f) => f.path));
  return {
    files: outputs.flat().map((f) => ({ ...f, path: `${folder}/download/${f.path}` })),
    links: emitters.flatMap((e) =>
      e.entries.filter((d) => written.has(d.file)).map((d) => ({ text: d.text, path: `${folder}/download/${d.file}` })),
    ),
  };
}

export async function buildSite(input: readonly SiteTree[], options: SiteOptions = {}): Promise<OutputFile[]> {
  if (input.length === 0) throw new UserError("a site needs at least one tree");
  const trees = [...input].sort((a, b) => compareVersions(a.model.header.version ?? "0", b.model.header.version ?? "0"));
  const names = labels(trees);
  const sets = trees.map(packageSet);
  const folders = names.map(versionFolder);
  if (new Set(folders).size !== folders.length) throw new UserError(`two trees would share a folder: ${folders.join(", ")}`);
  const views = await Promise.all(trees.map(async ({ model, ...inputs }) => buildView((await buildDocument(model, inputs)).document)));

  // Since and removed: `rosapi history` over the versions (base and extra trees of one version count as one).
  const spans = new Map<string, Lifespan>();
  if (trees.length > 1 && trees.every((t) => t.model.header.version)) {
    // Where a version's first tree has packages the tree before lacks (an addition may come from them), or
    // lacks packages that tree has (so may a removal): the step, in words.
    const boundary = (version: string, added: boolean): string | undefined => {
      const i = trees.findIndex((t) => t.model.header.version === version);
      if (i < 1) return undefined;
      const [before, after] = [sets[i - 1]!, sets[i]!];
      if (!(added ? beyond(after, before) : beyond(before, after))) return undefined;
      return `${names[i - 1]!} (${setWords(before)}) → ${names[i]!} (${setWords(after)})`;
    };
    for (const node of buildHistory(trees.map((t) => t.model)).nodes) {
      if (node.since === undefined) continue;
      const first = node.since === trees[0]!.model.header.version;
      if (first && !node.removedIn) continue;
      const came = first ? undefined : boundary(node.since, true);
      const went = node.removedIn ? boundary(node.removedIn, false) : undefined;
      spans.set(`${node.level} ${node.path}`, {
        ...(first || came ? {} : { since: node.since }),
        ...(node.removedIn && !went ? { removedIn: node.removedIn } : {}),
        ...(came || went ? { packages: { text: came ? "with packages" : "packages differ", step: came ?? went! } } : {}),
      });
    }
  }
  // A node one dump lacks that the trees before and after it (of its package set) have is a gap of that
  // dump, not a removal and a return: only a series of three trees or more shows one.
  const indexes = trees.length > 2 ? trees.map((t) => indexTree(t.model.root)) : [];
  const like = (lacking: number, from: number, to: number) =>
    indexes.filter((_, j) => j >= from && j < to && !beyond(sets[j]!, sets[lacking]!) && !beyond(sets[lacking]!, sets[j]!));
  const pairs = trees.slice(1).map((tree, i) => {
    const diff = diffModels(trees[i]!.model, tree.model, { from: names[i]!, to: names[i + 1]! });
    return {
      from: names[i]!,
      to: names[i + 1]!,
      ...(beyond(sets[i]!, sets[i + 1]!) || beyond(sets[i + 1]!, sets[i]!)
        ? { packages: [setWords(sets[i]!), setWords(sets[i + 1]!)] as [string, string] }
        : {}),
      diff,
      gaps: dumpGaps(diff.changes, { earlier: like(i, 0, i), later: like(i + 1, i + 2, trees.length) }),
      fromIndex: `${folders[i]}/index.html`,
      toIndex: `${folders[i + 1]}/index.html`,
    };
  });
  const changes = new Map<string, Change[]>();
  for (const pair of pairs) {
    const counts = new Map<string, { count: number; breaking: number }>();
    for (const c of pair.diff.changes)
      for (const menu of c.menus) {
        const n = counts.get(menu) ?? { count: 0, breaking: 0 };
        counts.set(menu, { count: n.count + 1, breaking: n.breaking + Number(c.breaking && !pair.gaps.has(c)) });
      }
    for (const [menu, n] of counts)
      changes.set(menu, [
        ...(changes.get(menu) ?? []),
        { from: pair.from, to: pair.to, path: `${diffPage(pair.from, pair.to)}#${menuAnchor(menu)}`, ...n },
      ]);
  }
  // A version (as history names it) leads to the diff page into its first tree.
  const into = new Map<string, string>();
  pairs.forEach((pair, i) => {
    const version = trees[i + 1]!.model.header.version ?? pair.to;
    if (!into.has(version)) into.set(version, diffPage(pair.from, pair.to));
  });
  const pagesOf = views.map((view) => new Set(menus(view).map(menuPage)));
  const withDownloads = options.downloads ?? true;
  const shipped = withDownloads ? await Promise.all(views.map((view, i) => downloads(view, folders[i]!))) : [];
  const versions = views.map((view, i) => {
    const folder = folders[i]!;
    const context: VersionContext = {
      label: names[i]!,
      folder,
      lifespan: (node: ConsoleNode) => spans.get(`${node.level} ${node.path}`) ?? {},
      diffInto: (version) => into.get(version),
      changes: (menu) => changes.get(menu) ?? [],
      switcher: (inVersion) =>
        folders.length < 2
          ? []
          : folders.map((f, j) => ({
              label: names[j]!,
              path: `${f}/${inVersion.startsWith("m/") && !pagesOf[j]!.has(inVersion) ? "index.html" : inVersion}`,
              current: j === i,
            })),
      downloads: shipped[i]?.links ?? [],
    };
    return { view, context };
  });
  return [...sitePages(versions), ...diffPages(pairs), ...shipped.flatMap((d) => d.files)];
}

/** Every menu of a view that has a page. */
function menus(view: EmitterView): string[] {
  const out: string[] = [];
  const walk = (node: EmitterView["tree"]) => {
    if (node.menu !== "/" || node.operations.length) out.push(node.menu);
    for (const child of node.children.values()) walk(child);
  };
  walk(view.tree);
  return out;
}
