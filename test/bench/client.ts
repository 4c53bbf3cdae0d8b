/**
 * Benchmark: the TypeScript client of the biggest tree (7.22.3 extra):
 * generation time (target < 15 s), then `tsc --strict --noEmit` time and
 * memory as tsc reports them (target < 60 s and 2 GB).
 *
 *   npm run bench:client
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { emitTypeScriptClient } from "../../src/emit/typescript/index.js";
import { loadModel } from "../../src/model/load.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import { DUMPS_DIR } from "../helpers/dumps.js";
import { ROOT } from "../helpers/cli.js";
import { removeClient, writeClient } from "../helpers/generated-client.js";

const model = await loadModel(`${DUMPS_DIR}7.22.3/extra/inspect.json`);
const doc = buildOpenApi(model);
const t0 = performance.now();
const files = await emitTypeScriptClient(doc);
const emitMs = performance.now() - t0;
const bytes = files.reduce((n, f) => n + f.content.length, 0);
console.log(`client: 7.22.3 extra, ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB generated in ${emitMs.toFixed(0)} ms (target < 15000 ms)`);

const dir = await writeClient(model, "bench");
const t1 = performance.now();
const { stdout } = await promisify(execFile)(
  join(ROOT, "node_modules/.bin/tsc"),
  ["--strict", "--noEmit", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--target", "ES2022", "--types", "node", "--extendedDiagnostics", join(dir, "client/index.ts")],
  { cwd: ROOT, maxBuffer: 16 << 20 },
);
const compileS = (performance.now() - t1) / 1000;
const memory = /Memory used:\s+(\d+)K/.exec(stdout)?.[1];
console.log(`  tsc --strict --noEmit: ${compileS.toFixed(1)} s wall (target < 60 s), memory used ${memory ? (Number(memory) / 1024).toFixed(0) : "?"} MB (target < 2048 MB)`);
await removeClient(dir);
