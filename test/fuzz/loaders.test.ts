/**
 * Fuzzing the doors: real inputs, mutated (fields dropped, retyped,
 * duplicated, renamed; hostile strings), through the model loader, the
 * restraml loader, the checkpoint reader and the whole pipeline. Every case
 * ends in one clear message (a UserError) or in outputs that validate;
 * never an internal error. ROSAPI_FUZZ_RUNS sets the cases per property.
 */
import fc from "fast-check";
import type { OpenAPIV3 } from "openapi-types";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Checkpoint } from "../../src/crawl/checkpoint.js";
import { UserError } from "../../src/io/errors.js";
import { modelFromJson, serializeModel } from "../../src/model/load.js";
import { exportRestraml } from "../../src/model/restraml.js";
import type { SchemaModel } from "../../src/model/types.js";
import { generate } from "../../src/generate.js";
import type { WorkerValidator } from "../../src/openapi/validate.js";
import { sampleModel } from "../../src/sample/index.js";
import { asRead, breathe, FUZZ_RUNS, mutate, mutations, stringMutations, type Json, type Mutation } from "../helpers/fuzz.js";
import { tinyModel } from "../helpers/tiny-model.js";

/**
 * generate validates each case's document with the real validator, but in this process: generate's own
 * validator boots swagger-parser in a new worker thread per call, about 0.2 s of CPU a case, most of a
 * pipeline case's cost (the worker itself is tested in test/openapi/validate.test.ts and by every generate).
 */
vi.mock("../../src/openapi/validate.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/openapi/validate.js")>();
  const inProcess = (): WorkerValidator => ({
    validate: (doc) => real.validateOpenApi(typeof doc === "string" ? (JSON.parse(doc) as OpenAPIV3.Document) : doc),
    stop: () => Promise.resolve(),
  });
  return { ...real, startValidator: inProcess };
});

const dir = await mkdtemp(join(tmpdir(), "rosapi-fuzz-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

const modelJson = (model: SchemaModel) => JSON.parse(serializeModel(model)) as Json;
const bases: Record<string, Json> = { tiny: modelJson(tinyModel()), sample: modelJson(sampleModel()) };
const restramlBases: Record<string, Json> = {
  tiny: exportRestraml(tinyModel()) as Json,
  sample: exportRestraml(sampleModel()) as Json,
};

/** Runs `fn`; a UserError is a clear message and passes, anything else fails the property. */
function clearOrFine<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UserError) {
      expect(err.message).not.toMatch(/\n/);
      return undefined;
    }
    throw err;
  }
}

const base = fc.constantFrom("tiny", "sample");
/** A pipeline case generates a whole client: a tenth as many. */
const PIPELINE_RUNS = Math.ceil(FUZZ_RUNS / 10);
/**
 * The least number of the two pipeline properties' cases that must reach the emitters: 5%. Measured, 22% of
 * "any mutation" cases (45 of 200) and more of the hostile strings' reach them; a loader that refused all
 * would leave none.
 */
const MIN_REACHING = Math.ceil(2 * PIPELINE_RUNS * 0.05);
const settings = (runs = FUZZ_RUNS) => ({ numRuns: runs, endOnFailure: true });
/**
 * The one case a failure reported, by seed and path (fast-check's own replay). numRuns 1: without it a replay
 * runs that case and the 99 after it (fast-check runs numRuns values from the path on), 100 whole pipelines.
 */
const replay = (seed: number, path: string) => ({ seed, path, numRuns: 1, endOnFailure: true });

/** A base input (tiny or sample), mutated, through the loader. */
const loader = (inputs: Record<string, Json>, file: string) =>
  fc.asyncProperty(base, mutations, async (name, changes) => {
    await breathe();
    clearOrFine(() => modelFromJson(asRead(mutate(inputs[name]!, changes)), file));
  });
const modelLoader = loader(bases, "fuzz.json");
const restramlLoader = loader(restramlBases, "inspect.json");

