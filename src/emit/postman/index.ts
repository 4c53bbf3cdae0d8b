/**
 * OpenAPI → Postman collection v2.1.0: folders from the menu tree, a request
 * per operation, collection-level Basic auth and `{{baseUrl}}`, a test that
 * every reply is 2xx and JSON, and created ids passed along in variables.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { OutputFile } from "../../io/files.js";
import { inlineValueSchemas } from "../../openapi/components.js";
import { listOperations } from "../operations.js";
import { folderTree } from "./folders.js";
import { idVariable, stableId } from "./ids.js";
import { requestItem } from "./requests.js";
import { addedVariable, ALLOW_VARIABLE, COLLECTION_TEST } from "./scripts.js";

export const POSTMAN_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

export function buildCollection(document: OpenAPIV3.Document): Record<string, unknown> {
  // Property schemas in place of the document's shared value components (until the emitter view resolves them).
  const doc = inlineValueSchemas(document);
  const operations = listOperations(doc);
  const version = doc.info.version;
  const idVariables = [...new Set(operations.filter((op) => op.path.endsWith("{id}") || op.command === "add").map((op) => idVariable(op.menu)))].sort();
  return {
    info: {
      _postman_id: stableId(`collection ${doc.info.title} ${version}`),
      name: `${doc.info.title}`,
      description: [
        doc.info.description ?? "",
        "Set `baseUrl`, `username` and `password` (collection variables, or better an environment) to your router's.",
        "Item requests use `{{<menu>_id}}` variables: a list fills it with the first item, an add with the new one.",
        "Run as a whole, the collection touches only what it adds: a request that changes (beyond its comment) or removes an item " +
          "runs on the item this collection added, and reboot, settings and the like are skipped, unless `allowDisruptive` is `true`.",
      ].join("\n\n"),
      schema: POSTMAN_SCHEMA,
    },
    auth: {
      type: "basic",
      basic: [
        { key: "username", value: "{{username}}", type: "string" },
        { key: "password", value: "{{password}}", type: "string" },
      ],
    },
    event: [{ listen: "test", script: { type: "text/javascript", exec: COLLECTION_TEST } }],
    variable: [
      { key: "baseUrl", value: "https://192.168.88.1/rest", type: "string" },
      { key: "username", value: "admin", type: "string" },
      // No secret in the file: a new router's admin has an empty password.
      { key: "password", value: "", type: "string" },
      { key: ALLOW_VARIABLE, value: "false", type: "string" },
      ...idVariables.flatMap((key) => [key, addedVariable(key)]).map((key) => ({ key, value: "", type: "string" })),
    ],
    item: folderTree(operations.map((op) => ({ op, item: requestItem(doc, op) }))),
  };
}

export async function emitPostman(doc: OpenAPIV3.Document): Promise<OutputFile[]> {
  return [{ path: "postman.json", content: JSON.stringify(buildCollection(doc), null, 2) + "\n" }];
}
