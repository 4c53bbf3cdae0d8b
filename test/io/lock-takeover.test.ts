/**
 * The lock's rules, one by one, with real files in a temporary folder and the outside world under the test's
 * control: which pids are alive (process.kill), when time passes (sleep moves a clock of the test's own), which
 * folders are read-only and what another run does at the moment a takeover re-reads the lock (hooks on open and
 * readFile). The race between two real processes is test/io/lock-race.test.ts.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import * as fs from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UserError } from "../../src/io/errors.js";
import { lockFileOf, withLock } from "../../src/io/lock.js";

/** What the test controls: each is reset before every test. */
interface World {
  /** Test time in ms: Date.now() and sleep read and move it. */
  now: number;
  slept: number[];
  /** Called at each sleep, with how many there were before it. */
  onSleep: (count: number) => void | Promise<void>;
  /** Paths whose open fails with this code (a read-only folder, say). */
  refuse: Map<string, string>;
  /** Paths whose next open fails with this code, once. */
  refuseOnce: Map<string, string>;
  /** Called after a file is created with O_EXCL and before the creator writes it. */
  onCreate: (path: string) => void | Promise<void>;
  /** Called with a file's path and the text read, before the reader sees it. */
  onRead: (path: string, text: string) => void | Promise<void>;
  handles: { fd: number }[];
}
const world = vi.hoisted((): World => ({
  now: 0,
  slept: [],
  onSleep: () => undefined,
  refuse: new Map(),
  refuseOnce: new Map(),
  onCreate: () => undefined,
  onRead: () => undefined,
  handles: [],
}));

vi.mock("node:timers/promises", async (original) => ({
  ...(await original<typeof import("node:timers/promises")>()),
  setTimeout: async (ms: number) => {
    await world.onSleep(world.slept.length);
    world.slept.push(ms);
    world.now += ms;
  },
}));

vi.mock("node:fs/promises", async (original) => {
  const real = await original<typeof import("node:fs/promises")>();
  return {
    ...real,
    open: async (path: string, flags: string) => {
      const code = world.refuse.get(path) ?? world.refuseOnce.get(path);
      world.refuseOnce.delete(path);
      if (code) throw Object.assign(new Error(`${code}: ${path}`), { code });
      const handle = await real.open(path, flags);
      world.handles.push(handle);
      if (flags === "wx") await world.onCreate(path);
      return handle;
    },
    readFile: async (path: string, encoding: BufferEncoding) => {
      const text = await real.readFile(path, encoding);
      await world.onRead(path, text);
      return text;
    },
  };
});

const root = await fs.mkdtemp(join(tmpdir(), "rosapi-lock-takeover-"));
afterAll(() => fs.rm(root, { recursive: true, force: true }));

/** Pids of the test's own: which are running, and which belong to another user (kill answers EPERM). */
const ALIVE = 1_000_001;
const OTHER_USERS = 1_000_002;
const DEAD = 1_000_003;
const OTHER_DEAD = 1_000_004;
let kills: number[] = [];

