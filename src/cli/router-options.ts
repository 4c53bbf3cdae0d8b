/** The options that reach a router, one set for every command that talks to one (crawl, mcp), and what they resolve to. */
import { InvalidArgumentError, type Command } from "commander";
import type { ClientOptions } from "../transport/index.js";
import { credentials, type PasswordFlags } from "./password.js";
import { UsageError } from "./run.js";

export interface RouterFlags extends PasswordFlags {
  url: string;
  insecure?: boolean;
  ca?: string;
  allowPlaintextLogin?: boolean;
}

export const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive integer");
  return n;
};

export const routerOptions = (command: Command): Command =>
  command
    .requiredOption(
      "--url <url>",
      "the REST base, http(s)://host[:port]/rest; or the API protocol, api://host[:8728] or api-ssl://host[:8729]",
    )
    .requiredOption("--user <name>", "user name (name:password works too, but leaves the password in your shell history)")
    .option("--password-env <var>", "read the password from this environment variable")
    .option("--password-file <file>", "read the password from this file")
    .option("--insecure", "accept any TLS certificate (a router's self-signed one)")
    .option("--ca <file>", "trust this CA or certificate (PEM)")
    .option("--allow-plaintext-login", "api:// to another machine: send the password over plain TCP all the same");

/** The flags checked and the password read (without a TTY and a source, empty: a new router's admin). */
export async function routerConnection(
  flags: RouterFlags,
): Promise<Pick<ClientOptions, "url" | "user" | "password" | "insecure" | "caFile" | "allowPlaintextLogin">> {
  if (flags.insecure && flags.ca) throw new UsageError("--insecure and --ca exclude each other: --insecure trusts any certificate");
  const { user, password } = await credentials(flags);
  return {
    url: flags.url,
    user,
    password,
    ...(flags.insecure ? { insecure: true } : {}),
    ...(flags.ca ? { caFile: flags.ca } : {}),
    ...(flags.allowPlaintextLogin ? { allowPlaintextLogin: true } : {}),
  };
}
