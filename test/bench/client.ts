/**
 * Benchmark: the TypeScript client of the biggest tree (7.22.3 extra):
 * generation time (target < 2 s), then `tsc --strict --noEmit` over all its
 * declarations, time and memory as tsc reports them (target < 60 s and 2 GB);
 * then what a developer meets: `tsc --strict` on a one-file program that
 * imports the client and calls one menu (target < 5 s and 500 MB), with
 * `--skipLibCheck` as `tsc --init` sets it, and without it beside the same
 * check of a program that imports nothing (what checking the libraries
 * alone costs: TypeScript's lib.dom and @types/node).
 *
 *   npm run bench:client
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { emitTypeScriptClient } from "../../src/emit/typescript/index.js";
import { buildView } from "../../src/view/index.js";
import { loadModel } from "../../src/model/load.js";
import { buildOpenApi } from "../../src/openapi/index.js";
import { DUMPS_DIR } from "../helpers/dumps.js";
import { removeClient, runTsc, writeClient } from "../helpers/generated-client.js";

const model = await loadModel(`${DUMPS_DIR}7.22.3/extra/inspect.json`);
const doc = buildOpenApi(model);
const t0 = performance.now();
const files = await emitTypeScriptClient(buildView(doc));
const emitMs = performance.now() - t0;
const bytes = files.reduce((n, f) => n + f.content.length, 0);
console.log(
  `client: 7.22.3 extra, ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB generated in ${emitMs.toFixed(0)} ms (target < 2000 ms)`,
);

const dir = await writeClient(model, "bench");
/** `tsc --strict --noEmit` over one file: wall seconds and the memory tsc reports, in MB. */
async function strictCompile(file: string, flags: string[] = []): Promise<[seconds: number, mb: string]> {
  const t = performance.now();
  const { stdout } = await runTsc(["--extendedDiagnostics", ...flags, file]);
  const memory = /Memory used:\s+(\d+)K/.exec(stdout)?.[1];
  return [(performance.now() - t) / 1000, memory ? (Number(memory) / 1024).toFixed(0) : "?"];
}
const [compileS, memory] = await strictCompile(join(dir, "client/index.d.ts"));
console.log(
  `  tsc --strict --noEmit, every declaration of the client: ${compileS.toFixed(1)} s wall (target < 60 s), memory used ${memory} MB (target < 2048 MB)`,
);
await writeFile(
  join(dir, "app.ts"),
  `import { createClient } from "./client/index.js";\n` +
    `const ros = createClient({ baseUrl: "https://192.168.88.1/rest", username: "admin", password: "" });\n` +
    `const added = await ros.ip.address.add({ address: "10.0.0.1/24", interface: "ether1" });\n` +
    `console.log(added[".id"], await ros.ip.address.list({ interface: "ether1" }));\n`,
);
await writeFile(join(dir, "hello.ts"), `console.log("hello");\n`);
for (const flags of [["--skipLibCheck"], []]) {
  const [appS, appMemory] = await strictCompile(join(dir, "app.ts"), flags);
  const [helloS, helloMemory] = await strictCompile(join(dir, "hello.ts"), flags);
  console.log(
    `  tsc --strict --noEmit ${flags.join(" ") || "(libraries checked)"}, a one-file program calling /ip/address: ${appS.toFixed(1)} s wall, ` +
      `memory used ${appMemory} MB (target < 5 s, 500 MB); a program importing nothing: ${helloS.toFixed(1)} s, ${helloMemory} MB`,
  );
}
await removeClient(dir);