let folder = 0;
/** A fresh output folder (not created: the lock exists before its folder does). */
const freshOut = () => join(root, `out-${++folder}`);
const holding = (pid: unknown, host: unknown = hostname(), token = "t") => JSON.stringify({ pid, host, token });
/** The takeover file of a lock holding `text`: the lock's name, a dot, the first 16 hex digits of the text's SHA-256. */
const guardOf = (lock: string, text: string) => `${lock}.${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
/** What the lock folder's parent holds for `out`, besides `out` itself. */
const leftBeside = async () => (await fs.readdir(root)).filter((f) => f.startsWith("."));

beforeEach(() => {
  world.now = 0;
  world.slept = [];
  world.onSleep = () => undefined;
  world.refuse = new Map();
  world.refuseOnce = new Map();
  world.onCreate = () => undefined;
  world.onRead = () => undefined;
  world.handles = [];
  kills = [];
  vi.spyOn(Date, "now").mockImplementation(() => world.now);
  vi.spyOn(process, "kill").mockImplementation((pid: number, signal?: string | number) => {
    expect(signal).toBe(0);
    kills.push(pid);
    if (pid === ALIVE) return true;
    const code = pid === OTHER_USERS ? "EPERM" : "ESRCH";
    throw Object.assign(new Error(`kill ${pid}: ${code}`), { code });
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  // Every file the lock opened was closed.
  expect(world.handles.filter((h) => h.fd !== -1)).toEqual([]);
  for (const f of await leftBeside()) await fs.rm(join(root, f), { force: true });
});

describe("where the lock lives", () => {
  it("beside the folder, named after it, so that it exists before the folder does", () => {
    expect(lockFileOf("/a/b/out")).toBe("/a/b/.out.rosapi-lock");
    expect(lockFileOf("out")).toBe(".out.rosapi-lock");
  });

  it("while the run writes, the lock holds its pid, host and a token of its own; released after, the value passed on", async () => {
    const out = freshOut();
    const seen: unknown[] = [];
    const result = await withLock(out, async () => {
      seen.push(JSON.parse(await fs.readFile(lockFileOf(out), "utf8")));
      return "done";
    });
    expect(result).toBe("done");
    expect(seen).toEqual([{ pid: process.pid, host: hostname(), token: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    expect(existsSync(lockFileOf(out))).toBe(false);
    expect(world.slept).toEqual([]);
  });

  it("two runs one after the other hold different tokens", async () => {
    const out = freshOut();
    const tokens: string[] = [];
    for (let run = 0; run < 2; run++)
      await withLock(out, async () => {
        tokens.push((JSON.parse(await fs.readFile(lockFileOf(out), "utf8")) as { token: string }).token);
      });
    expect(new Set(tokens).size).toBe(2);
  });

  it("released when the work fails, and the work's error passed on", async () => {
    const out = freshOut();
    await expect(withLock(out, () => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
    expect(existsSync(lockFileOf(out))).toBe(false);
  });

  it("released quietly when the lock is already gone (the folder cleaned by hand meanwhile)", async () => {
    const out = freshOut();
    expect(await withLock(out, async () => (await fs.rm(lockFileOf(out)), 7))).toBe(7);
  });

  for (const code of ["EACCES", "EPERM", "EROFS"])
    it(`where the parent is read-only (${code}): inside the folder, as .rosapi-lock, and released there`, async () => {
      const out = freshOut();
      await fs.mkdir(out);
      world.refuse.set(lockFileOf(out), code);
      const inside = await withLock(out, async () => existsSync(join(out, ".rosapi-lock")));
      expect(inside).toBe(true);
      expect(await fs.readdir(out)).toEqual([]);
      expect(await leftBeside()).toEqual([]);
    });

  it("a lock inside, held by a live run, is waited for like one beside", async () => {
    const out = freshOut();
    await fs.mkdir(out);
    world.refuse.set(lockFileOf(out), "EROFS");
    await fs.writeFile(join(out, ".rosapi-lock"), holding(ALIVE));
    await expect(withLock(out, async () => "in", 0)).rejects.toThrow(
      `${out} is being written by another rosapi run (pid ${ALIVE} on ${hostname()}); if none is running, remove ${join(out, ".rosapi-lock")}`,
    );
  });

  it("an inside lock that is refused too: that error, not a loop", async () => {
    const out = freshOut();
    await fs.mkdir(out);
    world.refuse.set(lockFileOf(out), "EACCES");
    world.refuse.set(join(out, ".rosapi-lock"), "EACCES");
    await expect(withLock(out, async () => "in")).rejects.toMatchObject({ code: "EACCES" });
  });

  it("an inside lock refused later (the folder made read-only while waiting): that error, not another try", async () => {
    const out = freshOut();
    await fs.mkdir(out);
    world.refuse.set(lockFileOf(out), "EACCES");
    await fs.writeFile(join(out, ".rosapi-lock"), holding(ALIVE));
    // While the run waits, the live holder leaves and the folder turns read-only for one try (a second would succeed).
    world.onSleep = async () => {
      await fs.rm(join(out, ".rosapi-lock"));
      world.refuseOnce.set(join(out, ".rosapi-lock"), "EACCES");
    };
    let ran = false;
    await expect(withLock(out, async () => (ran = true), 1000)).rejects.toMatchObject({ code: "EACCES" });
    expect(ran).toBe(false);
  });

  it("any other failure to create it (no parent folder) is that failure, the work never started", async () => {
    const out = join(root, "missing", "out");
    let ran = false;
    await expect(withLock(out, async () => (ran = true))).rejects.toMatchObject({ code: "ENOENT" });
    expect(ran).toBe(false);
  });
});

describe("a lock held by a run that is alive: waited for, never taken", () => {
  const cases: [string, string][] = [
    ["a live run on this host", holding(ALIVE)],
    ["a run of another user (kill answers EPERM)", holding(OTHER_USERS)],
    ["a run on another host, even with a pid that is dead here", holding(DEAD, "elsewhere")],
    ["a lock being written (not JSON yet)", '{"pid":'],
    ["an empty lock", ""],
    ["a lock whose pid is not a number", holding(String(DEAD))],
    ["a lock without a host", JSON.stringify({ pid: DEAD })],
    ["a lock of pid 0", holding(0)],
    ["a lock of a negative pid", holding(-DEAD)],
  ];
  for (const [name, text] of cases)
    it(`${name}: refused with one line once the wait is over, the lock untouched, the work never started`, async () => {
      const out = freshOut();
      await fs.writeFile(lockFileOf(out), text);
      const parsed = (() => {
        try {
          return JSON.parse(text) as { pid?: unknown; host?: unknown };
        } catch {
          return {};
        }
      })();
      const valid = typeof parsed.pid === "number" && typeof parsed.host === "string";
      let ran = false;
      const failure = await withLock(out, async () => (ran = true), 0).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(UserError);
      // A lock that names no pid and host is named as held by an unknown run.
      expect((failure as Error).message).toContain(
        valid ? `(pid ${String(parsed.pid)} on ${String(parsed.host)})` : "(pid 0 on (unknown))",
      );
      expect(ran).toBe(false);
      expect(await fs.readFile(lockFileOf(out), "utf8")).toBe(text);
      expect(await leftBeside()).toEqual([`.${out.split("/").pop()}.rosapi-lock`]);
      // Only a pid on this host is asked after; a pid that cannot be a process never is.
      const asked = valid && parsed.host === hostname() && (parsed.pid as number) > 0;
      expect(kills).toEqual(asked ? [parsed.pid] : []);
    });

  it("the refusal names the holder and the lock file to remove", async () => {
    const out = freshOut();
    await fs.writeFile(lockFileOf(out), holding(ALIVE));
    await expect(withLock(out, async () => "in", 0)).rejects.toThrow(
      `${out} is being written by another rosapi run (pid ${ALIVE} on ${hostname()}); if none is running, remove ${lockFileOf(out)}`,
    );
  });

  it("a lock that cannot be read names its holder as unknown", async () => {
    const out = freshOut();
    await fs.writeFile(lockFileOf(out), "{");
    await expect(withLock(out, async () => "in", 0)).rejects.toThrow(`(pid 0 on (unknown))`);
  });

  it("waits up to the time given, polling, and never sleeps past it", async () => {
    const out = freshOut();
    await fs.writeFile(lockFileOf(out), holding(ALIVE));
    await expect(withLock(out, async () => "in", 1000)).rejects.toThrow(UserError);
    expect(world.now).toBe(1000);
    expect(world.slept.length).toBeGreaterThan(1);
  });

  it("without a time given, waits a minute", async () => {
    const out = freshOut();
    await fs.writeFile(lockFileOf(out), holding(ALIVE));
    await expect(withLock(out, async () => "in")).rejects.toThrow(UserError);
    expect(world.now).toBe(60_000);
  });

  it("takes the lock as soon as the holder releases it, and writes then", async () => {
    const out = freshOut();
    await fs.writeFile(lockFileOf(out), holding(ALIVE));
    world.onSleep = async (count) => {
      if (count === 2) await fs.rm(lockFileOf(out));
    };
    expect(await withLock(out, async () => JSON.parse(await fs.readFile(lockFileOf(out), "utf8")) as unknown, 1000)).toMatchObject({
      pid: process.pid,
    });
    expect(world.slept.length).toBe(3);
    expect(existsSync(lockFileOf(out))).toBe(false);
  });
});

describe("a lock left by a run that died: taken over", () => {
  it("at once, without waiting, and released after", async () => {
    const out = freshOut();
    await fs.writeFile(lockFileOf(out), holding(DEAD));
    const inside = await withLock(out, async () => JSON.parse(await fs.readFile(lockFileOf(out), "utf8")) as unknown, 0);
    expect(inside).toMatchObject({ pid: process.pid, host: hostname() });
    expect(kills).toEqual([DEAD]);
    expect(world.slept).toEqual([]);
    expect(await leftBeside()).toEqual([]);
  });

  it("under a takeover file named after what the dead lock holds, which holds the taker's pid and host", async () => {
    const out = freshOut();
    const stale = holding(DEAD);
    await fs.writeFile(lockFileOf(out), stale);
    const created: string[] = [];
    const guards: unknown[] = [];
    world.onCreate = (path) => void created.push(path);
    world.onRead = async (path) => {
      if (path === lockFileOf(out) && existsSync(guardOf(lockFileOf(out), stale)))
        guards.push(JSON.parse(await fs.readFile(guardOf(lockFileOf(out), stale), "utf8")));
    };
    await withLock(out, async () => "in", 0);
    expect(created).toEqual([guardOf(lockFileOf(out), stale), lockFileOf(out)]);
    expect(guards).toEqual([{ pid: process.pid, host: hostname(), token: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
  });

  it("not while another run, alive, is taking it over (its takeover file there): waited for", async () => {
    const out = freshOut();
    const stale = holding(DEAD);
    await fs.writeFile(lockFileOf(out), stale);
    await fs.writeFile(guardOf(lockFileOf(out), stale), holding(ALIVE));
    await expect(withLock(out, async () => "in", 0)).rejects.toThrow(`(pid ${DEAD} on ${hostname()})`);
    expect(await fs.readFile(lockFileOf(out), "utf8")).toBe(stale);
    expect(existsSync(guardOf(lockFileOf(out), stale))).toBe(true);
  });

  it("a takeover file whose holder cannot be read (being written): waited for", async () => {
    const out = freshOut();
    const stale = holding(DEAD);
    await fs.writeFile(lockFileOf(out), stale);
    await fs.writeFile(guardOf(lockFileOf(out), stale), "");
    await expect(withLock(out, async () => "in", 0)).rejects.toThrow(UserError);
    expect(await fs.readFile(lockFileOf(out), "utf8")).toBe(stale);
  });

  it("a takeover file left by a run that died too is taken over in turn, and nothing is left behind", async () => {
    const out = freshOut();
    const stale = holding(DEAD);
    const staleGuard = holding(OTHER_DEAD);
    await fs.writeFile(lockFileOf(out), stale);
    await fs.writeFile(guardOf(lockFileOf(out), stale), staleGuard);
    expect(await withLock(out, async () => "in", 0)).toBe("in");
    expect(kills).toEqual([DEAD, OTHER_DEAD, DEAD]);
    expect(await leftBeside()).toEqual([]);
  });

  it("a lock another run took over and made its own meanwhile is left alone (read again under the takeover file)", async () => {
    const out = freshOut();
    const stale = holding(DEAD);
    await fs.writeFile(lockFileOf(out), stale);
    const theirs = holding(ALIVE, hostname(), "theirs");
    // The moment this run holds the takeover file, the lock is already another live run's.
    world.onCreate = async (path) => {
      if (path === guardOf(lockFileOf(out), stale)) await fs.writeFile(lockFileOf(out), theirs);
    };
    await expect(withLock(out, async () => "in", 0)).rejects.toThrow(`(pid ${ALIVE} on ${hostname()})`);
    expect(await fs.readFile(lockFileOf(out), "utf8")).toBe(theirs);
    expect(await leftBeside()).toEqual([`.${out.split("/").pop()}.rosapi-lock`]);
  });

  it("a dead lock removed by hand while it is being taken over: taken all the same", async () => {
    const out = freshOut();
    const stale = holding(DEAD);
    await fs.writeFile(lockFileOf(out), stale);
    world.onRead = async (path, text) => {
      if (path === lockFileOf(out) && text === stale && existsSync(guardOf(lockFileOf(out), stale))) {
        await fs.rm(lockFileOf(out));
        await fs.rm(guardOf(lockFileOf(out), stale));
      }
    };
    expect(await withLock(out, async () => "in", 0)).toBe("in");
    expect(await leftBeside()).toEqual([]);
  });
});
