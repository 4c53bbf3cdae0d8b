/**
 * An error caused by the user's input or environment (bad file, wrong
 * credentials, unreachable host). The CLI prints its message alone and exits 1;
 * anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  override name = "UserError";
}

/** A failure that leaves a crawl worth continuing (the router went silent, a request kept failing): its checkpoint is kept for --resume. */
export class ResumableError extends UserError {
  override name = "ResumableError";
}
