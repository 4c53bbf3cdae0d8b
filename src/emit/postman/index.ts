/**
 * OpenAPI → Postman collection v2.1.0: folders from the menu tree, a request
 * per operation, collection-level Basic auth and `{{baseUrl}}`, a test that
 * every reply is 2xx and JSON, and created ids passed along in variables.
 */
import type { OutputFile } from "../../io/files.js";
import type { EmitterView } from "../../view/index.js";
import { folderTree } from "./folders.js";
import { stableId } from "./ids.js";
import { requestItem } from "./requests.js";
import { ALLOW_VARIABLE, COLLECTION_TEST, MINIMUM_VERSIONS, NOT_SENT_URL, SAFETY_RULE } from "./scripts.js";

const POSTMAN_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

export function buildCollection(view: EmitterView): Record<string, unknown> {
  const { info, version } = view;
  return {
    info: {
      _postman_id: stableId(`collection ${info.title} ${version}`),
      name: `${info.title}`,
      description: [
        info.description ?? "",
        "Set `baseUrl`, `username` and `password` (collection variables, or better an environment) to your router's.",
        "Item requests use `{{<menu>_id}}` variables (`ip_address_id`): a list fills it with the first item, an add with the new one (and `<menu>_id_added`); " +
          "a remove that succeeds unsets both, since the id then names nothing. " +
          "They are created by the run rather than declared, since every declared variable slows each script of a run; set one in an environment to aim at an item.",
        SAFETY_RULE,
        `Requires ${MINIMUM_VERSIONS}. An older runtime cannot skip: a guarded request is then sent to \`${NOT_SENT_URL}\` (no DNS lookup, no connection) and fails its test.`,
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
    ],
    item: folderTree(view.tree, (op) => requestItem(view, op)),
  };
}

export function emitPostman(view: EmitterView): OutputFile[] {
  return [{ path: "postman.json", content: JSON.stringify(buildCollection(view), null, 2) + "\n" }];
}
