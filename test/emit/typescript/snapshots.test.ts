/**
 * The client, one concern at a time: a tiny document each, its client files compared with a file snapshot
 * (__snapshots__/<concern>/, the runtime templates left out), and every client compiled under `tsc --strict`, so that the
 * snapshots are known to type-check.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitTypeScriptClient } from "../../../src/emit/typescript/index.js";
import { buildView } from "../../../src/view/index.js";
import { runtimeFiles } from "../../../src/emit/typescript/runtime-names.js";
import { compile, OUT, removeClient } from "../../helpers/generated-client.js";
import { TINY } from "./models/tiny.js";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map(removeClient)));

describe("client snapshots", () => {
  for (const [concern, document] of Object.entries(TINY)) {
    it(concern, async () => {
      for (const file of await emitTypeScriptClient(buildView(document))) {
        if (runtimeFiles().some(({ name }) => file.path.startsWith(`client/${name}.`))) continue;
        await expect(file.content).toMatchFileSnapshot(`__snapshots__/${concern}/${file.path}`);
      }
    });
  }

  it("compile under --strict", async () => {
    await mkdir(OUT, { recursive: true });
    const entries: string[] = [];
    for (const [concern, document] of Object.entries(TINY)) {
      const dir = await mkdtemp(join(OUT, `snap-${concern}-`));
      dirs.push(dir);
      for (const file of await emitTypeScriptClient(buildView(document))) {
        await mkdir(dirname(join(dir, file.path)), { recursive: true });
        await writeFile(join(dir, file.path), file.content);
      }
      entries.push(join(dir, "client/index.d.ts"));
    }
    expect(await compile(entries)).toBe("");
  });
});
