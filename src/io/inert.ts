/**
 * Text from a tree or a file (names, descriptions, values) printed for
 * people: control characters, line separators and direction marks are
 * escaped (`\u001b`), so that it cannot colour a terminal, forge a line or
 * reorder one.
 */
export const inert = (text: string): string =>
  text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
