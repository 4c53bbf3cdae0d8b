/** The checkpoint is checked at the door: a line of the wrong shape is named by its number; a line cut short by a kill is asked again. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Checkpoint } from "../../src/crawl/checkpoint.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-checkpoint-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const identity = { url: "http://127.0.0.1/rest", version: "7.22.3" };
const head = JSON.stringify({ checkpoint: "rosapi-crawl", identity });
const answer = JSON.stringify(["child ", [{ type: "self", name: "" }]]);

async function resume(lines: string[]) {
  const file = join(dir, `${lines.length}-${Math.random().toString(36).slice(2)}.checkpoint`);
  await writeFile(file, lines.join("\n") + "\n");
  const opened = await Checkpoint.open(file, identity, { resume: true, force: false });
  await opened.checkpoint.close();
  return { file, answers: opened.answers, skipped: opened.skipped };
}

describe("checkpoint at the door", () => {
  it("reads answers and skips; a line cut short (and what a resume appended to it) is left to be asked again", async () => {
    const { answers, skipped } = await resume([head, answer, '["syntax ip",[{"text":"Addr', JSON.stringify(["completion a", null])]);
    expect([...answers.keys()]).toEqual(["child "]);
    expect([...skipped]).toEqual(["completion a"]);
  });

  it.each([
    [
      "a row value that is a number",
      JSON.stringify(["child ip", [{ name: 5 }]]),
      /line 3: \$\[1\]\[0\]\.name: expected a string, got a number \(5\)$/,
    ],
    ["an entry that is not a pair", JSON.stringify({ key: "child ip" }), /line 3: \$: expected an array, got an object$/],
    ["an unknown request", JSON.stringify(["print ip", []]), /line 3: \$\[0\]: must match pattern/],
    ["an identity without a URL", null, /line 1: \$\.identity: missing the field "url"$/],
  ])("%s: one message naming the line", async (_, line, message) => {
    const lines = line === null ? [JSON.stringify({ checkpoint: "rosapi-crawl", identity: { version: "7.22.3" } })] : [head, answer, line];
    await expect(resume(lines)).rejects.toThrow(message);
  });
});
