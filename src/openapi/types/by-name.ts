/**
 * Args whose syntax text only says `see documentation` take more than one
 * form; for the common ones the arg's name tells which (RouterOS manual).
 */
import type { Form } from "./form.js";
import { IPV4, IPV4_PREFIX, IPV6_PREFIX } from "./patterns.js";

const IP = `${IPV4_PREFIX}|${IPV6_PREFIX}`;
const RD = `(?:\\d+|${IPV4}):\\d+`;

const BY_NAME: [RegExp, Form][] = [
  // Dual-stack addresses: an IPv4 or IPv6 address, with or without a prefix length.
  [/(?:^|-)addresses$/, { type: "ip-address", format: "ip-address", pattern: IP, list: true }],
  [/(?:^|-)(?:address|neighbor|pref-src)$/, { type: "ip-address", format: "ip-address", pattern: IP }],
  [/(?:^|-)prefix$/, { type: "ip-prefix", format: "ip-prefix", pattern: IP }],
  // Route distinguishers and targets: `ASN:n` or `A.B.C.D:n`.
  [/(?:^|\.)route-targets$/, { type: "route-distinguisher", pattern: RD, list: true }],
  [/^rd$/, { type: "route-distinguisher", pattern: RD }],
  // An address or an interface, optionally both as `10.0.0.1%ether1`.
  [/(?:^|-)gateway$/, { type: "gateway" }],
  // An address or a DNS name.
  [/(?:^|-)connect-to$|(?:^|-)host$/, { type: "host" }],
];

export function formByName(name: string): Form | undefined {
  for (const [re, form] of BY_NAME) if (re.test(name)) return form;
  return undefined;
}
