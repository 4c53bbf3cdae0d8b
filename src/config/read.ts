/**
 * A configuration file at the door: bounded in size and line length, text
 * (no NUL byte), valid UTF-8. Anything else is one message naming the file,
 * and no more of it is read than the limit.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { UserError } from "../io/errors.js";
import { readAtMost } from "../io/stream.js";
import { parseConfig } from "./parse.js";
import type { ParsedConfig } from "./types.js";

/** Real exports are a few hundred kB at most; a configuration of 10,000 lines is about 1 MB. */
const MAX_CONFIG_BYTES = 32 * 1024 * 1024;
/** RouterOS breaks its export lines near 80 columns; a hand-written script line is rarely a few kB. */
export const MAX_LINE_CHARS = 1024 * 1024;

const MIB = 1024 * 1024;

/** Bytes → the text of a configuration, or one UserError. */
export function configText(bytes: Uint8Array, source: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new UserError(`${source}: a binary file (a NUL byte at offset ${nul}), not a RouterOS configuration`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${source}: not UTF-8 text, not a RouterOS configuration`);
  }
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > MAX_LINE_CHARS)
      throw new UserError(`${source}: line ${line} is longer than ${MAX_LINE_CHARS / MIB} MiB, not a RouterOS configuration`);
    if (end < 0) break;
    start = end + 1;
  }
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** Reads and parses a configuration file (never more than MAX_CONFIG_BYTES of it). */
export async function readConfigFile(path: string, maxBytes = MAX_CONFIG_BYTES): Promise<ParsedConfig> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new UserError(`cannot read ${path}: ${err.code === "ENOENT" ? "no such file or directory" : err.message}`);
  });
  if (info.isDirectory()) throw new UserError(`${path} is a directory: name a configuration file`);
  const tooBig = `${path} is larger than ${maxBytes / MIB} MiB, not a RouterOS configuration`;
  if (info.isFile() && info.size > maxBytes) throw new UserError(tooBig);
  let bytes: Buffer | undefined;
  try {
    bytes = await readAtMost(createReadStream(path), maxBytes);
  } catch (err) {
    throw new UserError(`cannot read ${path}: ${(err as Error).message}`);
  }
  if (!bytes) throw new UserError(tooBig);
  return parseConfig(configText(bytes, path), path);
}
