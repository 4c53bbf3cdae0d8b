export { checkConfig, seconds, type CheckOptions } from "./check.js";
export { upgradeFindings } from "./upgrade.js";
export { checkTree, resolvePath, type CheckTree } from "./tree.js";
export { formatJson, formatSarif, formatText, summarize } from "./format.js";
export { RULES, type CheckReport, type CheckSummary, type Finding, type RuleId, type Severity } from "./types.js";
