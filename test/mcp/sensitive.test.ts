/**
 * Which args the audit and the echoes redact, checked against what the trees
 * and the exports say. The trees mark no arg as secret (every password, key
 * and passphrase is a plain "string value"; no type, completion or flag tells
 * them apart), so the rule is by name; the exports (RouterOS 7 hides sensitive
 * values from `export` unless told otherwise) show which args RouterOS itself
 * treats as secret: an item that cannot exist without one is exported without it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isSensitiveArg } from "../../src/mcp/redact.js";
import { DUMPS } from "../helpers/dumps.js";

/** Args the shared exports leave out where the item must have one: `/interface wireguard add ... name=wg0` (7.18.2), etc. */
const HIDDEN_BY_EXPORT: [menu: string, arg: string][] = [
  ["interface/wireguard", "private-key"],
  ["interface/ovpn-client", "password"],
  ["interface/wireless/security-profiles", "wpa2-pre-shared-key"],
  ["radius", "secret"],
  ["ip/ipsec/identity", "secret"],
];

/** Text args of the dumps that hold a secret, by this test's reading of their names and menus. */
const SECRETS = [
  "password",
  "passphrase",
  "secret",
  "secrets",
  "ipsec-secret",
  "preshared-key",
  "wpa-pre-shared-key",
  "private-pre-shared-key",
  "nv2-preshared-key",
  "nv2-sync-secret",
  "shared-secret",
  "otp-secret",
  "ppk-secret",
  "auth-key",
  "tcp-md5-key",
  "management-protection-key",
  "static-sta-private-key",
  "static-key-0",
  "eab-key-b64",
  "eab-hmac-key",
  "key",
  "key-val",
  "key-passphrase",
  "export-passphrase",
  "private-passphrase",
  "pin",
  "sim-pin",
  "eap-password",
  "mschapv2-password",
  "authentication-password",
  "encryption-password",
  "radius-password",
  "security.passphrase",
  "security.eap-password",
];

/** Args whose names speak of a secret but hold none: a public key, a length, a size, a file name, a switch, a time. */
const NOT_SECRETS = [
  "public-key",
  "password-length",
  "minimum-password-length",
  "password-format",
  "password-authentication",
  "password-characters",
  "aaa.password-format",
  "key-size",
  "key-id",
  "key-name",
  "key-chain",
  "key-ids",
  "key-file-prefix",
  "key-usage",
  "host-key-type",
  "private-key-file",
  "group-key-update",
  "ft-r0-key-lifetime",
];
/** The same, in older trees only (7.16, 7.20.8): `/user/ssh-keys/import key-owner` names the user who owns the key. */
const OLDER_NOT_SECRETS = ["key-owner"];

interface Arg {
  menu: string;
  name: string;
  desc: string;
}

/** Every arg of a restraml tree, with its menu (the command's parent) and its syntax text. */
function argsOf(file: string): Arg[] {
  const args: Arg[] = [];
  const walk = (node: Record<string, unknown>, path: string[]) => {
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith("_") || typeof child !== "object" || child === null) continue;
      const c = child as Record<string, unknown>;
      if (c["_type"] === "arg") args.push({ menu: path.slice(0, -1).join("/"), name: key, desc: String(c["desc"] ?? "") });
      else walk(c, [...path, key]);
    }
  };
  walk(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>, []);
  return args;
}

describe.skipIf(DUMPS.length === 0)("sensitive args, by the trees and the exports", () => {
  const args = DUMPS.flatMap((d) => argsOf(d.file));
  const names = new Set(args.map((a) => a.name));

  it("redacts every arg the exports hide, and every secret of the trees; none of the names that only sound like one", () => {
    for (const [menu, arg] of HIDDEN_BY_EXPORT) {
      expect(
        args.some((a) => a.menu === menu && a.name === arg),
        `${menu} ${arg} in the trees`,
      ).toBe(true);
      expect(isSensitiveArg(arg), arg).toBe(true);
    }
    for (const name of [...SECRETS, ...NOT_SECRETS]) expect(names.has(name) || name === "static-key-0", `${name} in the trees`).toBe(true);
    expect(SECRETS.filter((name) => !isSensitiveArg(name))).toEqual([]);
    expect([...NOT_SECRETS, ...OLDER_NOT_SECRETS].filter(isSensitiveArg)).toEqual([]);
  });

  it("misses no text arg of the trees whose name speaks of a secret", () => {
    const speaks = /password|passphrase|secret|psk|pin$|key/;
    const missed = args.filter(
      (a) =>
        speaks.test(a.name) &&
        a.desc.startsWith("string value") &&
        !isSensitiveArg(a.name) &&
        ![...NOT_SECRETS, ...OLDER_NOT_SECRETS].includes(a.name),
    );
    expect([...new Set(missed.map((a) => a.name))]).toEqual([]);
  });
});
