/** The syntax-text grammar, family by family: what each text types to, and which values its pattern takes. */
import { describe, expect, it } from "vitest";
import { parseSyntaxText } from "../../../src/openapi/types/index.js";
import { toValueType } from "../../../src/openapi/types/form-schemas.js";

interface Case {
  given: string;
  want: { type: string; [key: string]: unknown };
  accepts?: string[];
  rejects?: string[];
}

const cases: [string, Case][] = [
  ["plain string", { given: "string value", want: { type: "string" } }],
  ["string lengths", { given: "string value, min length 2, max length 96", want: { type: "string", minLength: 2, maxLength: 96 } }],
  [
    "hex with length",
    { given: "hexadecimal string value, max length 16", want: { type: "hex", maxLength: 16 }, accepts: ["0aF9"], rejects: ["xyz"] },
  ],
  [
    "integer range",
    {
      given: "0..4294967295",
      want: { type: "integer", minimum: 0, maximum: 4294967295 },
      accepts: ["0", "4294967295"],
      rejects: ["1.5", "x"],
    },
  ],
  [
    "duration",
    {
      given: "time interval",
      want: { type: "duration" },
      accepts: ["30s", "1w2d3h4m5s", "500ms", "00:00:30", "1d00:00:00.200", "10"],
      rejects: ["soon", "1x"],
    },
  ],
  [
    "duration range",
    { given: "00:00:00.020..00:00:05    (time interval)", want: { type: "duration", range: { min: "00:00:00.020", max: "00:00:05" } } },
  ],
  ["open duration range", { given: "00:00:00.200..    (time interval)", want: { type: "duration", range: { min: "00:00:00.200" } } }],
  [
    "IPv4 address",
    {
      given: "A.B.C.D    (IP address)",
      want: { type: "ipv4", format: "ipv4" },
      accepts: ["192.168.88.1"],
      rejects: ["256.1.1.1", "10.0.0.1/24"],
    },
  ],
  [
    "IPv4 prefix",
    { given: "A.B.C.D/M    (IP prefix)", want: { type: "ipv4-prefix" }, accepts: ["10.0.0.0/8", "10.0.0.1"], rejects: ["10.0.0.0/33"] },
  ],
  // A kept IPv6-only row does not exclude IPv4: routers write 0.0.0.0/0 there (ipsec policies, snmp).
  [
    "IPv6 prefix",
    {
      given: "IPv6/0..128    (IPv6 prefix)",
      want: { type: "ip-prefix" },
      accepts: ["2001:db8::/32", "::1", "0.0.0.0/0"],
      rejects: ["10.0.0.1/33", "host"],
    },
  ],
  [
    "durations in every RouterOS form",
    {
      given: "time interval",
      want: { type: "duration" },
      accepts: ["1d", "3m20s", "00:10:00", "1w2d3h4m5s", "00:00:00.020", "500ms", "30", "1d 00:10:00"],
      rejects: ["P1D", "1x", "10s,10", ""],
    },
  ],
  [
    'a word list empties with ""',
    {
      given: "any|only-static[,SelectDynamicId*]",
      want: { type: "enum-list", empty: true },
      accepts: ["", "any,only-static"],
      rejects: ["other", ","],
    },
  ],
  [
    "IP range",
    {
      given: "A.B.C.D[-A.B.C.D |0..32 |/A.B.C.D ]    (IP address range)",
      want: { type: "ip-range" },
      accepts: ["10.0.0.1-10.0.0.9", "10.0.0.0/24", "10.0.0.1", "10.0.0.0/255.255.255.0"],
    },
  ],
  [
    "MAC",
    {
      given: "AB[:|-|.]CD[:|-|.]EF[:|-|.]GH[:|-|.]IJ[:|-|.]KL    (MAC address)",
      want: { type: "mac" },
      accepts: ["00:0C:29:AB:CD:EF", "000C29ABCDEF", "00-0c-29-ab-cd-ef"],
      rejects: ["00:0C:29"],
    },
  ],
  [
    "word alternative beside an address",
    {
      given: "none | A.B.C.D    (IP address)",
      want: { type: "ipv4", special: ["none"] },
      accepts: ["none", "1.2.3.4"],
      rejects: ["other"],
    },
  ],
  [
    "word list as a comma-separated list",
    {
      given: "pap|chap|mschap1|mschap2[,Authentication*]",
      want: { type: "enum-list", enum: ["pap", "chap", "mschap1", "mschap2"], list: true },
      accepts: ["pap", "pap,chap"],
      rejects: ["pap,,chap", "eap"],
    },
  ],
  [
    "words with dots",
    { given: "1Mbps|2Mbps|5.5Mbps|11Mbps[,RatesB*]", want: { type: "enum-list" }, accepts: ["5.5Mbps,11Mbps"], rejects: ["5x5Mbps"] },
  ],
  ["script", { given: "script", want: { type: "script" } }],
  ["a text the grammar cannot type", { given: "see documentation", want: undefined as never }],
];

describe("parseSyntaxText", () => {
  it.each(cases)("%s", (_name, { given, want, accepts = [], rejects = [] }) => {
    const form = parseSyntaxText(given);
    if (want === undefined) return expect(form).toBeUndefined();
    expect(form).toMatchObject(want);
    const reply = toValueType(form!).reply;
    expect(reply.format).not.toBe("duration");
    expect(reply.type).toBe("string");
    const matches = (value: string) =>
      reply.enum ? reply.enum.includes(value) : reply.pattern ? new RegExp(reply.pattern).test(value) : true;
    for (const value of accepts) expect(matches(value), `${value} accepted`).toBe(true);
    for (const value of rejects) expect(matches(value), `${value} rejected`).toBe(false);
  });

  it("numbers accept an integer or its string in requests, and reply a string", () => {
    const vt = toValueType(parseSyntaxText("0..65535")!);
    expect(vt.reply).toMatchObject({ type: "string", pattern: "^(?:-?\\d+)$" });
    expect(vt.request.oneOf?.[0]).toEqual({ type: "integer", minimum: 0, maximum: 65535 });
  });
});
