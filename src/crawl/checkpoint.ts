/**
 * Crawl progress on disk: an append-only log of answers (one JSON line per
 * answered request), so that a crash or a kill loses at most the last few
 * lines and `--resume` re-requests nothing that was answered. Its first line
 * says which router answered: a resume against another router, or the same
 * one after an upgrade, would mix two trees.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { validateAtDoor } from "../io/door.js";
import { UserError } from "../io/errors.js";
import type { ModelHeader } from "../model/types.js";
import type { Row } from "./tasks.js";

/** Who answered: the URL in one spelling per router (normalizeRouterUrl), and what the router says it is. */
export interface RouterIdentity extends Pick<ModelHeader, "version" | "architecture" | "board" | "packages"> {
  url: string;
}

/** One answer (or, with null, a request given up on). */
type Entry = [key: string, rows: Row[] | null];

interface Head {
  checkpoint: "rosapi-crawl";
  identity: RouterIdentity;
}

export interface ResumeMode {
  resume: boolean;
  /** Resume even when the identity differs. */
  force: boolean;
}

interface Logged {
  answers: Map<string, Row[]>;
  skipped: Set<string>;
}

export class Checkpoint {
  private closed = false;

  private constructor(
    private readonly file: string,
    private readonly stream: WriteStream,
    /** Whether answers of an earlier run were read back (the log is then worth more than this run). */
    readonly resumed: boolean,
  ) {}

  /** Opens the log; with `resume`, first reads the answers and skips it holds, when they come from the same router. */
  static async open(file: string, identity: RouterIdentity, mode: ResumeMode): Promise<{ checkpoint: Checkpoint } & Logged> {
    const logged = mode.resume ? await readLog(file, identity, mode.force) : undefined;
    const stream = createWriteStream(file, { flags: logged ? "a" : "w" });
    await new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject)).catch(
      (err: NodeJS.ErrnoException) => {
        throw new UserError(`cannot write the checkpoint ${file}: ${err.code ?? err.message}`);
      },
    );
    const checkpoint = new Checkpoint(file, stream, logged !== undefined);
    if (!logged) stream.write(JSON.stringify({ checkpoint: "rosapi-crawl", identity } satisfies Head) + "\n");
    return { checkpoint, ...(logged ?? { answers: new Map(), skipped: new Set() }) };
  }

  record(key: string, rows: Row[]): void {
    // Requests still in flight may answer after an interruption closed the log.
    if (!this.closed) this.stream.write(JSON.stringify([key, rows]) + "\n");
  }

  /** A request given up on (it stalled the router, or was refused): --resume does not fire it again. */
  recordSkip(key: string): void {
    if (!this.closed) this.stream.write(JSON.stringify([key, null]) + "\n");
  }

  /** Flushes what was logged and keeps the file for --resume. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return new Promise((resolve) => this.stream.end(resolve));
  }

  /** After a finished (and saved) crawl, or one that is not worth resuming, the log has served its purpose. */
  async discard(): Promise<void> {
    await this.close();
    await rm(this.file, { force: true });
  }
}

/** The identity facts that differ, each as `name: was → is`. */
function identityChanges(was: Partial<RouterIdentity>, is: RouterIdentity): string[] {
  const show = (value: unknown) => (value === undefined ? "unknown" : Array.isArray(value) ? value.join(",") || "none" : String(value));
  return (["url", "version", "architecture", "board", "packages"] as const)
    .filter((key) => show(was[key]) !== show(is[key]))
    .map((key) => `${key} ${show(was[key])} → ${show(is[key])}`);
}

async function readLog(file: string, identity: RouterIdentity, force: boolean): Promise<Logged | undefined> {
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw new UserError(`cannot read the checkpoint ${file}: ${err.code ?? err.message}`);
  });
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  let head: unknown;
  try {
    head = JSON.parse(lines[0] ?? "");
  } catch {
    // handled below
  }
  if ((head as Partial<Head> | undefined)?.checkpoint !== "rosapi-crawl") throw new UserError(`${file} is not a rosapi crawl checkpoint`);
  const { identity: was } = validateAtDoor<Head>({ name: "checkpoint", ref: "#/$defs/Head" }, head, `${file} line 1`);
  const changes = identityChanges(was, identity);
  if (changes.length > 0 && !force) {
    throw new UserError(
      `${file} was made on another router or version (${changes.join("; ")}): resuming would mix two trees; crawl afresh without --resume, or --force-resume to mix them anyway`,
    );
  }
  const logged: Logged = { answers: new Map(), skipped: new Set() };
  lines.slice(1).forEach((line, i) => {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      // A line cut short by a kill (and what a resumed crawl appended to it) is simply asked again.
      return;
    }
    const [key, rows] = validateAtDoor<Entry>({ name: "checkpoint", ref: "#/$defs/Entry" }, entry, `${file} line ${i + 2}`);
    if (rows) logged.answers.set(key, rows);
    else logged.skipped.add(key);
  });
  return logged;
}