describe(`fuzz: loaders (${FUZZ_RUNS} cases each)`, () => {
  /** A restraml node named "" escaped the schema (its pattern wanted a first character) and reached the importer as null. */
  it("regression (restraml loader): seed 1276276203, path 9123", async () => {
    await fc.assert(restramlLoader, replay(1276276203, "9123"));
  });

  it.each([
    ["model", modelLoader],
    ["restraml", restramlLoader],
  ])("the %s loader: a model, or one clear message", async (_, property) => {
    await fc.assert(property, settings());
  });

  it("the checkpoint reader: answers to resume from, or one clear message", async () => {
    const identity = { url: "http://127.0.0.1/rest", version: "7.22.3" };
    const lines: Json[] = [
      { checkpoint: "rosapi-crawl", identity },
      ["child ", [{ type: "self", name: "", "node-type": "path" }]],
      ["syntax ip", [{ symbol: "address", "symbol-type": "explanation", text: "Addresses" }]],
      ["completion ip,address,add,disabled", null],
    ];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutations, async (changes: Mutation[]) => {
        const file = join(dir, `checkpoint-${n++}.jsonl`);
        await writeFile(file, (mutate(lines, changes) as Json[]).map((line) => JSON.stringify(line)).join("\n") + "\n");
        try {
          const { checkpoint } = await Checkpoint.open(file, identity, { resume: true, force: true });
          await checkpoint.close();
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
        } finally {
          await rm(file, { force: true });
        }
      }),
      settings(),
    );
  });
});

describe(`fuzz: the whole pipeline (${PIPELINE_RUNS} cases each)`, () => {
  /** Load → build the OpenAPI document → generate every target in memory (generate validates the document before any emitter runs). */
  const generated = { any: 0, hostile: 0 };
  const pipeline = (changes: Mutation[], kind: keyof typeof generated) => async () => {
    await breathe();
    const model = clearOrFine(() => modelFromJson(asRead(mutate(bases["tiny"]!, changes)), "fuzz.json"));
    if (!model) return;
    const { files } = await generate({ model });
    expect(files.length).toBeGreaterThan(0);
    generated[kind]++;
  };
  afterAll(() => console.log(`[fuzz] cases that reached every emitter (regression replays included): ${JSON.stringify(generated)}`));

  const anyMutation = fc.asyncProperty(mutations, (changes) => pipeline(changes, "any")());
  const hostileStrings = fc.asyncProperty(stringMutations, (changes) => pipeline(changes, "hostile")());

  it("any mutation: outputs that validate, or one clear message", async () => {
    await fc.assert(anyMutation, settings(PIPELINE_RUNS));
  });

  it("hostile names and strings anywhere: outputs that validate, or one clear message", async () => {
    await fc.assert(hostileStrings, settings(PIPELINE_RUNS));
  });

  it(`of the two properties' ${2 * PIPELINE_RUNS} cases, at least ${MIN_REACHING} reach every emitter (not only the loader's refusals)`, () => {
    expect(generated.any + generated.hostile).toBeGreaterThanOrEqual(MIN_REACHING);
  });

  /**
   * Failures the fuzz found, replayed by seed and path (fast-check's own
   * replay). A name with a lone surrogate (`constructorx\ud800`,
   * `\ud800x{{x}}`) passed the loader and broke the OpenAPI validator's $ref
   * resolution (`URIError: URI malformed`); an empty command name reached
   * the client emitter as no name at all (`memberName(undefined)`). Names are
   * now non-empty, well-formed Unicode at the door.
   */
  it.each([
    ["any mutation", -995598719, "621"],
    ["hostile strings", 993231325, "65"],
    ["any mutation", -620810659, "772"],
    ["hostile strings", 408832993, "988"],
  ])("regression (%s): seed %d, path %s", async (which, seed, path) => {
    await fc.assert(which === "any mutation" ? anyMutation : hostileStrings, replay(seed, path));
  });
});
