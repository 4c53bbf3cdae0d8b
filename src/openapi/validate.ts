/** Validation of a built document against the OpenAPI 3.0 schema, before anything is written. */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { OpenAPIV3 } from "openapi-types";

/** swagger-parser, resolved from here: the worker below loads it by path. */
const PARSER = createRequire(import.meta.url).resolve("@apidevtools/swagger-parser");

/**
 * Throws when the document is not valid OpenAPI 3.0 or has a broken $ref.
 * swagger-parser dereferences in place, so it gets a copy. It is loaded on
 * the first call: importing the document builder does not pay for it.
 */
export async function validateOpenApi(doc: OpenAPIV3.Document): Promise<void> {
  const { default: SwaggerParser } = await import("@apidevtools/swagger-parser");
  await SwaggerParser.validate(structuredClone(doc) as never);
}

/**
 * The worker's whole program (CommonJS, as `eval` workers run): it loads
 * swagger-parser at once, then validates the document it is sent as JSON
 * text, and answers null or the message.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const parser = require(workerData.parser);
parentPort.once("message", (json) =>
  parser.validate(JSON.parse(json)).then(() => parentPort.postMessage(null), (err) => parentPort.postMessage(String(err && err.message || err))),
);
`;

/** A validator on another thread, started before the document exists so that loading swagger-parser overlaps building it. */
export interface WorkerValidator {
  /** Rejects as validateOpenApi throws; a caller writes nothing before it resolves. Takes the document or its JSON text (`toJson`'s, not serialized again). */
  validate(doc: OpenAPIV3.Document | string): Promise<void>;
  /** Ends the worker without a document (the build failed). */
  stop(): Promise<void>;
}

/**
 * validateOpenApi in a worker thread, so that the emitters run beside it on
 * another core (validation is most of a generate's time).
 */
export function startValidator(): WorkerValidator {
  const worker = new Worker(WORKER, { eval: true, workerData: { parser: PARSER } });
  const answer = new Promise<void>((resolve, reject) => {
    worker.once("message", (message: string | null) => (message === null ? resolve() : reject(new Error(message))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the validation worker stopped (exit code ${code})`)));
  });
  return {
    validate: (doc) => {
      worker.postMessage(typeof doc === "string" ? doc : JSON.stringify(doc));
      return answer.finally(() => void worker.terminate());
    },
    stop: async () => {
      answer.catch(() => {});
      await worker.terminate();
    },
  };
}

/** validateOpenApi on another thread, for a document already built. */
export const validateInWorker = (doc: OpenAPIV3.Document | string): Promise<void> => startValidator().validate(doc);
