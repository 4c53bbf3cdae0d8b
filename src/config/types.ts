/** A RouterOS configuration script (`/export` and hand-written `.rsc`), as typed items with their source positions. */

/** 1-based, as editors and SARIF count. */
export interface Position {
  line: number;
  column: number;
}

export interface ConfigValue extends Position {
  /** As written, continuations joined (quotes and escapes kept). */
  raw: string;
  /**
   * `plain` and `quoted` values carry `text`, what RouterOS reads; a `script` value (`$var`, `[ cmd ]`,
   * `( expr )`, `{ block }`, or a quoted string that interpolates a variable) is decided when the script runs:
   * it is not checked, never guessed.
   */
  kind: "plain" | "quoted" | "script";
  text?: string;
}

export interface ConfigArg extends Position {
  /** The arg's full name: a `.mode` after `configuration.country=` is `configuration.mode`. */
  name: string;
  /** None for `!name` (the export's way to say an arg is unset). */
  value?: ConfigValue;
  unset?: true;
}

/** Which items a `set`/`remove`/`enable`/`disable`/`unset` addresses. */
export interface Selector extends Position {
  /** `[ find default-name=ether1 ]`, `[ find where name=x ]`, `[ find ]`; a positional `0`, `0,2`, `ether1`; a `$var` or another script. */
  kind: "find" | "positional" | "script";
  raw: string;
  /** A `find`'s `name=value` conditions (none for a `where` expression). */
  conditions?: ConfigArg[];
  /** A `find where …` expression, kept as written. */
  where?: string;
}

export interface ConfigCommand extends Position {
  kind: "command";
  /** The menu the line runs in, before its own words: `/ip/firewall/filter` (`/` at the root). */
  context: string;
  /** The words naming the menu and the command (`ip firewall filter add`, or just `add`), each with its column. */
  path: { word: string; line: number; column: number }[];
  /** The menu and command the parser reads (the last word is the command); a checker with the tree may read them otherwise. */
  menu: string;
  command: string;
  selector?: Selector;
  /** Bare values after the selector (`unset 0 comment`: `comment`). */
  positional: ConfigValue[];
  args: ConfigArg[];
  /** The last physical line of the command (continuations and multi-line blocks span several). */
  endLine: number;
}

/** `/ip firewall filter` alone: the menu the next lines run in. */
export interface MenuLine extends Position {
  kind: "menu";
  menu: string;
  path: { word: string; line: number; column: number }[];
}

/** `:local`, `:if`, `:foreach`, `{ … }`, `$var …`: scripting, reported as not checked. */
export interface ScriptLine extends Position {
  kind: "script";
  endLine: number;
  text: string;
}

export interface CommentLine extends Position {
  kind: "comment";
  text: string;
}

/** A line the parser cannot read (an unterminated quote, an unknown escape, an unclosed block). */
export interface ParseProblem extends Position {
  kind: "problem";
  endLine: number;
  message: string;
}

export type ConfigItem = ConfigCommand | MenuLine | ScriptLine | CommentLine | ParseProblem;

/** What the export's first comment lines say. */
export interface ConfigHeader {
  /** `# … by RouterOS 7.16.2`: `7.16.2`. */
  version?: string;
  /** `# model = RB5009UG+S+`. */
  model?: string;
  /** `# software id = ABCD-1234`. */
  softwareId?: string;
}

export interface ParsedConfig {
  file: string;
  header: ConfigHeader;
  items: ConfigItem[];
  /** Physical lines in the file. */
  lines: number;
}
