/**
 * The one reader of RouterOS durations, for rosapi and for the clients it
 * generates (shipped beside the runtime, so it imports nothing). It accepts
 * exactly the forms of the duration pattern (openapi/types/patterns.ts):
 * units (`1w2d3h4m5s`, `500ms`, `1.5s`), bare seconds (`30`), clocks
 * (`00:00:30`, `1d00:00:00.5`, `1d 00:10:00`).
 */

const UNIT_MS: Record<string, number> = {
  w: 604_800_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  ns: 0.000001,
};

/** Milliseconds in a RouterOS duration; undefined for a text that is none (`"1h30"`, `"abc"`, `""`). */
export function durationMs(text: string): number | undefined {
  const clock = /^(?:(\d+)d\s?)?(\d+):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/.exec(text);
  if (clock) {
    const [, d = "0", h, m, s = "0"] = clock;
    return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
  }
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (!/^(?:\d+(?:\.\d+)?(?:w|d|h|ms|m|s|us|ns))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|us|ns|w|d|h|m|s)/g)) total += Number(n) * UNIT_MS[unit!]!;
  return total;
}
