/**
 * The error shape every RouterOS REST failure shares, and the responses
 * built on it. `error` is the only number in the whole API.
 */
import type { OpenAPIV3 } from "openapi-types";

export const ERROR_SCHEMA: OpenAPIV3.SchemaObject = {
  type: "object",
  description: "RouterOS error reply. `error` repeats the HTTP status; `detail` carries the console's message.",
  required: ["error", "message"],
  properties: {
    error: { type: "integer", description: "HTTP status code", example: 400 },
    message: { type: "string", description: "HTTP reason phrase", example: "Bad Request" },
    detail: { type: "string", description: "What RouterOS said, e.g. `unknown parameter x`", example: "unknown parameter foo" },
  },
};

interface ErrorCase {
  status: number;
  name: string;
  description: string;
  example: { error: number; message: string; detail?: string };
}

const CASES: ErrorCase[] = [
  {
    status: 400,
    name: "BadRequest",
    description:
      "Bad request: unknown parameter, a value that matches no type of the argument, a missing argument, an unknown menu, or `Session closed` when a command ran past the 60 s REST timeout.",
    example: { error: 400, message: "Bad Request", detail: "unknown parameter foo" },
  },
  {
    status: 401,
    name: "Unauthorized",
    description: "Missing or wrong credentials.",
    example: { error: 401, message: "Unauthorized" },
  },
  {
    status: 404,
    name: "NotFound",
    description: "No item with that `.id` or name.",
    example: { error: 404, message: "Not Found" },
  },
  {
    status: 406,
    name: "NotAcceptable",
    description: "The menu does not accept this command for the item.",
    example: { error: 406, message: "Not Acceptable", detail: "no such command or directory (remove)" },
  },
  {
    status: 500,
    name: "InternalServerError",
    description: "The router failed to carry out the request.",
    example: { error: 500, message: "Internal Server Error" },
  },
];

export const ERROR_RESPONSES: Record<string, OpenAPIV3.ResponseObject> = Object.fromEntries(
  CASES.map((c) => [
    c.name,
    {
      description: c.description,
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorReply" }, example: c.example } },
    },
  ]),
);

const ref = (status: number): [string, OpenAPIV3.ReferenceObject] => [
  String(status),
  { $ref: `#/components/responses/${CASES.find((c) => c.status === status)!.name}` },
];

/** Error responses of an operation: 400, 401 and 500 always; 404 and 406 where an item is addressed. */
export function errorResponses(addressesItem: boolean): Record<string, OpenAPIV3.ReferenceObject> {
  const statuses = addressesItem ? [400, 401, 404, 406, 500] : [400, 401, 500];
  return Object.fromEntries(statuses.map(ref));
}
