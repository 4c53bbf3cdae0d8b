/**
 * Chromium (test/helpers/chromium.ts says where) through playwright-core.
 * Where it is absent, `browserPath` is undefined and browser tests skip
 * with one line, or fail under CI=true (test/helpers/inputs.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM } from "./chromium.js";
import { inputPresent } from "./inputs.js";

export const browserPath: string | undefined = inputPresent([CHROMIUM], "browser tests (apt-get install chromium)") ? CHROMIUM : undefined;

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A browser with a fresh profile; `close()` ends it and removes the profile. */
export async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), "rosapi-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: browserPath!, args: FLAGS, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
