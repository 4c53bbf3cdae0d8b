/**
 * A ready request for each operation, in the three forms a user copies:
 * curl, the TypeScript client's call, and the Postman request's name. The
 * body is the view's request policy (one source, as in the collection): it
 * carries only what its safety class allows, so a copied request adds its
 * own item, reads without streaming, and changes nothing it did not create.
 */
import type { EmitterView, ViewOperation } from "../../view/index.js";
import { bodyValues } from "../../view/requests.js";
import { requestName } from "../postman/requests.js";
import type { SafetyFact } from "../../openapi/extensions.js";
import { clientMembers } from "../typescript/calls.js";

export interface ReadyRequest {
  curl: string;
  /** `await ros.ip.address.add({...})`; none where a REST verb of the client covers the command. */
  client?: string;
  postman: string;
  safety: SafetyFact;
}

/** The id an example names: the first item of a menu. */
const EXAMPLE_ID = "*1";
const ROUTER = "https://192.168.88.1/rest";

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

export function readyRequests(view: EmitterView): (op: ViewOperation) => ReadyRequest {
  const members = clientMembers(view);
  return (op) => {
    // A copied request names the first item.
    const values = bodyValues(view.request(op), EXAMPLE_ID);
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
      safety: op.safety,
    };
  };
}
