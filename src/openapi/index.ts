export { buildOpenApi, GENERATOR, OPENAPI_VERSION } from "./document.js";
export { buildDocument, type BuiltDocument, type DocumentInputs } from "./build.js";
export { parseArchDiff, type ArchDiff } from "./arch.js";
export { startValidator, validateInWorker, validateOpenApi, type WorkerValidator } from "./validate.js";
export { toJson, toYaml } from "./serialize.js";
export { splitByTopMenu } from "./split.js";
export { hoistValueSchemas, inlineValueSchemas } from "./components.js";
