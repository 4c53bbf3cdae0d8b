/**
 * The one way a command turns its evidence flags into what `buildDocument` takes: `--facts <files or names...>`
 * (default: the package's observed probes, and Ansible's latest `_api_data.py` from its publisher through the cache),
 * `--no-facts` (no evidence at all), `--overlay`, `--arch-diff`. It also says, in one line per version, what evidence
 * was used and what stays unknown; offline with nothing cached it uses what the package carries and says what is missing.
 */
import { Option, type Command } from "commander";
import { load } from "js-yaml";
import type { FactInput, Facts } from "../facts/index.js";
import { readFactFile } from "../facts/load.js";
import { PACKAGED, packagedFacts } from "../facts/packaged.js";
import { UserError } from "../io/errors.js";
import { parseJson, readTextFile } from "../io/files.js";
import { forEachCommand } from "../model/walk.js";
import type { SchemaModel } from "../model/types.js";
import { parseArchDiff, type ArchDiff } from "../openapi/arch.js";
import type { DocumentInputs } from "../openapi/build.js";
import { fetchEvidence, isNamedEvidence } from "../sources/evidence.js";
import { archDiffUrl, fetchCached, defaultCacheDir } from "../sources/index.js";

export interface EvidenceFlags {
  /** Files and names; false: `--no-facts`; absent: the default evidence. */
  facts?: string[] | false;
  overlay?: string[];
  archDiff?: string;
  probeBase?: string;
  ansibleBase?: string;
  ansibleTags?: string;
  cacheDir?: string;
}

const FACTS_HELP =
  "evidence of required args and defaults, files or names: probe:<version> (lsp-routeros-ts's observed probe), ansible:<version> / ansible:latest (community.routeros's _api_data.py), packaged (the probes rosapi carries), required-args.v<version>.json, _api_data.py. Default: packaged and ansible:latest, the version nearest the tree's chosen per fact";

/** The evidence flags, on a command that builds documents; `overlay` and `archDiff` where the command applies them. */
export function evidenceOptions(command: Command, { overlay = false, archDiff = false } = {}): Command {
  command
    .option("--facts <sources...>", FACTS_HELP)
    .option("--no-facts", "no evidence: no required args or defaults beyond what the tree says")
    .addOption(new Option("--probe-base <url>", "where probe:<version> is fetched from").env("ROSAPI_PROBE_BASE").hideHelp())
    .addOption(new Option("--ansible-base <url>", "where ansible:<version> is fetched from").env("ROSAPI_ANSIBLE_BASE").hideHelp())
    .addOption(new Option("--ansible-tags <url>", "the tag listing ansible:latest reads").env("ROSAPI_ANSIBLE_TAGS").hideHelp());
  if (overlay)
    command.option(
      "--overlay <files...>",
      "OpenAPI Overlay documents (JSON or YAML) applied in order to the document before anything is emitted",
    );
  if (archDiff)
    command.option(
      "--arch-diff <file>",
      "restraml's comparison of two architectures (diff-deep-inspect.json): what exists on one only is marked x-routeros-arch",
    );
  return command;
}

/** The evidence the flags name, read once for every tree of the command, with what could not be had. */
async function readEvidence(flags: EvidenceFlags): Promise<{ inputs: FactInput[]; missing: string[] }> {
  if (flags.facts === false) return { inputs: [], missing: [] };
  const sources = {
    ...(flags.probeBase ? { probeBase: flags.probeBase } : {}),
    ...(flags.ansibleBase ? { ansibleBase: flags.ansibleBase } : {}),
    ...(flags.ansibleTags ? { ansibleTags: flags.ansibleTags } : {}),
    ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
  };
  if (flags.facts === undefined) {
    // The default never fails: what cannot be fetched nor found in the cache is named as missing.
    const ansible = await fetchEvidence("ansible:latest", sources).then(
      (input) => ({ input }),
      (err: unknown) => {
        if (err instanceof UserError) return { missing: `ansible:latest (${err.message}): defaults unknown` };
        throw err;
      },
    );
    return {
      inputs: [...packagedFacts(), ...("input" in ansible ? [ansible.input] : [])],
      missing: "missing" in ansible ? [ansible.missing] : [],
    };
  }
  const inputs = await Promise.all(
    flags.facts.map(async (spec) =>
      spec === PACKAGED ? packagedFacts() : [isNamedEvidence(spec) ? await fetchEvidence(spec, sources) : await readFactFile(spec)],
    ),
  );
  return { inputs: inputs.flat(), missing: [] };
}

/** A JSON or YAML file as a value (YAML is a superset of JSON), or one message. */
async function readDocument(file: string): Promise<unknown> {
  const text = await readTextFile(file);
  try {
    return load(text, { filename: file });
  } catch (err) {
    throw new UserError(`${file} is neither JSON nor YAML: ${(err as Error).message.split("\n")[0]}`);
  }
}

export interface CommandInputs {
  /** What `buildDocument` takes for each model, in the order given. */
  inputs: DocumentInputs[];
  /** The facts chosen for each model (absent: no evidence). */
  facts: (Facts | undefined)[];
  /** One line per model: what evidence was used, what stays unknown. */
  lines: string[];
}

