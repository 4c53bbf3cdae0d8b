import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, UNPRIVILEGED } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";
import { serializeModel } from "../../src/model/load.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-cli-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const modelFile = join(dir, "model.json");
await writeFile(modelFile, serializeModel(tinyModel()));
/** As root, the permission tests run the CLI as UNPRIVILEGED, in folders it owns (root may write anywhere). */
const owned = async (path: string) => {
  if (UNPRIVILEGED) await chown(path, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
};
await owned(dir);

describe("rosapi generate", () => {
  it("writes openapi.json and openapi.yaml, and --check finds them up to date", async () => {
    const out = join(dir, "out");
    const run = await runCli(["generate", "--from", modelFile, "--out", out, "--only", "openapi"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["openapi.json", "openapi.yaml"]);
    expect(JSON.parse(await readFile(join(out, "openapi.json"), "utf8")).info.version).toBe("7.99");
    expect((await runCli(["generate", "--from", modelFile, "--out", out, "--only", "openapi", "--check"])).code).toBe(0);
    await writeFile(join(out, "openapi.yaml"), "stale");
    const stale = await runCli(["generate", "--from", modelFile, "--out", out, "--only", "openapi", "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/stale: openapi.yaml/);
  });

  it.each([
    ["a missing file", () => join(dir, "nope.json"), /cannot read .*nope.json: no such file/],
    ["a file that is not JSON", async () => write("bad.json", "{oops"), /not valid JSON/],
    ["JSON that is not a RouterOS tree", async () => write("other.json", '{"hello": "world"}'), /not a RouterOS schema tree/],
  ])("rejects %s with one clear message and exit 1, writing nothing", async (_name, input, message) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const run = await runCli(["generate", "--from", await input(), "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    await expect(readdir(out)).rejects.toThrow();
  });

  it("rejects an unwritable directory with exit 1 and leaves it empty", async () => {
    const out = join(dir, "readonly");
    await mkdir(out);
    await owned(out);
    await chmod(out, 0o500);
    const run = await runCli(["generate", "--from", modelFile, "--out", out], { user: UNPRIVILEGED });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write/);
    expect(await readdir(out)).toEqual([]);
  });

  it("rejects an output path below a regular file with exit 1", async () => {
    const file = await write("plain-file", "x");
    const run = await runCli(["generate", "--from", modelFile, "--out", join(file, "out")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot write/);
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/^\.rosapi-staging/));
  });

  it("replaces whole folders: a file no longer produced goes (and --check reports it first); the user's own files stay", async () => {
    const out = join(dir, "swap");
    expect((await runCli(["generate", "--from", modelFile, "--out", out])).code).toBe(0);
    const clientFiles = await readdir(join(out, "client"), { recursive: true });
    await writeFile(join(out, "client", "removed-menu.ts"), "export {};\n");
    await writeFile(join(out, "README.md"), "mine\n");
    const check = await runCli(["generate", "--from", modelFile, "--out", out, "--check"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/stale: client\/removed-menu\.ts \(extra\)/);
    const again = await runCli(["generate", "--from", modelFile, "--out", out]);
    expect(again.code, again.stderr).toBe(0);
    expect(await readdir(join(out, "client"), { recursive: true })).toEqual(clientFiles);
    expect(await readFile(join(out, "README.md"), "utf8")).toBe("mine\n");
    expect((await readdir(out)).filter((f) => f.startsWith(".rosapi"))).toEqual([]);
    expect((await runCli(["generate", "--from", modelFile, "--out", out, "--check"])).code).toBe(0);
  });

  it("writes into a writable --out under a read-only parent", async () => {
    const parent = join(dir, "locked");
    await mkdir(join(parent, "out"), { recursive: true });
    await owned(parent);
    await owned(join(parent, "out"));
    await chmod(parent, 0o500);
    try {
      const run = await runCli(["generate", "--from", modelFile, "--out", join(parent, "out"), "--only", "openapi"], {
        user: UNPRIVILEGED,
      });
      expect(run.code, run.stderr).toBe(0);
      expect((await readdir(join(parent, "out"))).sort()).toEqual(["openapi.json", "openapi.yaml"]);
    } finally {
      await chmod(parent, 0o700);
    }
  });

  it("refuses an empty --out (exit 2) and a place it cannot create (exit 1) without hanging", async () => {
    const empty = await runCli(["generate", "--from", modelFile, "--out", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--out is empty/);
    const proc = await runCli(["generate", "--from", modelFile, "--out", "/proc/rosapi-nowhere", "--only", "openapi"]);
    expect(proc.code).toBe(1);
    expect(proc.stderr).toMatch(/cannot write into \/proc\/rosapi-nowhere/);
  });

  it("labels a tree whose file carries no version with --ros-version, and warns when it stays unknown", async () => {
    const model = tinyModel();
    delete model.header.version;
    const unversioned = await write("unversioned.json", serializeModel(model));
    const labelled = join(dir, "labelled");
    const run = await runCli(["generate", "--from", unversioned, "--out", labelled, "--only", "openapi", "--ros-version", "7.24"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(await readFile(join(labelled, "openapi.json"), "utf8")).info.version).toBe("7.24");
    const bare = await runCli(["generate", "--from", unversioned, "--out", join(dir, "bare"), "--only", "openapi"]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toMatch(/warning: .*carries no RouterOS version.*--ros-version/);
    const mislabelled = await runCli(["generate", "--from", modelFile, "--out", join(dir, "x"), "--ros-version", "7.24"]);
    expect(mislabelled.code).toBe(1);
    expect(mislabelled.stderr).toMatch(/is RouterOS 7\.99, not 7\.24/);
  });

  it("exits 2 on a usage error, with one line and a hint rather than the whole help", async () => {
    const run = await runCli(["generate", "--from", modelFile]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out/);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: /), "(add --help for usage)"]);
  });
});

async function write(name: string, content: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}
