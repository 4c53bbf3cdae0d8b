/** Example values per RouterOS type, within the ranges the router gave; request descriptions from the router's texts. */
import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { durationSeconds, exampleValue } from "../../../src/emit/postman/examples.js";
import { buildCollection } from "../../../src/emit/postman/index.js";
import { buildOpenApi } from "../../../src/openapi/index.js";
import { sampleModel } from "../../../src/sample/index.js";

const doc = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {} } as OpenAPIV3.Document;
const duration = (range?: object) =>
  ({ type: "string", "x-routeros-type": "duration", ...(range ? { "x-routeros-range": range } : {}) }) as OpenAPIV3.SchemaObject;

describe("example values", () => {
  it.each([
    ["a duration without range", duration(), "30s"],
    ["a duration whose range holds 30s", duration({ min: "0s", max: "1d" }), "30s"],
    ["a duration whose maximum is below 30s", duration({ min: "10ms", max: "5s" }), "5s"],
    ["a duration whose maximum is a clock below 30s", duration({ min: "00:00:00.010", max: "00:00:05" }), "00:00:05"],
    ["a duration whose minimum is above 30s", duration({ min: "1m" }), "1m"],
    ["an IPv4 prefix", { type: "string", "x-routeros-type": "ipv4-prefix" }, "10.0.0.1/24"],
    ["an enum", { type: "string", enum: ["tcp", "udp"], "x-routeros-type": "enum" }, "tcp"],
    ["an integer range", { "x-routeros-type": "integer", "x-routeros-range": { min: 14, max: 65535 } }, "14"],
  ])("%s", (_name, schema, want) => {
    expect(exampleValue(doc, schema as OpenAPIV3.SchemaObject)).toBe(want);
  });

  it.each([
    ["30s", 30],
    ["1d2h", 93600],
    ["10ms", 0.01],
    ["00:00:00.200", 0.2],
    ["1d 00:10:00", 87000],
    ["7w17h2m47s", 4294967],
  ])("reads the duration %s", (text, seconds) => {
    expect(durationSeconds(text)).toBeCloseTo(seconds, 6);
  });

  it("says NaN for a text that is no duration", () => {
    expect(durationSeconds("soon")).toBeNaN();
  });
});

describe("request descriptions", () => {
  it("carry the command's text and each arg's syntax and description", () => {
    const json = JSON.stringify(buildCollection(buildOpenApi(sampleModel())));
    const ping = JSON.parse(json).item.find((i: { name: string }) => i.name === "POST /ping");
    expect(ping.request.description).toContain("Send ICMP echo requests");
    expect(ping.request.description).toContain("- `size` (`14..65535`): Packet size");
    expect(JSON.parse(ping.request.body.raw)).toEqual({ count: "3", address: "127.0.0.1" });
  });
});
