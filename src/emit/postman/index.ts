/** OpenAPI → Postman collection v2.1. Stub until the collection generator lands. */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "../../io/files.js";

export async function emitPostman(_doc: OpenAPIV3.Document): Promise<OutputFile[]> {
  return [];
}
