/** OpenAPI → typed TypeScript client. Stub until the client generator lands. */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "../../io/files.js";

export async function emitTypeScriptClient(_doc: OpenAPIV3.Document): Promise<OutputFile[]> {
  return [];
}
