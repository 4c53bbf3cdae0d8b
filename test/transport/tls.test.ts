/** An https:// URL on a port that serves plain HTTP fails at once, as a TLS problem with a hint, not as a reset to retry. */
import { describe, expect, it } from "vitest";
import { sampleModel } from "../../src/sample/index.js";
import { startSimulator } from "../../src/simulator/index.js";
import { isRetryable, RestClient } from "../../src/transport/index.js";

describe("TLS on the wrong port", () => {
  it("says that the port may not serve HTTPS", async () => {
    const sim = await startSimulator({ model: sampleModel() });
    const client = new RestClient({ url: sim.url.replace("http:", "https:"), user: "admin", password: "" });
    try {
      const err = await client.get("system/resource").then(
        () => expect.fail("expected a TLS failure"),
        (e: unknown) => e,
      );
      expect(err).toMatchObject({
        kind: "tls",
        message: expect.stringMatching(/ERR_SSL_WRONG_VERSION_NUMBER.*does this port serve HTTPS/),
      });
      expect(isRetryable(err)).toBe(false);
    } finally {
      await client.close();
      await sim.close();
    }
  });
});
