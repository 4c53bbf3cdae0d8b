/** `rosapi diff` flags, `rosapi history` and `rosapi where` through the real command line. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serializeModel } from "../../src/model/load.js";
import { runCli } from "../helpers/cli.js";
import { tinyModel } from "../helpers/tiny-model.js";

/** Several CLI runs (tsx startup each) on a shared, busy machine. */
const SLOW = 240_000;
const dir = await mkdtemp(join(tmpdir(), "rosapi-versions-"));
afterAll(() => rm(dir, { recursive: true, force: true }));

const older = join(dir, "old.json");
const newer = join(dir, "new.json");
const model = tinyModel();
delete model.header.version;
await writeFile(older, serializeModel(model));
delete model.root.menus.ip!.menus.address!.commands.export;
model.root.menus.system!.menus.identity!.commands.set!.args.note = { kind: "arg" };
await writeFile(newer, serializeModel(model));

describe("rosapi diff", () => {
  it(
    "labels unversioned trees with --ros-version, renders markdown, and exits 1 on breaking changes with --exit-code",
    async () => {
      const md = await runCli(["diff", older, newer, "--ros-version", "7.1,7.2", "--markdown", "--exit-code"]);
      expect(md.code).toBe(1);
      expect(md.stdout).toMatch(/^## RouterOS 7\.1 → 7\.2/);
      expect(md.stdout).toContain("- [ ] command `/ip/address/export` removed");
      const added = await runCli(["diff", older, newer, "--ros-version", "7.1,7.2", "--only", "system", "--exit-code", "--json"]);
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout)).toMatchObject({
        from: "7.1",
        to: "7.2",
        changes: [{ kind: "added", level: "arg", path: "/system/identity/set note" }],
      });
      const breaking = await runCli(["diff", older, newer, "--breaking", "--json"]);
      expect(JSON.parse(breaking.stdout).changes).toHaveLength(1);
    },
    SLOW,
  );

  it("refuses a version that contradicts the tree's own", async () => {
    const versioned = join(dir, "versioned.json");
    await writeFile(versioned, serializeModel(tinyModel()));
    const result = await runCli(["diff", versioned, newer, "--ros-version", "7.1,7.2"]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("rosapi history and where", () => {
  it(
    "says when nodes appeared and disappeared",
    async () => {
      const history = await runCli(["history", older, newer, "--ros-version", "7.1,7.2"]);
      expect(history.code).toBe(0);
      expect(history.stdout).toContain("- command  /ip/address/export");
      expect(history.stdout).toContain("+ arg      /system/identity/set note");
    },
    SLOW,
  );

  it(
    "says where a node exists, per version",
    async () => {
      const where = await runCli(["where", "ip/address/export", older, newer, "--ros-version", "7.1,7.2", "--json"]);
      expect(JSON.parse(where.stdout)).toMatchObject({
        versions: ["7.1", "7.2"],
        nodes: [{ level: "command", since: "7.1", removedIn: "7.2", present: [true, false] }],
      });
      const text = await runCli(["where", "ip/address/add/address", older, newer, "--ros-version", "7.1,7.2"]);
      expect(text.stdout).toContain("7.2        yes     A.B.C.D/M    (IP prefix)");
      const none = await runCli(["where", "ip/nothing", older, "--ros-version", "7.1"]);
      expect(none.code).toBe(1);
    },
    SLOW,
  );

  it("asks for a version where a tree has none", async () => {
    const result = await runCli(["history", older, newer]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--ros-version");
  });
});
