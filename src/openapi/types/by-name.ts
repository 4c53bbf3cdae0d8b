/**
 * What an arg's name tells about its values where the syntax text says too
 * little: the form of `see documentation` args, element types that routers
 * write as comma lists, and duration args that take compound forms.
 */
import type { Form } from "./form.js";
import { DURATION, INTEGER, IP_PREFIX, IPV4 } from "./patterns.js";

const DNS_NAME = "[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?";
const HOST = `${IP_PREFIX}|${DNS_NAME}`;
const RD = `(?:\\d+|${IPV4}):\\d+`;

const BY_NAME: [RegExp, Form][] = [
  // Dual-stack addresses: an IPv4 or IPv6 address, with or without a prefix length.
  [/(?:^|-)addresses$/, { type: "ip-address", pattern: IP_PREFIX, list: true }],
  // `see documentation` addresses: routers write names (`endpoint-address=wg.example.org`,
  // ntp `address=0.pool.ntp.org`), lists (`allowed-address=10.0.0.0/24,10.1.0.0/24`) and `""`.
  [/(?:^|-)(?:address|neighbor|pref-src)$/, { type: "host", pattern: HOST, list: true, empty: true }],
  [/(?:^|-)prefix$/, { type: "ip-prefix", pattern: IP_PREFIX }],
  // Route distinguishers and targets: `ASN:n` or `A.B.C.D:n`.
  [/(?:^|\.)route-targets$/, { type: "route-distinguisher", pattern: RD, list: true }],
  [/^rd$/, { type: "route-distinguisher", pattern: RD }],
  // An address or an interface, optionally both as `10.0.0.1%ether1`.
  [/(?:^|-)gateway$/, { type: "gateway" }],
  // An address or a DNS name.
  [/(?:^|-)connect-to$|(?:^|-)host$/, { type: "host" }],
];

/** The form of a `see documentation` arg, by its name. */
export function formByName(name: string): Form | undefined {
  for (const [re, form] of BY_NAME) if (re.test(name)) return { ...form };
  return undefined;
}

/**
 * Address args that routers write as comma lists although the syntax row
 * names one address (`dns-server=8.8.8.8,1.1.1.1` under `A.B.C.D`): servers,
 * plural names and `*-addresses`. Each element keeps its type.
 */
const ADDRESS_LIST_NAME = /(?:^|-)(?:dns|dns-server|ntp-server|wins-server|servers|addresses|networks|prefixes|dns-servers|ntp-servers)$/;

export function isAddressListName(name: string): boolean {
  return ADDRESS_LIST_NAME.test(name);
}

/**
 * Word args that RouterOS writes as comma lists although a dump may lack the
 * `,` marker (`connection-state=established,related` has only `!`;
 * `policy=read,write,test`, `topics=dhcp,!debug`, `advertise=10M-baseT-half,...`).
 */
const WORD_LIST_NAME = /^(?:connection-state|connection-nat-state|policy|topics|advertise|tcp-flags)$/;

export function isWordListName(name: string): boolean {
  return WORD_LIST_NAME.test(name);
}

/**
 * Duration args whose values routers write in compound forms: tunnel
 * `keepalive=10s,10` (interval, retries), queue pairs `burst-time=0s/0s`
 * (upload/download), and router-advertisement intervals `ra-interval=3m20s-10m`.
 */
const COMPOUND_DURATIONS: [RegExp, (one: string) => string][] = [
  [/^keepalive$/, (d) => `(?:${d})(?:,${INTEGER})?`],
  [/^(?:burst-time|limit-at-time)$/, (d) => `(?:${d})(?:/(?:${d}))?`],
  [/^ra-interval$/, (d) => `(?:${d})(?:-(?:${d}))?`],
];

/** The duration pattern of an arg: one duration, or its compound form where routers write one. */
export function durationPatternByName(name: string): string {
  for (const [re, compound] of COMPOUND_DURATIONS) if (re.test(name)) return compound(DURATION);
  return DURATION;
}
