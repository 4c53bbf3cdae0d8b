/**
 * Values of sensitive args kept out of what the server writes and echoes
 * (the audit, plans, applies): passwords, passphrases, secrets, PINs and
 * private or shared keys. By name, because the trees say nothing more: in
 * the six shared dumps every such arg is a plain "string value" (no type,
 * completion or flag sets them apart). The rule covers the 60 text args of
 * the dumps whose names say so (`password`, `wpa2-pre-shared-key`,
 * `private-key`, `ipsec-secret`, `sim-pin`, `static-key-0`, `eab-key-b64`...)
 * and every arg the shared exports leave out where the item must have one
 * (RouterOS 7's `export` hides sensitive values): wireguard `private-key`,
 * ovpn-client `password`, wireless `wpa2-pre-shared-key`, radius and ipsec
 * identity `secret`. It is wider than RouterOS's own (the exports show a
 * wireguard peer's `preshared-key` and OSPF's `auth-key`), and `public-key`
 * is no secret. test/mcp/sensitive.test.ts checks it against both sources.
 */
const SENSITIVE = /(^|-)(password|passphrase|secrets?|pin|psk)$|(^|-)key(-\d+|-b64|-val)?$/;

export const REDACTED = "(redacted)";

/** `wpa2-pre-shared-key`, `security.passphrase`: yes; `public-key`, `password-length`: no. */
export function isSensitiveArg(name: string): boolean {
  const leaf = name.slice(name.lastIndexOf(".") + 1).toLowerCase();
  return SENSITIVE.test(leaf) && !leaf.endsWith("public-key");
}

/** A copy of a JSON value with every sensitive key's value replaced, at any depth. */
export function redact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redact) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, isSensitiveArg(key) && v !== "" ? REDACTED : redact(v)])) as T;
}

/** A request path with the values of sensitive query args replaced (`/ppp/secret?password=...`). */
export function redactPath(path: string): string {
  const q = path.indexOf("?");
  if (q < 0) return path;
  const query = new URLSearchParams(path.slice(q + 1));
  for (const key of [...query.keys()]) if (isSensitiveArg(key)) query.set(key, REDACTED);
  return `${path.slice(0, q)}?${query.toString()}`;
}
