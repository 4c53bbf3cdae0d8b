/**
 * Debian's Chromium through playwright-core, which downloads no browser.
 * Where /usr/bin/chromium (or $CHROMIUM) is absent, `browserPath` is
 * undefined and browser tests skip with one message.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

const CANDIDATE = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
export const browserPath: string | undefined = existsSync(CANDIDATE) ? CANDIDATE : undefined;
if (!browserPath) console.warn(`[rosapi tests] no browser at ${CANDIDATE} (apt-get install chromium): browser tests are skipped.`);

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
