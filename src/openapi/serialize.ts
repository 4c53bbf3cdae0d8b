/** Deterministic text forms of the document: the same document gives the same bytes. */
import type { OpenAPIV3 } from "openapi-types";
import { stringify } from "yaml";

export function toJson(doc: OpenAPIV3.Document): string {
  return JSON.stringify(doc, null, 2) + "\n";
}

export function toYaml(doc: OpenAPIV3.Document): string {
  // No anchors: readers of the YAML should see every schema where it is used.
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}
