/** Deterministic text forms of the document: the same document gives the same bytes. */
import { dump } from "js-yaml";
import type { OpenAPIV3 } from "openapi-types";

/** Compact: indentation was half of a 17 MB document, and every reader of JSON is a program; people read the YAML. */
export function toJson(doc: OpenAPIV3.Document): string {
  return JSON.stringify(doc) + "\n";
}

export function toYaml(doc: OpenAPIV3.Document): string {
  // No anchors: readers of the YAML should see every schema where it is used.
  // js-yaml rather than `yaml`: 3x faster on a 15 MB document.
  return dump(doc, { noRefs: true, lineWidth: -1 });
}
