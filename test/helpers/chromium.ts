/**
 * Where the browser tests find Chromium: $CHROMIUM, else Debian's (playwright-core downloads no browser).
 * `.ci/run` asks this file too: run as a script, it prints the path.
 */
import { fileURLToPath } from "node:url";

export const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(CHROMIUM);
