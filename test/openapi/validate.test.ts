/** Validation in a worker gives validateOpenApi's verdict: a valid document passes, a broken one is refused with the reason. */
import { describe, expect, it } from "vitest";
import { buildOpenApi, validateInWorker, validateOpenApi } from "../../src/openapi/index.js";
import { tinyModel } from "../helpers/tiny-model.js";

describe("validateInWorker", () => {
  it("passes the tiny model's document", async () => {
    await expect(validateInWorker(buildOpenApi(tinyModel()))).resolves.toBeUndefined();
  });

  it("refuses a broken $ref and a document without info, as validateOpenApi does", async () => {
    const broken = buildOpenApi(tinyModel());
    broken.components!.schemas!["Dangling"] = { $ref: "#/components/schemas/Nowhere" };
    await expect(validateOpenApi(broken)).rejects.toThrow(/Nowhere/);
    await expect(validateInWorker(broken)).rejects.toThrow(/Nowhere/);

    const noInfo = { ...buildOpenApi(tinyModel()), info: undefined } as never;
    await expect(validateOpenApi(noInfo)).rejects.toThrow(/info/);
    await expect(validateInWorker(noInfo)).rejects.toThrow(/info/);
  });
});
