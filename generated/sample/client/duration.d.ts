/**
 * The one reader of RouterOS durations, for rosapi and for the clients it
 * generates (shipped beside the runtime, so it imports nothing). It accepts
 * exactly the forms of the duration pattern (openapi/types/patterns.ts):
 * units (`1w2d3h4m5s`, `500ms`, `1.5s`), bare seconds (`30`), clocks
 * (`00:00:30`, `1d00:00:00.5`, `1d 00:10:00`).
 */
/** Milliseconds in a RouterOS duration; undefined for a text that is none (`"1h30"`, `"abc"`, `""`). */
export declare function durationMs(text: string): number | undefined;
