export { parseConfig } from "./parse.js";
export { readConfigFile, configText, MAX_LINE_CHARS } from "./read.js";
export { unescapeQuoted, writeValue } from "./values.js";
export type * from "./types.js";
