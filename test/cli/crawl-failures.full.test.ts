/** `rosapi crawl` keeps its promises when things go wrong: nothing lost, nothing mixed, one message, never a password. */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Checkpoint } from "../../src/crawl/checkpoint.js";
import { crawl } from "../../src/crawl/index.js";
import { parseModel } from "../../src/model/load.js";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { normalizeRouterUrl } from "../../src/transport/index.js";
import { CLI, ROOT, runCli } from "../helpers/cli.js";

const dir = await mkdtemp(join(tmpdir(), "rosapi-crawl-fail-"));
afterAll(() => rm(dir, { recursive: true, force: true }));
const sample = sampleModel();
/** util-linux `script`: runs the CLI on a pseudo-terminal, where ^C typed on its input is a SIGINT. */
const scriptAvailable = await new Promise<boolean>((resolve) => execFile("script", ["--version"], (err) => resolve(!err)));
const sampleIdentity = {
  version: sample.header.version,
  architecture: sample.header.architecture,
  board: sample.header.board,
  packages: sample.header.packages,
};
const crawlArgs = (url: string, out: string, ...more: string[]) => ["crawl", "--url", url, "--user", "admin", "--out", out, ...more];

describe("rosapi crawl under failure", () => {
  it.each([
    ["a directory", async () => dir, /--out .* is a directory/],
    ["a name ending in /", async () => join(dir, "sub") + "/", /names a directory/],
    ["an empty name", async () => "", /--out is empty/],
    [
      "a place below a file",
      async () => join(await writeFile(join(dir, "plain"), "x").then(() => join(dir, "plain")), "x.json"),
      /cannot write/,
    ],
  ])("refuses --out that is %s before sending anything", async (_name, out, message) => {
    const sim = await startSimulator({ model: sample });
    try {
      const result = await runCli(crawlArgs(sim.url, await out()));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(sim.requests()).toBe(0);
    } finally {
      await sim.close();
    }
  });

  it("saves the result before removing the checkpoint: a failed save leaves the crawl resumable", async () => {
    const sim = await startSimulator({ model: sample });
    try {
      const checkpointFile = join(dir, "save.checkpoint");
      const save = () => Promise.reject(new Error("disk full"));
      await expect(crawl({ url: sim.url, user: "admin", password: "", checkpointFile, save })).rejects.toThrow(/disk full/);
      const asked = sim.requests();
      let saved: unknown;
      const model = await crawl({
        url: sim.url,
        user: "admin",
        password: "",
        checkpointFile,
        resume: true,
        save: async (m) => void (saved = m),
      });
      expect(saved).toBe(model);
      expect(model.root).toEqual(sample.root);
      // Only the identification (resource, packages) is asked again.
      expect(sim.requests() - asked).toBe(2);
      await expect(readFile(checkpointFile)).rejects.toThrow(/ENOENT/);
    } finally {
      await sim.close();
    }
  });

  it("refuses --resume on an upgraded router, saying what differs; --force-resume goes on; another spelling of the URL resumes", async () => {
    const sim = await startSimulator({ model: sample, version: "7.23" });
    try {
      const out = join(dir, "upgraded.json");
      const made = await Checkpoint.open(
        `${out}.checkpoint`,
        { url: normalizeRouterUrl(sim.url), ...sampleIdentity },
        { resume: false, force: false },
      );
      await made.checkpoint.close();
      const refused = await runCli(crawlArgs(sim.url, out, "--resume"));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/another router or version \(version 7\.22\.3 → 7\.23\).*--force-resume/);
      expect(refused.stderr.trim().split("\n")).toHaveLength(1);
      await expect(readFile(out)).rejects.toThrow(/ENOENT/);
      expect((await runCli(crawlArgs(sim.url, out, "--force-resume"))).code).toBe(0);

      const same = join(dir, "same.json");
      const first = await Checkpoint.open(
        `${same}.checkpoint`,
        { url: normalizeRouterUrl(sim.url), ...sampleIdentity, version: "7.23" },
        { resume: false, force: false },
      );
      await first.checkpoint.close();
      const spelled = sim.url.replace("127.0.0.1", "localhost") + "/";
      const resumed = await runCli(crawlArgs(spelled, same, "--resume"));
      expect(resumed.code, resumed.stderr).toBe(0);
    } finally {
      await sim.close();
    }
  });

  it("leaves no checkpoint when the crawl was wrong from the start (--only nosuch)", async () => {
    const sim = await startSimulator({ model: sample });
    try {
      const out = join(dir, "nosuch.json");
      const result = await runCli(crawlArgs(sim.url, out, "--only", "nosuch"));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/--only nosuch: this router has no such menu/);
      expect((await readdir(dir)).filter((f) => f.startsWith("nosuch"))).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it("says plain HTTP met an HTTPS port, and names a wrong --ca file", async () => {
    const sim = await startSimulator({ model: sample, https: true });
    try {
      const plain = sim.httpsUrl!.replace("https:", "http:");
      const result = await runCli(crawlArgs(plain, join(dir, "plain.json")));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/if this port serves HTTPS .*use https:\/\//);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);

      const other = await startSimulator({ model: sample, https: true });
      const ca = join(dir, "other-ca.pem");
      await writeFile(ca, other.caPem!);
      await other.close();
      const wrongCa = await runCli(crawlArgs(sim.httpsUrl!, join(dir, "ca.json"), "--ca", ca));
      expect(wrongCa.code).toBe(1);
      expect(wrongCa.stderr).toContain(`not the one in --ca ${ca}`);
      expect(wrongCa.stderr).not.toMatch(/use --insecure or --ca/);
    } finally {
      await sim.close();
    }
  });

  it("never echoes a password from a malformed URL", async () => {
    const result = await runCli(crawlArgs("http://admin:hunter2@[bad/rest", join(dir, "bad.json")));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a URL/);
    expect(result.stderr).not.toContain("hunter2");
  });

  it("says it waits for a silent router, gives up after --give-up-after, and keeps the checkpoint for --resume", async () => {
    // The router stops answering for good after its 30th request.
    const sim = await startSimulator({ model: sample, restartAt: { request: 30, ms: 1e9 } });
    try {
      const out = join(dir, "silent.json");
      const result = await runCli(crawlArgs(sim.url, out, "--give-up-after", "1", "--timeout", "500"));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/the router is not answering; waiting up to 1 s for it \(--give-up-after\)/);
      expect(result.stderr).toMatch(
        /stopped answering for 1 s; the answers so far are in .*silent\.json\.checkpoint: run the same command with --resume/,
      );
      expect(await readdir(dir)).toContain("silent.json.checkpoint");
    } finally {
      await sim.close();
    }
  });

  it.skipIf(!scriptAvailable)(
    "Ctrl-C on a terminal restores the cursor and line wrap, keeps the checkpoint and says how to resume",
    async () => {
      // Slow enough that the crawl is still running when ^C arrives: the test waits for progress, then types ^C.
      const sim = await startSimulator({ model: sample, serviceMs: 20 });
      try {
        const out = join(dir, "interrupted.json");
        // On a terminal the password would be asked for: it comes from the environment.
        const args = [...crawlArgs(sim.url, out), "--password-env", "ROUTER_PASSWORD"];
        const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ");
        const child = execFile("script", ["-qfec", command, "/dev/null"], { cwd: ROOT, env: { ...process.env, ROUTER_PASSWORD: "" } });
        let seen = "";
        await new Promise<void>((resolve, reject) => {
          child.stdout!.on("data", (chunk: Buffer) => {
            seen += chunk.toString();
            // Some nodes done: the router is identified and answers are logged.
            if (/\] [1-9]\d*\/\d+ nodes \|/.test(seen)) resolve();
          });
          child.once("exit", () => reject(new Error(`ended before its progress bar: ${seen}`)));
        });
        child.stdin!.write("\x03");
        const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
        expect(code).toBe(130);
        const afterCtrlC = seen.slice(seen.lastIndexOf("nodes |"));
        expect(afterCtrlC).toContain("\x1b[?25h"); // cursor shown again
        expect(afterCtrlC).toContain("\x1b[?7h"); // line wrap on again
        expect(seen).toMatch(/interrupted; the answers so far are in .*interrupted\.json\.checkpoint: run the same command with --resume/);
        const log = await readFile(`${out}.checkpoint`, "utf8");
        expect(log.split("\n").length).toBeGreaterThan(2);
        const resumed = await runCli(crawlArgs(sim.url, out, "--resume"));
        expect(resumed.code, resumed.stderr).toBe(0);
        expect(parseModel(await readFile(out, "utf8")).root).toEqual(sample.root);
      } finally {
        await sim.close();
      }
    },
  );
});

describe("rosapi mock start-up failures", () => {
  const busyPort = async (): Promise<{ port: number; server: Server }> => {
    const server = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    return { port: (server.address() as { port: number }).port, server };
  };

  it.each([
    ["--port", "HTTP"],
    ["--https-port", "HTTPS"],
  ])("exits 1 naming the port when %s is in use", async (flag, scheme) => {
    const { port, server } = await busyPort();
    try {
      const result = await runCli(["mock", "--https", flag, String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`rosapi: cannot listen on 127.0.0.1:${port} for ${scheme}: the port is in use`);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("exits 1 on an unwritable --ca-out, and refuses --ca-out without --https", async () => {
    await mkdir(join(dir, "a-dir"), { recursive: true });
    const unwritable = await runCli(["mock", "--https", "--ca-out", join(dir, "a-dir")]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/--ca-out .*a-dir is a directory/);
    const alone = await runCli(["mock", "--ca-out", join(dir, "ca.pem")]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--ca-out needs --https/);
  });
});
