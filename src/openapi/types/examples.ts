/**
 * A true example of a value form, or none where no sensible value exists (a
 * plain string, a script). Every example validates against its own schema
 * (tested over every dump): inside integer and duration bounds, a list for a
 * list, a word of a closed vocabulary, a plausible name of what a reference names.
 */
import { durationMs } from "../../templates/duration.js";
import type { Form } from "./form.js";

const BY_TYPE: Record<string, string> = {
  ipv4: "192.168.88.1",
  "ipv4-prefix": "10.0.0.1/24",
  "ip-address": "10.0.0.1",
  "ip-prefix": "10.0.0.0/24",
  "ip-range": "10.0.0.10-10.0.0.20",
  mac: "00:0C:29:AB:CD:EF",
  gateway: "192.168.88.254",
  host: "10.0.0.1",
  "route-distinguisher": "65000:1",
};

/** Names of lists, by the list a reference names; none for a list of unknown kind. */
const BY_LIST: Record<string, string> = {
  // `all` is the interface list every router has.
  "interface-list": "all",
  "address-list": "allowed",
  "wireless-channel-list": "default",
};

/** Names of what references name, by the arg's name (first match). */
const BY_REFERENCE_NAME: [RegExp, string][] = [
  [/(?:^|-)bridge$/, "bridge1"],
  [/(?:^|-)(?:interfaces?|master|slaves|bridge-port)$/, "ether1"],
  [/(?:^|-)(?:vrf|routing-table|routing-mark|table)$/, "main"],
  [/(?:^|-)(?:pool|address-pool)$/, "dhcp_pool0"],
  [/(?:^|-)user$/, "admin"],
  [/(?:^|-)group$/, "full"],
  [/(?:^|-)queue-type$/, "default"],
  [/(?:^|-)profile$/, "default"],
  [/(?:^|-)certificate$/, "server-cert"],
];

function referenceExample(form: Form): string | undefined {
  if (form.ref === "list") return undefined;
  if (form.ref && form.ref in BY_LIST) return BY_LIST[form.ref];
  const name = form.argName ?? "";
  for (const [re, example] of BY_REFERENCE_NAME) if (re.test(name)) return example;
  return form.ref === "file" ? "flash/example.txt" : undefined;
}

/** 30s where the bounds allow it; else the nearer bound as RouterOS wrote it. */
function durationExample(form: Form): string {
  const { min, max } = form.range ?? {};
  const preferred = 30_000;
  if (min !== undefined && (durationMs(min) ?? 0) > preferred) return min;
  if (max !== undefined && (durationMs(max) ?? Infinity) < preferred) return max;
  return "30s";
}

function integerExample(form: Form): string {
  const min = form.minimum ?? 0;
  const max = form.maximum ?? Number.MAX_SAFE_INTEGER;
  return String(Math.max(min, Math.min(1, max)));
}

/** A hex string inside its length bounds (even length, at least two digits). */
function hexExample(form: Form): string | undefined {
  const min = form.minLength ?? 0;
  const max = form.maxLength ?? Infinity;
  const length = Math.max(2, min + (min % 2));
  return length <= max ? "0a".repeat(Math.ceil(length / 2)).slice(0, length) : undefined;
}

function elementExample(form: Form): string | undefined {
  if (form.enum?.length) return form.enum[0];
  if (form.type === "reference") return referenceExample(form);
  if (form.suggestions?.length && form.type === "string" && form.maxLength === undefined) return form.suggestions[0];
  if (form.type === "integer") return integerExample(form);
  if (form.type === "duration") return durationExample(form);
  if (form.type === "hex") return hexExample(form);
  return BY_TYPE[form.type];
}

export function exampleOf(form: Form): string | undefined {
  const one = elementExample(form);
  if (one === undefined || one === "") return undefined;
  if (one.length < (form.minLength ?? 0) || one.length > (form.maxLength ?? Infinity)) return undefined;
  // A list's example is a list where a second element exists.
  if (form.list && form.enum && form.enum.length > 1) return `${form.enum[0]},${form.enum[1]}`;
  if (form.list && !form.enum && form.suggestions && form.suggestions.length > 1 && form.type === "string")
    return `${form.suggestions[0]},${form.suggestions[1]}`;
  return one;
}
