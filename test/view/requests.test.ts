/** The view's request policy over the sample tree: what each request carries and why, read alike by Postman and the site. */
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "../../src/openapi/index.js";
import { sampleModel } from "../../src/sample/index.js";
import { buildView, type ViewOperation } from "../../src/view/index.js";
import { bodyValues } from "../../src/view/requests.js";
import { readyRequests } from "../../src/emit/site/requests.js";

const view = buildView(buildOpenApi(sampleModel()));
const op = (method: string, path: string): ViewOperation => view.operations.find((o) => o.method === method && o.path === path)!;

describe("the request policy", () => {
  it("adds an inactive item of the run's own, each value with its reason", () => {
    const policy = view.request(op("put", "/ip/address"));
    expect(policy.body).toMatchObject({
      address: { reason: "example", value: "10.0.0.1/24" },
      disabled: { reason: "inactive", value: "yes" },
      comment: { reason: "run-text", value: "example" },
    });
    expect(policy.usesItem).toBe(false);
    expect(policy.missing).toEqual([]);
  });

  it("names the run's item by reason, never by a reader's spelling of its id", () => {
    const policy = view.request(op("post", "/ip/address/set"));
    expect(policy.body).toEqual({ comment: { reason: "run-text", value: "example" }, numbers: { reason: "item" } });
    expect(policy.usesItem).toBe(true);
    expect(bodyValues(policy, "*1")).toEqual({ comment: "example", numbers: "*1" });
  });

  it("bounds a read that runs until stopped, and aims a probe at the router itself", () => {
    expect(view.request(op("post", "/ping")).body).toEqual({
      count: { reason: "reads-with", value: "3" },
      address: { reason: "reads-with", value: "127.0.0.1" },
    });
  });

  it("has no body where the operation takes none", () => {
    expect(view.request(op("get", "/ip/address")).body).toBeUndefined();
  });

  it("is what the site's ready request sends, the item as *1", () => {
    const ready = readyRequests(view)(op("post", "/ip/address/set"));
    expect(ready.curl).toContain(`--data '{"numbers":"*1","comment":"example"}'`);
  });
});
