/**
 * The REST manual's own /ip/address examples (../shared/docs/routeros-reference)
 * validate against the document built from the 7.22.3 dump: what a real router
 * sends and answers must pass a validator that reads our schemas.
 */
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { dump } from "../helpers/dumps.js";
import { documentOf } from "../helpers/fixtures.js";

const item = (fields: Record<string, string>) => ({ disabled: "false", dynamic: "false", invalid: "false", ...fields });

/** Copied from the manual's GET, PATCH and PUT examples. */
const LISTED = [
  item({ ".id": "*1", "actual-interface": "ether2", address: "10.0.0.111/24", interface: "ether2", network: "10.0.0.0" }),
  item({ ".id": "*2", "actual-interface": "ether3", address: "10.0.0.109/24", disabled: "true", interface: "ether3", network: "10.0.0.0" }),
];
const PATCHED = item({
  ".id": "*3",
  "actual-interface": "dummy",
  address: "192.168.99.2/24",
  comment: "test",
  interface: "dummy",
  network: "192.168.99.0",
});
const ADDED = item({
  ".id": "*A",
  "actual-interface": "dummy",
  address: "192.168.111.111/32",
  interface: "dummy",
  network: "192.168.111.111",
});

describe.skipIf(!dump("7.22.3-deep"))("the REST manual's /ip/address examples", () => {
  it("validate against the 7.22.3 document: list, item, PUT body and reply, PATCH body and reply", async () => {
    const doc = await documentOf(dump("7.22.3-deep")!);
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addSchema({ components: doc.components }, "doc");
    const schema = (name: string) => ajv.compile({ $ref: `doc#/components/schemas/${name}` });
    const cases: [string, unknown][] = [
      ["IpAddress", LISTED[0]],
      ["IpAddress", LISTED[1]],
      ["IpAddress", PATCHED],
      ["IpAddress", ADDED],
      ["IpAddressAddArgs", { address: "192.168.111.111", interface: "dummy" }],
      ["IpAddressSetPatch", { comment: "test" }],
    ];
    for (const [name, value] of cases) {
      const validate = schema(name);
      expect(validate(value), `${name} ${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
    // And the schema still refuses what no router writes.
    expect(schema("IpAddress")({ ...ADDED, address: "192.168.111.111/33" })).toBe(false);
  });
});
