/** The API query stack, table-driven over a few items. */
import { describe, expect, it } from "vitest";
import { compileQuery, QueryError } from "../../src/simulator/query.js";
import type { Item } from "../../src/simulator/store.js";

const items: Item[] = [
  { ".id": "*1", name: "ether1", type: "ether", mtu: "1500" },
  { ".id": "*2", name: "ether2", type: "ether", mtu: "9000", comment: "jumbo" },
  { ".id": "*3", name: "vlan10", type: "vlan", mtu: "1496" },
  { ".id": "*4", name: "lo", type: "loopback", mtu: "65536" },
];
const ids = (words: string[]) => items.filter(compileQuery(words)).map((i) => i[".id"]);

describe("compileQuery", () => {
  it.each<[string, string[], string[]]>([
    ["no words: everything", [], ["*1", "*2", "*3", "*4"]],
    ["equality", ["type=ether"], ["*1", "*2"]],
    ["?-prefixed words as in the API", ["?type=vlan"], ["*3"]],
    ["presence", ["comment"], ["*2"]],
    ["absence", ["-comment"], ["*1", "*3", "*4"]],
    ["less than, numerically", ["<mtu=1500"], ["*3"]],
    ["greater than, numerically", [">mtu=1500"], ["*2", "*4"]],
    ["words left on the stack all hold", ["type=ether", ">mtu=1500"], ["*2"]],
    ["or", ["type=ether", "type=vlan", "#|"], ["*1", "*2", "*3"]],
    ["or then not (the RouterOS docs' example)", ["type=ether", "type=vlan", "#|!"], ["*4"]],
    ["and", ["type=ether", "mtu=1500", "#&"], ["*1"]],
    ["copy the top, then combine", ["type=vlan", "#.|"], ["*3"]],
    ["stack index: copy entry 0", ["type=vlan", "type=loopback", "#0|"], ["*3"]],
    ["several operations in one word", ["type=ether", "type=vlan", "type=loopback", "#||!"], []],
  ])("%s", (_name, words, want) => {
    expect(ids(words)).toEqual(want);
  });

  it("compares a word with a number neither way: mtu=auto is not greater than 1500, nor less", () => {
    const mtus = [{ mtu: "1500" }, { mtu: "auto" }, { mtu: "9000" }, { mtu: "" }];
    const matching = (words: string[]) => mtus.filter(compileQuery(words)).map((i) => i.mtu);
    expect(matching([">mtu=1500"])).toEqual(["9000"]);
    expect(matching(["<mtu=9000"])).toEqual(["1500"]);
    expect(matching([">mtu=a"])).toEqual(["auto"]);
  });

  it.each([[["#!"]], [["type=ether", "#|"]], [["type=ether", "#5"]], [["type=ether", "#?"]]])("rejects a malformed stack: %j", (words) => {
    expect(() => compileQuery(words)).toThrow(QueryError);
  });
});
