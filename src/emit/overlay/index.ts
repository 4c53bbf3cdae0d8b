/**
 * The evidence as an OpenAPI Overlay 1.0 document (`overlay.json`): for
 * another description of the same API (restraml's), applied with any overlay
 * tool. Targets name paths, not our component names: each add body (PUT)
 * gains its `required` and group rules, each property its `default`, each
 * with `x-routeros-evidence`; each settings object (GET) its defaults.
 */
import type { OutputFile } from "../../io/files.js";
import { valueFacts } from "../../openapi/extensions.js";
import type { EmitterView, ViewOperation } from "../../view/index.js";

interface Action {
  target: string;
  description?: string;
  update: Record<string, unknown>;
}

/** A JSONPath name selector (RFC 9535), quoted. */
const name = (key: string): string => `['${key.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;

function actionsOf(view: EmitterView, op: ViewOperation): Action[] {
  const at =
    op.verb === "add" && op.method === "put"
      ? `$.paths${name(op.path)}.put.requestBody.content${name("application/json")}.schema`
      : op.verb === "get" && op.kind === "settings"
        ? `$.paths${name(op.path)}.get.responses${name("200")}.content${name("application/json")}.schema`
        : undefined;
  const schema = at && (op.verb === "add" ? op.body : view.value(op.reply.schema ?? {}).schema);
  if (!at || !schema) return [];
  const actions: Action[] = [];
  const rule = valueFacts(schema)["x-routeros-evidence"]?.required;
  if (rule?.status === "known") {
    const keys = Object.fromEntries((["required", "oneOf", "anyOf", "allOf"] as const).flatMap((k) => (schema[k] ? [[k, schema[k]]] : [])));
    actions.push({
      target: at,
      description: `${op.menu} add: what it requires (${rule.source}, ${rule.origin})`,
      update: { ...keys, "x-routeros-evidence": { required: rule } },
    });
  }
  for (const [prop, value] of view.properties(schema)) {
    const evidence = value.facts["x-routeros-evidence"]?.default;
    if (value.schema.default === undefined || !evidence) continue;
    actions.push({
      target: `${at}.properties${name(prop)}`,
      update: { default: value.schema.default, "x-routeros-evidence": { default: evidence } },
    });
  }
  return actions;
}

export function emitOverlay(view: EmitterView): OutputFile[] {
  const actions = view.operations.flatMap((op) => actionsOf(view, op));
  const sources = view.routeros.evidence ?? [];
  const overlay = {
    overlay: "1.0.0",
    info: {
      title: `Required args and defaults of RouterOS ${view.version}, from evidence`,
      version: view.version,
      description: sources.length ? `From ${sources.map((s) => `${s.file} (${s.description})`).join("; ")}.` : "No evidence was given.",
    },
    actions,
  };
  return [{ path: "overlay.json", content: JSON.stringify(overlay, null, 2) + "\n" }];
}
