/** Where the crawl's password comes from: never the command line's output, logs or files. */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { UserError } from "../io/errors.js";
import { readTextFile } from "../io/files.js";

export interface PasswordFlags {
  user: string;
  passwordEnv?: string;
  passwordFile?: string;
}

/** The user name and password: `--user name:password` (discouraged), an env var, a file, a prompt on a TTY, or empty. */
export async function credentials(flags: PasswordFlags): Promise<{ user: string; password: string }> {
  const colon = flags.user.indexOf(":");
  const user = colon < 0 ? flags.user : flags.user.slice(0, colon);
  if (colon >= 0) return { user, password: flags.user.slice(colon + 1) };
  if (flags.passwordEnv) {
    const password = process.env[flags.passwordEnv];
    if (password === undefined) throw new UserError(`environment variable ${flags.passwordEnv} is not set`);
    return { user, password };
  }
  if (flags.passwordFile) return { user, password: (await readTextFile(flags.passwordFile)).replace(/\r?\n$/, "") };
  if (process.stdin.isTTY && process.stderr.isTTY) return { user, password: await prompt(`password for ${user}: `) };
  // A new router's admin has an empty password.
  return { user, password: "" };
}

function prompt(question: string): Promise<string> {
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}
