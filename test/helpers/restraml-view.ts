/** A model or dump as restraml keeps it, with sorted keys and no `_meta`: what crawl equality compares. */
import { readFile } from "node:fs/promises";
import { exportRestraml } from "../../src/model/restraml.js";
import type { SchemaModel } from "../../src/model/types.js";

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((k) => k !== "_meta")
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

export const restramlView = (model: SchemaModel): string => JSON.stringify(sortKeys(exportRestraml(model)));
export const dumpView = async (file: string): Promise<string> => JSON.stringify(sortKeys(JSON.parse(await readFile(file, "utf8"))));
