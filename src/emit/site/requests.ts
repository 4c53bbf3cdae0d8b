/**
 * A ready request for each operation, in the three forms a user copies:
 * curl, the TypeScript client's call, and the Postman request's name. The
 * body is the view's request policy (one source, as in the collection): it
 * carries only what its safety class allows, so a copied request adds its
 * own item, reads without streaming, and changes nothing it did not create.
 */
import type { EmitterView, ViewOperation } from "../../view/index.js";
import { bodyValues, DERIVED, type RequestPolicy } from "../../view/requests.js";
import { requestName } from "../postman/requests.js";
import type { SafetyFact } from "../../openapi/extensions.js";
import { clientMembers } from "../typescript/calls.js";

export interface ReadyRequest {
  curl: string;
  /** `await ros.ip.address.add({...})`; none where a REST verb of the client covers the command. */
  client?: string;
  postman: string;
  /** The raw JSON body, as curl sends it; none for a request without one. */
  body?: string;
  safety: SafetyFact;
  /** Each value chosen for safety (or left out), with why, in the body's order. */
  notes: ValueNote[];
}

/** A value of the body chosen for safety or left out: the arg, the value sent (none: left out), and why. */
interface ValueNote {
  args: string[];
  value?: string;
  why: string;
}

type Reason = NonNullable<RequestPolicy["body"]>[string]["reason"];

/** Why a value is there, for each reason that is a choice (a document's example is not). */
const WHY: Partial<Record<Reason, string>> = {
  item: "names the first item: put the id of an item of yours",
  inactive: "added disabled, so that nothing changes until you enable it",
  "run-text": "text of your own, so that you can tell the item you added from the router's",
  "required-text": "the add requires it: a placeholder text, to replace",
  "reads-with": "keeps the command a read that ends (no streaming, no change)",
  bound: "bounds a command that runs until stopped",
  proplist: "asks for a few properties (the first the console offers)",
  inspect: "asks as the crawler asks",
};

const shown = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

function notesOf(op: ViewOperation, policy: RequestPolicy): ValueNote[] {
  const notes: ValueNote[] = [];
  const body = policy.body ?? {};
  for (const [arg, v] of Object.entries(body)) {
    const why = WHY[v.reason];
    if (why)
      notes.push({
        args: [arg],
        ...(v.reason === "item" ? { value: EXAMPLE_ID } : { value: shown((v as { value: unknown }).value) }),
        why,
      });
  }
  const derived = DERIVED.filter((arg) => op.body?.properties?.[arg] && !(arg in body) && "address" in body);
  if (derived.length) notes.push({ args: derived, why: "left out: RouterOS derives them from address" });
  for (const group of policy.missing)
    notes.push({
      args: group,
      why: `required, and no value is true on every router: give ${group.length > 1 ? "one of them" : "it"} yourself`,
    });
  return notes;
}

/** The id an example names: the first item of a menu. */
const EXAMPLE_ID = "*1";
const ROUTER = "https://192.168.88.1/rest";

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export function readyRequests(view: EmitterView): (op: ViewOperation) => ReadyRequest {
  const members = clientMembers(view);
  return (op) => {
    // A copied request names the first item.
    const policy = view.request(op);
    const values = bodyValues(policy, EXAMPLE_ID);
    const body = values === undefined ? undefined : JSON.stringify(values);
    const method = op.method.toUpperCase();
    const url = `${ROUTER}${op.path.replace("{id}", EXAMPLE_ID)}`;
    const curl = [
      `curl -k -u admin -X ${method} ${shellQuote(url)}`,
      ...(body === undefined ? [] : [`-H 'content-type: application/json' --data ${shellQuote(body)}`]),
    ].join(" \\\n  ");
    const member = members.get(op);
    const args = [
      ...(op.onItem ? [JSON.stringify(EXAMPLE_ID)] : []),
      ...(body !== undefined && body !== "{}" && op.verb !== "list" ? [body] : []),
    ];
    return {
      curl,
      ...(member ? { client: `await ros.${member}(${args.join(", ")});` } : {}),
      postman: requestName(op),
      ...(body === undefined ? {} : { body }),
      safety: op.safety,
      notes: notesOf(op, policy),
    };
  };
}
