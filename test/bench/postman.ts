/**
 * Benchmark: the Postman collection of the biggest tree (7.22.3 extra),
 * from its OpenAPI document. Target: under 5 s.
 *
 *   npm run bench:postman
 */
import { emitPostman } from "../../src/emit/postman/index.js";
import { buildView } from "../../src/view/index.js";
import { loadModel } from "../../src/model/load.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import { DUMPS_DIR } from "../helpers/dumps.js";

const doc = buildOpenApi(await loadModel(`${DUMPS_DIR}7.22.3/extra/inspect.json`));
const t0 = performance.now();
const [file] = emitPostman(buildView(doc));
const ms = performance.now() - t0;
console.log(`postman: 7.22.3 extra collection in ${ms.toFixed(0)} ms (target < 5000 ms), ${(file!.content.length / 1e6).toFixed(1)} MB`);
