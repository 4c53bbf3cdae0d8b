/**
 * One document per top-level menu (`ip`, `interface`, ...), for viewers and
 * generators that struggle with the whole API at once: each keeps its paths,
 * its tags and only the components they reach.
 */
import type { OpenAPIV3 } from "openapi-types";
import { operationFacts } from "./extensions.js";

type TagGroup = { name: string; tags: string[] };

/** The top-level menu of a path: `/ip/address/{id}` → `ip`; root commands (`/ping`) → `root`. */
function topOf(path: string, item: OpenAPIV3.PathItemObject): string {
  const op = Object.values(item).find((value) => value && typeof value === "object" && "x-routeros-menu" in value) as
    OpenAPIV3.OperationObject | undefined;
  const menu = op ? operationFacts(op)["x-routeros-menu"] : path;
  return menu.split("/")[1] || "root";
}

/** Names of the schemas a value reaches through `$ref`s, transitively. */
function reachedSchemas(start: unknown, schemas: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object") continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
        const name = value.slice("#/components/schemas/".length);
        if (!found.has(name)) {
          found.add(name);
          stack.push(schemas[name]);
        }
      } else if (value && typeof value === "object") stack.push(value);
    }
  }
  return found;
}

export function splitByTopMenu(doc: OpenAPIV3.Document): Map<string, OpenAPIV3.Document> {
  const byTop = new Map<string, OpenAPIV3.PathsObject>();
  for (const [path, item] of Object.entries(doc.paths)) {
    const top = topOf(path, item!);
    byTop.set(top, { ...byTop.get(top), [path]: item });
  }
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const groups = (doc as unknown as { "x-tagGroups"?: TagGroup[] })["x-tagGroups"] ?? [];
  const parts = new Map<string, OpenAPIV3.Document>();
  for (const [top, paths] of byTop) {
    // Responses and parameters are few and shared; they reach the error schema.
    const reached = reachedSchemas({ paths, responses: doc.components?.responses, parameters: doc.components?.parameters }, schemas);
    const used = new Set(
      Object.values(paths).flatMap((item) => Object.values(item!).flatMap((op) => (op as OpenAPIV3.OperationObject).tags ?? [])),
    );
    parts.set(top, {
      ...doc,
      info: { ...doc.info, title: `${doc.info.title}: /${top === "root" ? "" : top}` },
      tags: doc.tags?.filter((tag) => used.has(tag.name)),
      "x-tagGroups": groups.map((g) => ({ ...g, tags: g.tags.filter((t) => used.has(t)) })).filter((g) => g.tags.length),
      paths,
      components: {
        ...doc.components,
        schemas: Object.fromEntries(
          Object.keys(schemas)
            .filter((n) => reached.has(n))
            .map((n) => [n, schemas[n]]),
        ),
      },
    } as OpenAPIV3.Document);
  }
  return parts;
}
