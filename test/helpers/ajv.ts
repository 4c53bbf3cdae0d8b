/** The validator the MCP server checks plans with: a standard JSON Schema validator (ajv + ajv-formats) over one OpenAPI document. */
export { documentValidator } from "../../src/mcp/validate.js";
