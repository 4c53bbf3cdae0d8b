/** The shared hostile dump through the agent tools: every answer is text or a tool error, nothing of the dump runs, nothing is changed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SchemaModel } from "../../src/model/types.js";
import { hostileModel, pwned } from "../helpers/hostile.js";
import { judge } from "../emit/postman/traffic.js";
import { inMemory, simulatedRouter, type Router } from "./harness.js";

describe("rosapi mcp over the shared hostile dump", () => {
  let model: SchemaModel;
  let router: Router;
  beforeAll(async () => {
    model = await hostileModel();
    router = await simulatedRouter(model);
  });
  afterAll(() => router?.close());

  it("searches, describes and reads every menu without an internal error or a change", async () => {
    const s = await inMemory(model, router);
    try {
      const found = await s.call("search", { query: "pwned script" });
      expect(found.isError).toBe(false);
      const menus = [...s.engine.view.tree.children.values()].flatMap(function all(n): string[] {
        return [n.menu, ...[...n.children.values()].flatMap(all)];
      });
      for (const menu of menus) {
        const described = await s.call("describe", { menu });
        expect(described.text, menu).not.toMatch(/internal error|TypeError|RangeError/);
        const read = await s.call("read", { menu, operation: "list" });
        expect(read.text, menu).not.toMatch(/internal error|TypeError|RangeError/);
      }
      expect(judge(router.recorder.requests).changes).toEqual([]);
      expect(pwned()).toBe(false);
    } finally {
      await s.close();
    }
  });
});
