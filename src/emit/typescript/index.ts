/**
 * The client emitter (client.ts writes it). TypeScript itself (ts-morph, for
 * the printer and the runtime's transpile) loads when this emitter runs, not
 * when rosapi is imported or another output is generated: that load is most
 * of a cold start.
 */
import type { OutputFile } from "../../io/files.js";
import type { EmitterView } from "../../view/index.js";

export async function emitTypeScriptClient(view: EmitterView): Promise<OutputFile[]> {
  const { writeClient } = await import("./client.js");
  return writeClient(view);
}
