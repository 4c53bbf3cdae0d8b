/** The one duration reader (rosapi's and the clients'), the document's examples per RouterOS type, and request descriptions from the router's texts. */
import { describe, expect, it } from "vitest";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { buildView } from "../../../src/view/index.js";
import { buildOpenApi } from "../../../src/openapi/index.js";
import { exampleOf } from "../../../src/openapi/types/examples.js";
import type { Form } from "../../../src/openapi/types/form.js";
import { sampleModel } from "../../../src/sample/index.js";
import { durationMs } from "../../../src/templates/duration.js";

const duration = (range?: Form["range"]): Form => ({ type: "duration", ...(range ? { range } : {}) });

describe("the document's examples", () => {
  it.each<[string, Form, string | undefined]>([
    ["a duration without range", duration(), "30s"],
    ["a duration whose range holds 30s", duration({ min: "0s", max: "1d" }), "30s"],
    ["a duration whose maximum is below 30s", duration({ min: "10ms", max: "5s" }), "5s"],
    ["a duration whose maximum is a clock below 30s", duration({ min: "00:00:00.010", max: "00:00:05" }), "00:00:05"],
    ["a duration whose minimum is above 30s", duration({ min: "1m" }), "1m"],
    ["an IPv4 prefix", { type: "ipv4-prefix" }, "10.0.0.1/24"],
    ["an enum", { type: "enum", enum: ["tcp", "udp"] }, "tcp"],
    ["an integer range", { type: "integer", minimum: 14, maximum: 65535 }, "14"],
    ["an interface list, which every router has", { type: "reference", ref: "interface-list", argName: "in-interface-list" }, "all"],
    ["a plain string: none is sensible", { type: "string" }, undefined],
  ])("%s", (_name, form, want) => {
    expect(exampleOf(form)).toBe(want);
  });
});

describe("durations", () => {
  it.each([
    ["30s", 30_000],
    ["30", 30_000],
    ["1.5", 1500],
    ["1d2h", 93_600_000],
    ["10ms", 10],
    ["00:00:00.200", 200],
    ["1d 00:10:00", 87_000_000],
    ["1d00:00:00.5", 86_400_500],
    ["7w17h2m47s", 4_294_967_000],
  ])("reads %s", (text, ms) => {
    expect(durationMs(text)).toBeCloseTo(ms, 6);
  });

  it.each(["1h30", "abc", "", "1x", "s", "1d 2h"])("says %j is no duration", (text) => {
    expect(durationMs(text)).toBeUndefined();
  });
});

describe("request descriptions", () => {
  it("carry the command's text and each arg's syntax and description", () => {
    const json = JSON.stringify(buildCollection(buildView(buildOpenApi(sampleModel()))));
    const ping = JSON.parse(json).item.find((i: { name: string }) => i.name === "POST /ping");
    expect(ping.request.description).toContain("Send ICMP echo requests");
    expect(ping.request.description).toContain("- `size` (`14..65535`): Packet size");
    expect(JSON.parse(ping.request.body.raw)).toEqual({ count: "3", address: "127.0.0.1" });
  });
});
