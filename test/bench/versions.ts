/**
 * Benchmark: versions. Diff of the two extra-package trees (target < 2 s),
 * history over all six shared trees and the merged document with its client
 * and collection (`generate --from ×6`) (targets < 15 s each, < 1.5 GB).
 *
 *   npm run bench:versions
 */
import { timed } from "./timed.js";
import { diffModels } from "../../src/diff/index.js";
import { generate } from "../../src/generate.js";
import { buildHistory } from "../../src/history/index.js";
import { loadModel } from "../../src/model/index.js";
import { mergeModels } from "../../src/model/merge.js";
import { DUMPS, dump } from "../helpers/dumps.js";

const [a, b] = [dump("7.20.8-extra"), dump("7.22.3-extra")];
if (!a || !b || DUMPS.length < 6) throw new Error("bench:versions needs the six trees of ../shared/routeros");
console.log("versions:");
const diff = await timed("diff 7.20.8-extra -> 7.22.3-extra (with load)", async () => {
  const [x, y] = await Promise.all([loadModel(a.file), loadModel(b.file)]);
  return diffModels(x, y);
});
console.log(
  `    ${diff.summary.changes} changes in ${diff.changes.length} entries, ${diff.summary.breaking} breaking   (target < 2000 ms)`,
);
const history = await timed("history over six trees (with load)", async () =>
  buildHistory(await Promise.all(DUMPS.map((d) => loadModel(d.file)))),
);
console.log(`    ${history.nodes.length} nodes over ${history.versions.join(", ")}   (target < 15000 ms)`);
const merged = await timed("merged document over six trees (load, merge)", async () =>
  mergeModels(await Promise.all(DUMPS.map((d) => loadModel(d.file)))),
);
const document = await timed(
  "  build and validate the document",
  async () => (await generate({ model: merged, targets: ["openapi"] })).document,
);
console.log(`    ${Object.keys(document.paths).length} paths   (target < 15000 ms for the two lines above)`);
// The client and collection emitters are not this bench's: they take as long on one big tree (bench:client, bench:postman).
const all = await timed("  generate with client and collection", () => generate({ model: merged }));
console.log(`    ${all.files.length} files`);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB   (target < 1500 MB)`);
