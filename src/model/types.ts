/**
 * The schema model: our own typed tree of what a RouterOS router says about
 * itself through /console/inspect. It keeps everything the router answered
 * (all syntax rows, all shown completions with their style) so that later
 * stages never need to go back to the router.
 */

/** `node-type` of `request=child`: `path` and `dir` are menus. */
export type MenuNodeType = "path" | "dir";

/** One row of `request=syntax`, values decoded from RouterOS strings. */
export interface SyntaxRow {
  symbol: string;
  /** `definition` on args; `collection` / `explanation` on commands and menus. */
  symbolType: string;
  text: string;
  nested: number;
  nonorm: boolean;
}

/**
 * `style` of a completion: `none`/`arg` are words (fixed vocabulary or, with
 * `none`, also objects of the live router), `dir` a file path, `syntax-meta`
 * punctuation, `obj-*` objects of the router.
 */
type CompletionStyle =
  "none" | "arg" | "dir" | "syntax-meta" | "obj-dynamic" | "obj-disabled" | "obj-inactive" | "obj-wildcard" | (string & {});

/** One shown (`show=true`) row of `request=completion`. */
export interface Completion {
  word: string;
  style: CompletionStyle;
  preference: number;
  /** The router's `text` for the candidate, when it gave one. */
  text?: string;
}

/**
 * In which versions a node of a merged model exists (src/model/merge.ts):
 * absent on a single version's model.
 */
export interface VersionSpan {
  /** The first merged version that has it. */
  since: string;
  /** The first merged version, after the last that has it, that no longer does. */
  removedIn?: string;
}

export interface Arg {
  kind: "arg";
  /** Human description: the command's `explanation` row for this arg. */
  description?: string;
  /** Rows of `request=syntax` on the arg; absent when never asked or unknown. */
  syntax?: SyntaxRow[];
  /** Rows of `request=completion`; absent when never asked (e.g. restraml inspect.json). */
  completions?: Completion[];
  versions?: VersionSpan;
}

export interface Command {
  kind: "command";
  /** `explanation` text of the parent menu for this command, e.g. "Create a new item". */
  description?: string;
  args: Record<string, Arg>;
  versions?: VersionSpan;
}

/** An item property of a menu, as listed by `print`→`proplist` (or `get`→`value-name`). */
export interface Property {
  description?: string;
  versions?: VersionSpan;
}

export interface Menu {
  kind: "menu";
  nodeType: MenuNodeType;
  description?: string;
  menus: Record<string, Menu>;
  commands: Record<string, Command>;
  /**
   * What the menu's items carry, read-only ones included. Absent when the
   * source did not say (no completions): consumers then fall back to add/set args.
   */
  properties?: Record<string, Property>;
  versions?: VersionSpan;
}

export type SourceKind = "crawl" | "restraml-inspect" | "restraml-deep-inspect" | "sample" | "model";

export interface CrawlStats {
  requests: number;
  retries: number;
  failures: number;
  durationMs: number;
  /** Comma paths that were skipped because they hung or kept failing. */
  skipped: string[];
}

export interface ModelHeader {
  /** RouterOS version as the router reports it, e.g. "7.22.3" (channel stripped). */
  version?: string;
  architecture?: string;
  board?: string;
  packages?: string[];
  source: { kind: SourceKind; url?: string; file?: string; crawledAt?: string };
  stats?: CrawlStats;
  /** A merged model: the versions it unites, oldest first. */
  mergedVersions?: string[];
  /** Facts the source could not give (e.g. "packages" when /system/package was refused). */
  unknown?: string[];
}

export const MODEL_FORMAT = "rosapi-model";
export const MODEL_FORMAT_VERSION = 1;

export interface SchemaModel {
  format: typeof MODEL_FORMAT;
  formatVersion: typeof MODEL_FORMAT_VERSION;
  header: ModelHeader;
  root: Menu;
}
