/** A configuration file at the door: hostile files get one clear message, and no more than the limit is read. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configText, MAX_LINE_CHARS, readConfigFile } from "../../src/config/index.js";
import { UserError } from "../../src/io/errors.js";

const dir = mkdtempSync(join(tmpdir(), "rosapi-config-"));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("reading a configuration", () => {
  it("reads and parses a file", async () => {
    const parsed = await readConfigFile(file("ok.rsc", "# by RouterOS 7.16\n/system identity\nset name=R1\n"));
    expect(parsed.header.version).toBe("7.16");
    expect(parsed.items.map((i) => i.kind)).toEqual(["comment", "menu", "command"]);
  });
  it.each([
    ["a binary file", Buffer.from([0x2f, 0x69, 0x70, 0x00, 0x01, 0x02]), /a binary file \(a NUL byte at offset 3\)/],
    ["invalid UTF-8", Buffer.from([0x2f, 0x69, 0x70, 0x20, 0xc3, 0x28, 0x0a]), /not UTF-8 text/],
    [
      "a line of 10 MB",
      `/system identity\nset name=${"x".repeat(10 * 1024 * 1024)}\n`,
      new RegExp(`line 2 is longer than ${MAX_LINE_CHARS / 1048576} MiB`),
    ],
  ])("refuses %s with one message naming the file", async (_what, content, message) => {
    const path = file("bad.rsc", content);
    const err = await readConfigFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(path);
  });
  it("refuses a file over the size limit before reading it, and a directory, and a missing file", async () => {
    await expect(readConfigFile(file("big.rsc", "/system identity\n".repeat(1000)), 1024)).rejects.toThrow(/larger than/);
    await expect(readConfigFile(dir)).rejects.toThrow(/is a directory/);
    await expect(readConfigFile(join(dir, "absent.rsc"))).rejects.toThrow(/no such file/);
  });
  it("drops a byte-order mark", () => {
    expect(configText(Buffer.from("\uFEFF/ip address\n"), "x")).toBe("/ip address\n");
  });
});
