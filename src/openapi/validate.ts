/** Validation of a built document against the OpenAPI 3.0 schema, before anything is written. */
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenAPIV3 } from "openapi-types";

/**
 * Throws when the document is not valid OpenAPI 3.0 or has a broken $ref.
 * swagger-parser dereferences in place, so it gets a copy.
 */
export async function validateOpenApi(doc: OpenAPIV3.Document): Promise<void> {
  await SwaggerParser.validate(structuredClone(doc) as never);
}
