/**
 * The request policy rule by rule, over hand-made operations and a hand-made document (no dump, no model): each
 * expected body is written out from the policy's own promise (requests.ts's header: an add adds an inactive item of
 * the run's own, a read keeps reading without streaming, a change names only the run's own item, every value is the
 * document's example) and the RouterOS facts it names. The mutation run of requests.ts reads this file.
 */
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import type { SafetyFact } from "../../src/openapi/extensions.js";
import { buildView, type ViewOperation } from "../../src/view/index.js";
import { bodyValues, requestPolicy } from "../../src/view/requests.js";

type Schema = OpenAPIV3.SchemaObject;

/** Values as the document writes them: a type fact, and an example where the document has one. */
const text = (example?: string): Schema =>
  ({ type: "string", "x-routeros-type": "string", ...(example === undefined ? {} : { example }) }) as Schema;
const typed = (type: string, schema: Schema = { type: "string" }): Schema => Object.assign({ "x-routeros-type": type }, schema);
const ref = (to: string, example?: string): Schema =>
  typed("reference", { type: "string", "x-routeros-ref": to, ...(example ? { example } : {}) } as Schema);
const ITEM_REF = ref("item");
const YES_NO: Schema = typed("enum", { type: "string", enum: ["yes", "no"] });

const view = buildView({
  openapi: "3.0.3",
  info: { title: "t", version: "7.22" },
  paths: {},
  components: { schemas: { Address: { type: "string", "x-routeros-type": "ip-prefix", example: "10.0.0.1/24" } as Schema } },
});

/** An operation of `menu` whose body takes `properties` (and whatever else the rule needs). */
function op(safety: SafetyFact, properties: Record<string, Schema> | undefined, over: Partial<ViewOperation> = {}): ViewOperation {
  return {
    path: "/t",
    method: "post",
    operation: { responses: {} },
    menu: "/ip/address",
    kind: "items",
    verb: "command",
    safety,
    onItem: false,
    replyMany: false,
    query: [],
    reply: { status: 200 },
    ...(properties ? { body: { type: "object", properties } } : {}),
    ...over,
  };
}
const policy = (o: ViewOperation) => requestPolicy(view, o);
const body = (o: ViewOperation) => policy(o).body;

const ADDS: SafetyFact = { class: "adds" };
const OWN: SafetyFact = { class: "own-item" };
const CHANGES: SafetyFact = { class: "changes-router" };

