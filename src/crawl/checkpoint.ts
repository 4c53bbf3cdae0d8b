/**
 * Crawl progress on disk: an append-only log of answers (one JSON line per
 * answered request), so that a crash or a kill loses at most the last few
 * lines and `--resume` re-requests nothing that was answered.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { UserError } from "../io/errors.js";
import type { Row } from "./tasks.js";

interface Head {
  checkpoint: "rosapi-crawl";
  url: string;
}

export class Checkpoint {
  private constructor(
    private readonly file: string,
    private readonly stream: WriteStream,
  ) {}

  /** Opens the log; with `resume`, first reads the answers and skips it holds (for the same router URL). */
  static async open(file: string, url: string, resume: boolean): Promise<{ checkpoint: Checkpoint } & Logged> {
    const logged = resume ? await readLog(file, url) : undefined;
    const stream = createWriteStream(file, { flags: logged ? "a" : "w" });
    await new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject)).catch((err: NodeJS.ErrnoException) => {
      throw new UserError(`cannot write the checkpoint ${file}: ${err.code ?? err.message}`);
    });
    const checkpoint = new Checkpoint(file, stream);
    if (!logged) stream.write(JSON.stringify({ checkpoint: "rosapi-crawl", url } satisfies Head) + "\n");
    return { checkpoint, ...(logged ?? { answers: new Map(), skipped: new Set() }) };
  }

  record(key: string, rows: Row[]): void {
    this.stream.write(JSON.stringify([key, rows]) + "\n");
  }

  /** A request given up on (it stalled the router, or was refused): --resume does not fire it again. */
  recordSkip(key: string): void {
    this.stream.write(JSON.stringify([key, null]) + "\n");
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }

  /** After a finished crawl the log has served its purpose. */
  async discard(): Promise<void> {
    await this.close();
    await rm(this.file, { force: true });
  }
}

interface Logged {
  answers: Map<string, Row[]>;
  skipped: Set<string>;
}

async function readLog(file: string, url: string): Promise<Logged | undefined> {
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw new UserError(`cannot read the checkpoint ${file}: ${err.code ?? err.message}`);
  });
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  let head: Partial<Head> = {};
  try {
    head = JSON.parse(lines[0] ?? "") as Head;
  } catch {
    // handled below
  }
  if (head.checkpoint !== "rosapi-crawl") throw new UserError(`${file} is not a rosapi crawl checkpoint`);
  if (head.url !== url) throw new UserError(`${file} belongs to a crawl of ${head.url}, not ${url}`);
  const logged: Logged = { answers: new Map(), skipped: new Set() };
  for (const line of lines.slice(1)) {
    try {
      const [key, rows] = JSON.parse(line) as [string, Row[] | null];
      if (rows) logged.answers.set(key, rows);
      else logged.skipped.add(key);
    } catch {
      // The last line of a killed crawl may be cut short: it is simply asked again.
    }
  }
  return logged;
}
