/**
 * The library API (`import { generate } from "rosapi"`): what the CLI is
 * thin over. Crawl a router into a model (or load a dump), build the OpenAPI
 * document, run the emitters, serve a simulated router, and serve a router to AI agents (MCP).
 */
export { crawl, type CrawlOptions, type CrawlProgress } from "./crawl/index.js";
export { loadModel, parseModel, saveModel, type LoadOptions } from "./model/load.js";
export type { SchemaModel } from "./model/types.js";
export { buildOpenApi, inlineValueSchemas, splitByTopMenu, toJson, toYaml, validateOpenApi } from "./openapi/index.js";
export type * from "./openapi/extensions.js";
export { generate, DEFAULT_TARGETS, type GenerateOptions, type GenerateResult, type Target } from "./generate.js";
export {
  EMITTERS,
  EMITTER_NAMES,
  type Emitter,
  type EmitterName,
  type EmitterOption,
  type EmitOptions,
  type OptionValue,
} from "./emit/registry.js";
export { buildView, type EmitterView, type MenuNode, type ValueView, type ViewOperation } from "./view/index.js";
export type { OutputFile } from "./io/files.js";
export { diffModels, formatDiff, markdownDiff, type Change, type DiffOptions, type ModelDiff } from "./diff/index.js";
export { mergeModels } from "./model/merge.js";
export { buildHistory, whereIs, type History, type NodeHistory } from "./history/history.js";
export { startSimulator, type RunningSimulator, type SimulatorOptions, type StoreSeed } from "./simulator/index.js";
export { buildSite, type SiteOptions, type SiteTree } from "./site.js";
export { resolveSource, sourceUrl, type SourceOptions } from "./sources/index.js";
export { openEngine, createMcpServer, serveHttp, auditToFile, type McpOptions, type AuditEntry, type AuditSink } from "./mcp/index.js";
export { readFactFiles, readFactFile, factsForModel, resolveFacts, type FactInput, type Facts, type FactSet } from "./facts/index.js";
export { probeRouter, type ProbeOptions, type ProbeResult } from "./probe/probe.js";
export { applyOverlay, type OverlayResult } from "./openapi/overlay.js";
export {
  parseConfig,
  readConfigFile,
  writeValue,
  type ParsedConfig,
  type ConfigItem,
  type ConfigCommand,
  type MenuLine,
  type ScriptLine,
  type ParseProblem,
} from "./config/index.js";
export {
  checkConfig,
  checkTree,
  upgradeFindings,
  formatJson,
  formatSarif,
  formatText,
  summarize,
  RULES,
  type CheckTree,
  type CheckReport,
  type CheckSummary,
  type Finding,
  type Severity,
} from "./check/index.js";
