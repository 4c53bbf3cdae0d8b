/** Bounds on every tool input, far above any real use (docs/limits.md): the work and the echo of one call stay small whatever is sent. */
export const LIMITS = {
  /** A search query; only its first `queryWords` distinct words are searched. */
  query: 1_000,
  queryWords: 16,
  /** A menu path or an operation's name. */
  name: 256,
  /** An item's id or name. */
  id: 256,
  /** Args of one call, an arg's name, an arg's value. */
  args: 64,
  argName: 64,
  argValue: 16_384,
  /** Input echoed back in a message. */
  echo: 80,
  /** Plans kept per session (the oldest dropped beyond it), sessions per HTTP server. */
  plans: 64,
  sessions: 32,
} as const;

/** Input shown back to the agent, cut to a few words. */
export const clip = (text: string): string =>
  text.length <= LIMITS.echo ? text : `${text.slice(0, LIMITS.echo)}... (${text.length} characters)`;
