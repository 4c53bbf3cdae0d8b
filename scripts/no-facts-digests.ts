/**
 * The sha256 of the OpenAPI document (openapi.json, openapi.yaml) of each shared dump built with no evidence, as
 * `rosapi generate --no-facts --only openapi` writes it: the record that test/openapi/no-facts.full.test.ts compares
 * with. Run in a checkout of the commit to record: npx tsx scripts/no-facts-digests.ts > test/fixtures/no-facts-digests.json
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../src/generate.js";
import { loadModel } from "../src/model/load.js";

const DUMPS = [
  "7.16/inspect.json",
  "7.20.8/inspect.json",
  "7.20.8/extra/inspect.json",
  "7.22.3/deep-inspect.json",
  "7.22.3/extra/inspect.json",
  "7.23.3/inspect.json",
];
const dir = process.argv[2] ?? "../shared/routeros";

const digests: Record<string, Record<string, string>> = {};
for (const dump of DUMPS) {
  const file = join(dir, dump);
  if (!existsSync(file)) continue;
  const { files } = await generate({ model: await loadModel(file), targets: ["openapi"] });
  digests[dump] = Object.fromEntries(files.map((f) => [f.path, createHash("sha256").update(f.content).digest("hex")]));
}
process.stdout.write(JSON.stringify(digests, null, 2) + "\n");
