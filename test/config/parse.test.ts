/**
 * The configuration parser: each form RouterOS writes (expected values written here by hand from the
 * console's rules), then every real export in ../shared/routeros-exports.
 */
import { describe, expect, it } from "vitest";
import { parseConfig, unescapeQuoted, writeValue, type ConfigCommand, type ConfigItem } from "../../src/config/index.js";
import { exportsPresent, parsedExports } from "../helpers/exports.js";

const commands = (text: string): ConfigCommand[] => parseConfig(text).items.filter((i): i is ConfigCommand => i.kind === "command");
const only = (text: string): ConfigCommand => {
  const found = commands(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const args = (c: ConfigCommand): Record<string, string | undefined> => Object.fromEntries(c.args.map((a) => [a.name, a.value?.text]));

describe("the header", () => {
  it("gives the version, the model and the software id", () => {
    const { header } = parseConfig(
      "# 2025-03-01 12:00:00 by RouterOS 7.18.2\n# software id = Q684-P50F\n#\n# model = wAPGR-5HacD2HnD\n# serial number = X\n/system identity\nset name=R1\n",
    );
    expect(header).toEqual({ version: "7.18.2", softwareId: "Q684-P50F", model: "wAPGR-5HacD2HnD" });
  });
  it("of an old export (month names), and none where the file has no header", () => {
    expect(parseConfig("# jan/02/1970 00:08:42 by RouterOS 7.1.1\n").header.version).toBe("7.1.1");
    expect(parseConfig("/ip address\nadd address=10.0.0.1/24 interface=ether1\n").header).toEqual({});
  });
});

describe("menus and commands", () => {
  it("a menu line sets the menu of the lines after it, with positions", () => {
    const items = parseConfig("/ip firewall filter\nadd action=accept chain=input\n").items;
    expect(items[0]).toMatchObject({ kind: "menu", menu: "/ip/firewall/filter", line: 1, column: 1 });
    expect(items[1]).toMatchObject({ kind: "command", menu: "/ip/firewall/filter", command: "add", line: 2, column: 1 });
    expect((items[1] as ConfigCommand).args.map((a) => [a.name, a.line, a.column])).toEqual([
      ["action", 2, 5],
      ["chain", 2, 19],
    ]);
  });
  it("terse (the menu on every line) and slash forms, without changing the menu of later lines", () => {
    const [a, b, c] = commands(
      "/ip address\n/ip firewall filter add chain=input action=drop\n/ip/route/add gateway=10.0.0.1\nadd address=10.0.0.1/24\n",
    );
    expect([a!.menu, a!.command, b!.menu, b!.command, c!.menu]).toEqual(["/ip/firewall/filter", "add", "/ip/route", "add", "/ip/address"]);
  });
  it.each([
    ["set [ find default-name=ether1 ] mtu=1500", { kind: "find", conditions: [{ name: "default-name", value: { text: "ether1" } }] }],
    ['set [ find name="my bridge" ] mtu=1500', { kind: "find", conditions: [{ name: "name", value: { text: "my bridge" } }] }],
    ['set [ find where name~"^ether" ] mtu=1500', { kind: "find", where: 'name~"^ether"' }],
    ["set [ find ] mtu=1500", { kind: "find", conditions: [] }],
    ["set 0 mtu=1500", { kind: "positional", raw: "0" }],
    ["set 0,2 mtu=1500", { kind: "positional", raw: "0,2" }],
    ["set ether1 mtu=1500", { kind: "positional", raw: "ether1" }],
    ["set $iface mtu=1500", { kind: "script", raw: "$iface" }],
  ])("%s: a selector, not an arg", (line, selector) => {
    const c = only(`/interface ethernet\n${line}\n`);
    expect(c.selector).toMatchObject(selector);
    expect(args(c)).toEqual({ mtu: "1500" });
  });
  it("remove, enable, disable and unset with their selectors and value names; `!arg`; a flag after the args", () => {
    const [r, e, d, u, n, f] = commands(
      "/ip route\nremove [ find dynamic=no ]\nenable 1\ndisable 2\nunset 0 comment\nset [ find ] !keepalive-timeout\n/routing ospf interface-template\nadd area=a interfaces=lo passive\n",
    );
    expect([r!.command, e!.command, d!.command, u!.command]).toEqual(["remove", "enable", "disable", "unset"]);
    expect(u!.positional.map((v) => v.text)).toEqual(["comment"]);
    expect(n!.args).toMatchObject([{ name: "keepalive-timeout", unset: true }]);
    expect(f!.selector).toBeUndefined();
    expect(f!.positional.map((v) => v.text)).toEqual(["passive"]);
  });
  it("a settings set, and a group's dotted args (`.mode` after `configuration.country`)", () => {
    expect(args(only("/system identity\nset name=R1\n"))).toEqual({ name: "R1" });
    expect(args(only("/interface wifi\nadd configuration.country=Latvia .mode=ap .ssid=x\n"))).toEqual({
      "configuration.country": "Latvia",
      "configuration.mode": "ap",
      "configuration.ssid": "x",
    });
  });
});

describe("continuations, quotes and escapes", () => {
  it("joins `\\` continuations (and drops the next line's indentation), inside and outside quotes; positions stay physical", () => {
    const c = only(
      '/ip firewall filter\nadd action=drop chain=input comment=\\\n    "defconf: drop \\\n    all" in-interface-list=\\\n    !LAN\n',
    );
    expect(args(c)).toEqual({ action: "drop", chain: "input", comment: "defconf: drop all", "in-interface-list": "!LAN" });
    expect(c.args.find((a) => a.name === "comment")!.value).toMatchObject({ line: 3, column: 5 });
    expect(c.args.find((a) => a.name === "in-interface-list")).toMatchObject({ line: 4, column: 10 });
    expect(c.endLine).toBe(5);
  });
  it("CRLF line ends", () => {
    expect(args(only("/system identity\r\nset name=\\\r\n    R1\r\n"))).toEqual({ name: "R1" });
  });
  it.each([
    ['"a\\"b"', 'a"b'],
    ['"a\\\\b"', "a\\b"],
    ['"line\\nnext\\rx\\ty"', "line\nnext\rx\ty"],
    ['"\\$HOME"', "$HOME"],
    ['"what\\?"', "what?"],
    ['"a\\_b"', "a b"],
    ['"\\41\\42"', "AB"],
    ['"\\D0\\9F\\D1\\80\\D0\\B8"', "При"],
    ['"\\a\\b\\f\\v"', "\x07\b\f\v"],
    ['""', ""],
  ])("%s reads as %j", (raw, text) => {
    expect(args(only(`/system identity\nset name=${raw}\n`)).name).toBe(text);
  });
  it("an escape RouterOS does not know, and a quote left open, are one problem each, at their line", () => {
    const items = parseConfig('/system identity\nset name="a\\qb"\nset name="open\nset name=ok\n').items;
    expect(items.map((i) => i.kind)).toEqual(["menu", "problem", "problem", "command"]);
    expect(items[1]).toMatchObject({ line: 2, message: expect.stringContaining("escape") });
    expect(items[2]).toMatchObject({ line: 3, message: expect.stringContaining("quoted string") });
  });
  it("writes values back as RouterOS does: bare where it can, quoted with its escapes", () => {
    expect(writeValue("ether1")).toBe("ether1");
    expect(writeValue("10.0.0.0/24,10.1.0.0/24")).toBe("10.0.0.0/24,10.1.0.0/24");
    expect(writeValue("")).toBe('""');
    expect(writeValue("allow ssh")).toBe('"allow ssh"');
    expect(writeValue('a"b\\c$d?e\nf\tg')).toBe('"a\\"b\\\\c\\$d\\?e\\nf\\tg"');
    expect(writeValue("При")).toBe('"\\D0\\9F\\D1\\80\\D0\\B8"');
    expect(unescapeQuoted(writeValue('x "y" \\ $z').slice(1, -1))).toBe('x "y" \\ $z');
  });
});

describe("scripts", () => {
  it("scripting lines are reported as such, `{ … }` blocks whole over many lines; `$var`, `[ … ]` values are script values", () => {
    const items = parseConfig(
      ':local name "R1"\n:if ($a = 1) do={\n  :log info "x"\n}\n{\n  /ip address add address=10.0.0.1/24 interface=ether1\n}\n/system identity\nset name=$name\nset name=[/system identity get name]\nset name="R-$name"\n',
    ).items;
    expect(items.map((i) => [i.kind, i.line])).toEqual([
      ["script", 1],
      ["script", 2],
      ["script", 5],
      ["menu", 8],
      ["command", 9],
      ["command", 10],
      ["command", 11],
    ]);
    expect((items[1] as ConfigItem & { endLine: number }).endLine).toBe(4);
    for (const c of items.slice(4) as ConfigCommand[]) expect(c.args[0]!.value!.kind).toBe("script");
  });
  it('a multi-line `source={ … }` block and an exported `source="…"` are one command each', () => {
    const [block, exported] = commands(
      '/system script\nadd name=a source={\n  :local x [/ip address find]\n  :put "}{"\n}\nadd name=b policy=read source=":\\\n    local n 1\\\n    \\n:put \\$n\\r\\\n    \\n"\n',
    );
    expect(block).toMatchObject({ line: 2, endLine: 5 });
    expect(block!.args[1]!.value!.kind).toBe("script");
    expect(args(exported!)).toEqual({ name: "b", policy: "read", source: ":local n 1\n:put $n\r\n" });
  });
});

describe.skipIf(!exportsPresent)("every real export", () => {
  const all = parsedExports();
  it("every line is in an item, a scripting line or a comment; no problems but the two files' upload boundaries", () => {
    const problems: string[] = [];
    for (const { file, text, parsed } of all) {
      const covered = new Set<number>();
      for (const item of parsed.items) {
        const end = "endLine" in item ? item.endLine : item.line;
        for (let l = item.line; l <= end; l++) covered.add(l);
        if (item.kind === "problem") problems.push(`${file}:${item.line} ${item.message.slice(0, 30)}`);
      }
      const lines = text.split(/\r?\n/);
      const uncovered = lines.flatMap((l, i) => (l.trim() !== "" && !covered.has(i + 1) ? [`${file}:${i + 1}`] : []));
      expect(uncovered).toEqual([]);
    }
    // A multipart upload's boundary line left at the end of two files (not RouterOS's): RouterOS refuses it too.
    expect(problems).toEqual([
      "TMaskpl__Mikrotik7-2WANs__MT_R1.rsc:78 not a command or a menu: -----",
      "TMaskpl__Mikrotik7-2WANs__MT_R2.rsc:74 not a command or a menu: -----",
    ]);
    expect(all.length).toBe(21);
  });
  it("every header names a version; every value round-trips: written back as RouterOS writes it, it is the text it was", () => {
    let quoted = 0;
    let values = 0;
    const differ: string[] = [];
    for (const { file, parsed } of all) {
      expect(parsed.header.version, file).toMatch(/^7\.\d+/);
      for (const item of parsed.items) {
        if (item.kind !== "command") continue;
        for (const arg of item.args) {
          if (!arg.value || arg.value.text === undefined) continue;
          values++;
          if (arg.value.kind === "quoted") quoted++;
          if (writeValue(arg.value.text) !== arg.value.raw) differ.push(`${file}:${arg.line} ${arg.value.raw}`);
        }
      }
    }
    expect(differ).toEqual([]);
    expect(values).toBeGreaterThan(1300);
    expect(quoted).toBeGreaterThan(90);
  });
});
