/** Shared plumbing for commands: one clear message and exit 1 on a user error. */
import { UserError } from "../io/errors.js";

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, as a shell reports a Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

/** A warning: printed, the command goes on. */
export const warn = (message: string): void => void process.stderr.write(`rosapi: warning: ${message}\n`);

/** A command line that cannot work as given (an option without the one it needs, an empty name): exit 2, like commander's own. */
export class UsageError extends UserError {
  override name = "UsageError";
}

/** Wraps a command's action so that failures print one line (or a stack for bugs) and set the exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      if (err instanceof UserError) {
        process.stderr.write(`rosapi: ${err.message}\n`);
        if (err instanceof UsageError) return void (process.exitCode = EXIT_USAGE);
      } else {
        process.stderr.write(`rosapi: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      }
      process.exitCode = EXIT_FAILURE;
    }
  };
}
