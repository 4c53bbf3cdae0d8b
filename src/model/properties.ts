import type { Command, Menu, Property } from "./types.js";

/** Completion styles that name a word rather than punctuation, a file or an object. */
const WORD_STYLES = new Set(["none", "arg"]);

/**
 * The properties a menu's items carry, read from the completions of
 * `print`→`proplist`, else `get`→`value-name`: the only place where the
 * router says what a GET returns (read-only properties included).
 * Returns undefined when neither was completed.
 */
function propertiesFromCompletions(commands: Record<string, Command>): Record<string, Property> | undefined {
  const source = commands["print"]?.args["proplist"]?.completions ?? commands["get"]?.args["value-name"]?.completions;
  // RouterOS offers the empty word too: it names no property.
  const words = source?.filter((c) => WORD_STYLES.has(c.style) && c.word !== "");
  if (!words || words.length === 0) return undefined;
  const properties: Record<string, Property> = {};
  for (const c of words) properties[c.word] = c.text ? { description: c.text } : {};
  return properties;
}

/** Fills `properties` on every menu that lacks them but has the completions to derive them. */
export function deriveProperties(menu: Menu): void {
  menu.properties ??= propertiesFromCompletions(menu.commands);
  for (const child of Object.values(menu.menus)) deriveProperties(child);
}
