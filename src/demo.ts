/**
 * The main job on the embedded default, no router needed: the simulator
 * serves the project's sample tree, the crawler walks it over real HTTP,
 * and everything is generated from what the crawl found.
 */
import { crawl } from "./crawl/index.js";
import { generate } from "./generate.js";
import { writeFilesAtomic } from "./io/files.js";
import type { SchemaModel } from "./model/types.js";
import { sampleModel, sampleStore } from "./sample/index.js";
import { startSimulator } from "./simulator/index.js";

export interface DemoResult {
  model: SchemaModel;
  files: string[];
  simulatorUrl: string;
}

export async function runDemo(out: string): Promise<DemoResult> {
  const sim = await startSimulator({ model: sampleModel(), store: sampleStore() });
  try {
    const model = await crawl({ url: sim.url, user: "admin", password: "" });
    const { files } = await generate({ model });
    await writeFilesAtomic(out, files);
    return { model, files: files.map((f) => f.path), simulatorUrl: sim.url };
  } finally {
    await sim.close();
  }
}
