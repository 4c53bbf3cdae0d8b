export { buildOpenApi, GENERATOR } from "./document.js";
export { validateOpenApi } from "./validate.js";
export { toJson, toYaml } from "./serialize.js";