describe("an add", () => {
  it("sends each arg's example, an inactive item, and the run's own name and comment where the document has none", () => {
    const o = op(
      ADDS,
      {
        address: { $ref: "#/components/schemas/Address" } as Schema,
        interface: ref("interface", "ether1"),
        name: text(),
        comment: text(),
        disabled: YES_NO,
        mtu: typed("integer", { type: "integer" }),
      },
      { verb: "add" },
    );
    expect(body(o)).toEqual({
      address: { reason: "example", value: "10.0.0.1/24" },
      interface: { reason: "example", value: "ether1" },
      name: { reason: "run-text", value: "example" },
      comment: { reason: "run-text", value: "example" },
      disabled: { reason: "inactive", value: "yes" },
    });
    expect(policy(o)).toMatchObject({ usesItem: false, missing: [] });
  });

  it("keeps an example of the document over the run's own text, and the run's text only where it fits", () => {
    const o = op(ADDS, { name: text("ether1"), comment: typed("string", { type: "string", pattern: "^[0-9]+$" }) });
    expect(body(o)).toEqual({ name: { reason: "example", value: "ether1" } });
  });

  it("writes no run text into a value that is not plain text, nor into an arg that is neither a name nor a comment", () => {
    expect(body(op(ADDS, { name: typed("integer", { type: "string" }), note: text() }))).toEqual({});
  });

  it("fills a plain-text arg the add requires (evidence) with text of its own, only where it fits", () => {
    const o = op(ADDS, undefined, {
      body: {
        type: "object",
        required: ["key", "id", "size"],
        properties: { key: text(), id: typed("string", { type: "string", enum: ["a"] }), size: typed("integer", { type: "string" }) },
      },
    });
    expect(body(o)).toEqual({ key: { reason: "required-text", value: "example" } });
    expect(policy(o).missing).toEqual([["id"], ["size"]]);
  });

  it("sends nothing that streams, writes a file, selects by condition, or names an item", () => {
    const unsafe = ["follow", "follow-only", "file", "where", "from", "copy-from", "place-before", "without-paging", "interval"];
    const properties = Object.fromEntries([...unsafe, "numbers"].map((name) => [name, text("x")]));
    expect(body(op(ADDS, { ...properties, comment: text("c") }, { selector: "numbers" }))).toEqual({
      comment: { reason: "example", value: "c" },
    });
  });

  it("sends no arg that carries code", () => {
    expect(body(op({ class: "adds", code: ["on-event"] }, { "on-event": text(":log info x"), name: text("job") }))).toEqual({
      name: { reason: "example", value: "job" },
    });
  });

  it("leaves out what RouterOS derives from an address with a prefix, and keeps it beside a bare address", () => {
    const derived = {
      network: text("10.0.0.0"),
      broadcast: text("10.0.0.255"),
      netmask: text("255.255.255.0"),
      gateway: text("10.0.0.254"),
    };
    expect(body(op(ADDS, { address: text("10.0.0.1/24"), ...derived }))).toEqual({
      address: { reason: "example", value: "10.0.0.1/24" },
      gateway: { reason: "example", value: "10.0.0.254" },
    });
    expect(Object.keys(body(op(ADDS, { address: text("10.0.0.1"), ...derived }))!)).toEqual([
      "address",
      "network",
      "broadcast",
      "netmask",
      "gateway",
    ]);
    expect(Object.keys(body(op(ADDS, derived))!)).toEqual(["network", "broadcast", "netmask", "gateway"]);
    expect(body(op(ADDS, { address: ITEM_REF, network: text("10.0.0.0") }))).toEqual({
      address: { reason: "item" },
      network: { reason: "example", value: "10.0.0.0" },
    });
  });

  it("is inactive only where `disabled` takes yes", () => {
    expect(body(op(ADDS, { disabled: typed("enum", { type: "string", enum: ["true", "false"], example: "false" }) }))).toEqual({
      disabled: { reason: "example", value: "false" },
    });
    expect(body(op(ADDS, { disabled: { ...YES_NO, example: "no" } as Schema }))).toEqual({
      disabled: { reason: "inactive", value: "yes" },
    });
  });

  it("of args of which exactly one may be given, sends the first that has an example", () => {
    const o = op(ADDS, undefined, {
      body: {
        type: "object",
        properties: { a: text(), b: text("B"), c: text("C"), d: text("D"), e: text("E") },
        oneOf: [{ required: ["a"] }, { required: ["b"] }, { required: ["c"] }],
        anyOf: [{ required: ["d"] }, { required: ["e"] }],
      },
    });
    expect(body(o)).toEqual({
      b: { reason: "example", value: "B" },
      d: { reason: "example", value: "D" },
      e: { reason: "example", value: "E" },
    });
    expect(policy(o).missing).toEqual([]);
  });

  it("names what it lacks of the required args and groups, each a list", () => {
    const o = op(ADDS, undefined, {
      body: {
        type: "object",
        required: ["interface", "mtu"],
        properties: { interface: ref("interface"), mtu: text("1500"), x: text(), y: text() },
        anyOf: [{ required: ["x"] }, { required: ["y"] }],
      },
    });
    expect(policy(o).missing).toEqual([["interface"], ["x", "y"]]);
  });
});

describe("a read", () => {
  const READS: SafetyFact = { class: "reads" };

  it("of print asks for the id and the first three properties the console offers", () => {
    const print = (proplist: Schema) => body(op(READS, { proplist, file: text("f") }, { command: "print" }));
    const reading = (value: string) => ({ ".proplist": { reason: "proplist", value } });
    expect(print({ type: "string", enum: ["address", "network", "interface", "comment"] })).toEqual(
      reading(".id,address,network,interface"),
    );
    expect(print(typed("list", { type: "string", "x-routeros-enum": ["mtu", "name"] } as Schema))).toEqual(reading(".id,mtu,name"));
    expect(print(typed("list", { type: "string", "x-routeros-suggestions": ["rx", "tx", "name", "mtu"] } as Schema))).toEqual(
      reading(".id,rx,tx,name"),
    );
    expect(print(text())).toEqual({});
    expect(body(op(READS, { file: text("f") }, { command: "print" }))).toEqual({});
  });

  it("of /console/inspect asks as a crawler asks", () => {
    const inspect = (properties: Record<string, Schema>) => body(op(READS, properties, { menu: "/console", command: "inspect" }));
    expect(
      inspect({ request: typed("enum", { type: "string", enum: ["child", "syntax", "completion"] }), path: text(), input: text("x") }),
    ).toEqual({
      request: { reason: "inspect", value: "child" },
      path: { reason: "inspect", value: "" },
    });
    expect(
      inspect({ request: typed("enum", { type: "string", enum: ["syntax"] }), path: typed("string", { type: "string", minLength: 1 }) }),
    ).toEqual({});
  });

  it("of a command that runs until stopped sends only its item and what keeps it reading", () => {
    const o = op(
      { class: "reads", readsWith: { once: "" } },
      { numbers: ITEM_REF, once: text(), interval: text("1s"), comment: text("c") },
      { command: "monitor", selector: "numbers" },
    );
    expect(body(o)).toEqual({ numbers: { reason: "item" }, once: { reason: "reads-with", value: "" } });
    expect(policy(o).usesItem).toBe(true);
    const probe = op(
      { class: "reads", readsWith: { count: "3", address: "127.0.0.1" } },
      { address: text("10.0.0.1"), count: text("5") },
      { menu: "/", command: "ping" },
    );
    expect(body(probe)).toEqual({ count: { reason: "reads-with", value: "3" }, address: { reason: "reads-with", value: "127.0.0.1" } });
    expect(policy(probe).usesItem).toBe(false);
  });

  it("has no body where the operation takes none, and names its item by its URL", () => {
    const o = op(READS, undefined, { method: "get", verb: "get", onItem: true });
    expect(policy(o)).toEqual({ usesItem: true, missing: [] });
    expect(bodyValues(policy(o), "*1")).toBeUndefined();
  });
});

