/**
 * An error caused by the user's input or environment (bad file, wrong
 * credentials, unreachable host). The CLI prints its message alone and exits 1;
 * anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  override name = "UserError";
}
