/**
 * Where each page of the site lives and how pages link to each other. Every
 * link is relative, so the site works from `file://` and from any folder of
 * any static host. File names and anchors are built from dump strings, so
 * each word is escaped to `[A-Za-z0-9-]` (anything else as `_` and hex):
 * no name can climb out of the site or collide with another.
 */

/** `802.1x` → `802_2e1x`: letters, digits and `-` kept, everything else `_` + hex code. */
export const slug = (word: string): string =>
  [...word].map((c) => (/[A-Za-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join("");

/** A menu's page inside its version folder: `m/ip.address.html`; the root's commands: `m/_root.html`. */
export function menuPage(menu: string): string {
  const words = menu.split("/").filter(Boolean);
  return `m/${words.length ? words.map(slug).join(".") : "_root"}.html`;
}

/** The anchor of an operation on its menu page: `put-ip.address`, `patch-ip.address:id`, `post-ip.address.add` (`.` and `:` never occur in a slug). */
export function operationAnchor(method: string, path: string): string {
  const words = path.split("/").filter(Boolean);
  const onItem = words.at(-1) === "{id}";
  return `${method}-${(onItem ? words.slice(0, -1) : words).map(slug).join(".") || "_root"}${onItem ? ":id" : ""}`;
}

/** The anchor of an arg (or a reply property: `reply`) of an operation. */
export const argAnchor = (operation: string, arg: string): string => `${operation}--${slug(arg)}`;

/** The anchor of a menu on a diff page. */
export const menuAnchor = (menu: string): string => `m-${menu.split("/").filter(Boolean).map(slug).join(".") || "_root"}`;

/** The folder of one version (or one tree) inside the site. */
export const versionFolder = (label: string): string =>
  /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(label) && !label.includes("..") ? label : slug(label);

/** A page comparing two consecutive versions. */
export const diffPage = (from: string, to: string): string => `diff/${versionFolder(from)}..${versionFolder(to)}.html`;

/** The relative link from one page of the site to another (both given from the site's root). */
export function relative(from: string, to: string): string {
  const fromDirs = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  return "../".repeat(fromDirs.length - common) + toParts.slice(common).join("/");
}
