/** Regular-expression bodies (unanchored) for the value forms RouterOS writes, and helpers to anchor and combine them. */

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
export const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;
/** Loose on purpose: the compressed IPv6 forms are many; the format `ipv6` says the rest. */
const IPV6 = "[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*";
export const IPV4_PREFIX = `${IPV4}(?:/(?:3[0-2]|[12]?\\d))?`;
const IPV6_PREFIX = `${IPV6}(?:/(?:12[0-8]|1[01]\\d|[1-9]?\\d))?`;
/** Either family: a kept single-family syntax row does not exclude the other (console-inspect.md). */
export const IP_PREFIX = `${IPV4_PREFIX}|${IPV6_PREFIX}`;
export const IPV4_RANGE = `${IPV4}(?:-${IPV4}|/(?:3[0-2]|[12]?\\d)|/${IPV4})?`;
/** `AB:CD:EF:GH:IJ:KL`, with `:`, `-`, `.` or no separators, as the syntax text allows. */
export const MAC = "[0-9A-Fa-f]{2}(?:[:.-]?[0-9A-Fa-f]{2}){5}";
/** One unit of a duration: `1w`, `500ms`, `1.5s`. Each ends in its unit, so `(?:UNIT)+` cannot backtrack badly. */
const DURATION_UNIT = "\\d+(?:\\.\\d+)?(?:w|d|h|ms|m|s|us|ns)";
/**
 * Every duration form RouterOS writes: `1w2d3h4m5s`, `500ms`, `30` (seconds),
 * `00:00:30`, `00:00:00.020`, `1d00:00:00.200`, `1d 00:10:00`. Not ISO 8601,
 * hence never `format: duration`.
 */
export const DURATION = `(?:${DURATION_UNIT})+|\\d+(?:\\.\\d+)?|(?:\\d+d\\s?)?\\d+:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?`;
export const INTEGER = "-?\\d+";
export const HEX = "[0-9A-Fa-f]*";

export function anchored(body: string): string {
  return `^(?:${body})$`;
}

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export function wordsPattern(words: readonly string[]): string {
  return words.map(escapeWord).join("|");
}

/** A comma-separated list of `item` (RouterOS list values travel as one string). */
export function listOf(item: string): string {
  return `(?:${item})(?:,(?:${item}))*`;
}