async function readArchDiff(file: string): Promise<ArchDiff> {
  return parseArchDiff(parseJson(await readTextFile(file), file), file);
}

/** restraml's comparison beside a `restraml:<version>/extra` tree, where it publishes one; nothing otherwise. */
async function publishedArchDiff(spec: string, flags: EvidenceFlags & { restramlBase?: string }): Promise<ArchDiff | undefined> {
  const url = await archDiffUrl(spec, flags.restramlBase ? { restramlBase: flags.restramlBase } : {});
  if (!url) return undefined;
  try {
    const file = await fetchCached(url, flags.cacheDir ?? defaultCacheDir(), {
      check: (body) => void parseArchDiff(JSON.parse(body), url),
    });
    return await readArchDiff(file);
  } catch (err) {
    if (err instanceof UserError || err instanceof SyntaxError) return undefined;
    throw err;
  }
}

/**
 * The flags → the inputs of each model's document, and the evidence line of each. `specs`: the trees as named
 * (`restraml:7.24/extra` brings its architecture comparison where restraml publishes one).
 */
export async function documentInputs(
  flags: EvidenceFlags & { restramlBase?: string },
  models: readonly SchemaModel[],
  specs: readonly string[] = [],
): Promise<CommandInputs> {
  const { inputs: evidence, missing } = await readEvidence(flags);
  const overlays = await Promise.all((flags.overlay ?? []).map(async (file) => ({ overlay: await readDocument(file), source: file })));
  const given = flags.archDiff ? await readArchDiff(flags.archDiff) : undefined;
  const archs = await Promise.all(models.map(async (_, i) => given ?? (specs[i] ? publishedArchDiff(specs[i], flags) : undefined)));
  // Evidence is chosen by version: by default a tree without one gets none (and the line says so); named evidence needs it.
  const applies = (model: SchemaModel) => evidence.length > 0 && (flags.facts !== undefined || model.header.version !== undefined);
  // Imported here, not at the top: registering a command (and `rosapi mcp` up to its tool list) needs no document builder.
  const { evidenceFor } = await import("../openapi/build.js");
  const facts = models.map((model) => (applies(model) ? evidenceFor(model, { facts: evidence }) : undefined));
  return {
    inputs: models.map((model, i) => ({
      ...(applies(model) ? { facts: evidence } : {}),
      ...(overlays.length ? { overlays } : {}),
      ...(archs[i] ? { arch: archs[i] } : {}),
    })),
    facts,
    lines: models.map((model, i) => {
      const line = treeLine(specs[i], model) + evidenceLine(model, facts[i], missing, models.length > 1);
      const arch = archs[i];
      return arch ? `${line}\narchitecture: ${arch.labels.join(" vs ")} from ${arch.source}` : line;
    }),
  };
}

/** Which of restraml's trees a `restraml:` spec gave: the typed deep-inspect.json, or the plain inspect.json. */
function treeLine(spec: string | undefined, model: SchemaModel): string {
  if (!spec?.startsWith("restraml:")) return "";
  return model.header.source.kind === "restraml-deep-inspect"
    ? `tree: ${spec}: restraml's typed deep-inspect.json\n`
    : `tree: ${spec}: restraml's plain inspect.json (no deep-inspect.json published): value types unknown\n`;
}

/** `evidence: probe 7.22.1 (inferred for 7.24), ansible 3.21.0 — 171 add menus known, 68 unknown`. */
function evidenceLine(model: SchemaModel, facts: Facts | undefined, missing: readonly string[] = [], named = false): string {
  const head = named ? `evidence for ${model.header.version ?? "(version unknown)"}` : "evidence";
  if (!facts)
    return `${head}: none (${model.header.version ? "--no-facts" : "the tree names no RouterOS version"}): required args and defaults unknown`;
  const addMenus: string[] = [];
  forEachCommand(model.root, (_command, name, path) => {
    if (name === "add") addMenus.push("/" + path.join("/"));
  });
  const winners = new Map<string, number>();
  let known = 0;
  for (const menu of addMenus) {
    const decision = facts.menus.get(menu)?.required;
    if (!decision) continue;
    known++;
    const e = decision.evidence;
    const name =
      e.source === "observed"
        ? `probe ${e.version}${e.inferredFrom ? ` (inferred for ${facts.target})` : ""}`
        : `ansible ${e.origin.replace(/^community\.routeros /, "")}`;
    winners.set(name, (winners.get(name) ?? 0) + 1);
  }
  const defaults = [...facts.menus.values()].reduce((n, m) => n + m.defaults.size, 0);
  const curated = facts.sources.find((s) => s.description.startsWith("community.routeros"));
  const used = [...winners].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  if (curated && !used.some((u) => u.startsWith("ansible")))
    used.push(`ansible ${curated.description.replace(/^community\.routeros /, "").replace(/ \(_api_data\.py\), curated$/, "")}`);
  const counts = `${known} add menus known, ${addMenus.length - known} unknown; ${defaults} defaults`;
  return `${head}: ${used.length ? used.join(", ") : "nothing that applies"} — ${counts}${missing.length ? `; missing: ${missing.join("; ")}` : ""}`;
}