describe("a change of the run's own item", () => {
  it("removes it by naming it only", () => {
    const o = op(OWN, { numbers: ITEM_REF, comment: text("c") }, { command: "remove", selector: "numbers" });
    expect(body(o)).toEqual({ numbers: { reason: "item" } });
    expect(body(op(OWN, { numbers: ITEM_REF, comment: text("c") }, { verb: "remove", selector: "numbers" }))).toEqual({
      numbers: { reason: "item" },
    });
  });

  it("sets its comment, as the REST manual's PATCH example does", () => {
    const o = op(
      OWN,
      { numbers: ITEM_REF, comment: text(), address: text("10.0.0.1/24"), disabled: YES_NO },
      { command: "set", selector: "numbers" },
    );
    expect(body(o)).toEqual({ numbers: { reason: "item" }, comment: { reason: "run-text", value: "example" } });
    expect(bodyValues(policy(o), "*1A")).toEqual({ numbers: "*1A", comment: "example" });
  });

  it("without a comment to set, sets what an add would send (inactive), and names the item", () => {
    const o = op(
      OWN,
      { numbers: ITEM_REF, address: text("10.0.0.1/24"), disabled: YES_NO, file: text("f") },
      { verb: "set", selector: "numbers" },
    );
    expect(body(o)).toEqual({
      numbers: { reason: "item" },
      address: { reason: "example", value: "10.0.0.1/24" },
      disabled: { reason: "inactive", value: "yes" },
    });
    const noText = op(
      OWN,
      { numbers: ITEM_REF, comment: typed("integer", { type: "string" }), mtu: text("1500") },
      { verb: "set", selector: "numbers" },
    );
    expect(body(noText)).toEqual({ numbers: { reason: "item" }, mtu: { reason: "example", value: "1500" } });
  });
});

describe("a body that takes no args", () => {
  it.each<[string, SafetyFact, Partial<ViewOperation>]>([
    ["an add", ADDS, { verb: "add" }],
    ["a print", { class: "reads" }, { command: "print" }],
    ["a read", { class: "reads", readsWith: { once: "" } }, { command: "monitor" }],
    ["a set of the run's item", OWN, { command: "set" }],
    ["a command that runs until stopped", CHANGES, { command: "torch", bounds: ["duration"] }],
  ])("%s sends only what the policy adds", (_name, safety, over) => {
    const sent = body(op(safety, undefined, { ...over, body: { type: "object" } }));
    expect(sent).toEqual(safety.readsWith ? { once: { reason: "reads-with", value: "" } } : {});
  });
});

describe("any other command", () => {
  it("sends the examples of its args, but not another router's objects nor what streams", () => {
    const o = op(CHANGES, {
      numbers: ITEM_REF,
      interface: ref("interface", "ether1"),
      "routing-table": ref("routing-table", "main"),
      where: text("x"),
      name: text("n"),
    });
    expect(body(o)).toEqual({ numbers: { reason: "item" }, name: { reason: "example", value: "n" } });
    expect(policy(o).usesItem).toBe(true);
  });

  it("sends the example of a typed value that may also name an item: only a reference is the run's item", () => {
    const routerId = typed("ipv4", { type: "string", "x-routeros-ref": "item", example: "10.0.0.1" } as Schema);
    expect(body(op(CHANGES, { "router-id": routerId }))).toEqual({ "router-id": { reason: "example", value: "10.0.0.1" } });
  });

  it("writes no run text for a name or comment that is not its own item's", () => {
    expect(body(op({ class: "disruptive" }, { name: text(), comment: text() }))).toEqual({});
  });

  it("bounds a command that runs until stopped by its bounds' examples", () => {
    const o = op(
      CHANGES,
      { duration: text("10s"), count: text(), interval: text("1s") },
      { command: "torch", bounds: ["duration", "count", "once"] },
    );
    expect(body(o)).toEqual({ duration: { reason: "bound", value: "10s" } });
  });

  it("asks for no required args: only an add can lack them", () => {
    const o = op(CHANGES, undefined, {
      body: { type: "object", required: ["name"], properties: { name: typed("integer", { type: "string" }) } },
    });
    expect(policy(o)).toEqual({ body: {}, usesItem: false, missing: [] });
  });
});
