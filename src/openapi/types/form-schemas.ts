/**
 * A value form as schemas: the reply schema (a string whose pattern, enum and
 * lengths say what the router's type allows), the request schema, and the
 * value facts as `x-routeros-*` keys.
 */
import type { OpenAPIV3 } from "openapi-types";
import type { ValueExtensions } from "../extensions.js";
import { anchored, listOf, wordsPattern } from "./patterns.js";
import { exampleOf } from "./examples.js";
import type { Form, ValueType } from "./form.js";

/** The pattern of one element: the form or a special word, possibly `!`-negated. */
function elementPattern(form: Form): string | undefined {
  const body = form.enum ? wordsPattern(form.enum) : form.pattern;
  if (body === undefined) return undefined;
  const one = form.special?.length ? `${wordsPattern(form.special)}|${body}` : body;
  return form.negatable ? `!?(?:${one})` : one;
}

function valuePattern(form: Form): string | undefined {
  const one = elementPattern(form);
  if (one === undefined) return undefined;
  const value = form.list ? listOf(one) : one;
  return form.empty ? `${value}|` : value;
}

/** The typed part of a reply: a string whose pattern, enum and lengths say what the router's type allows. */
function typedSchema(form: Form): OpenAPIV3.SchemaObject {
  const schema: OpenAPIV3.SchemaObject = { type: "string" };
  // A standard format judges the whole string: only for a single value.
  if (form.format && !form.list && !form.special?.length && !form.negatable && !form.empty) schema.format = form.format;
  if (form.enum && !form.list && !form.negatable) schema.enum = [...form.enum, ...(form.special ?? []), ...(form.empty ? [""] : [])];
  else {
    const pattern = valuePattern(form);
    if (pattern !== undefined) schema.pattern = anchored(pattern);
  }
  if (form.minLength !== undefined) schema.minLength = form.minLength;
  if (form.maxLength !== undefined) schema.maxLength = form.maxLength;
  return schema;
}

/** The reply schema; a typed form that may also name an object is either (`anyOf`). */
function replySchema(form: Form): OpenAPIV3.SchemaObject {
  const typed = typedSchema(form);
  return form.orRef ? { anyOf: [typed, { type: "string", minLength: 1 }] } : typed;
}

function requestSchema(form: Form, reply: OpenAPIV3.SchemaObject): OpenAPIV3.SchemaObject {
  if (form.type !== "integer" || form.list || form.orRef) return reply;
  const integer: OpenAPIV3.SchemaObject = { type: "integer" };
  if (form.minimum !== undefined) integer.minimum = form.minimum;
  if (form.maximum !== undefined) integer.maximum = form.maximum;
  // RouterOS takes numbers as strings too, the way it replies them.
  return { oneOf: [integer, reply] };
}

/** Writes take yes/no (and true/false); replies say true/false. */
function booleanType(): ValueType {
  return {
    routerosType: "boolean",
    reply: { type: "string", enum: ["true", "false"], example: "true" },
    request: { type: "string", enum: ["yes", "no", "true", "false"], example: "yes" },
  };
}

function facts(form: Form): ValueExtensions {
  const x: ValueExtensions = {};
  if (form.ref ?? form.orRef) x["x-routeros-ref"] = (form.ref ?? form.orRef)!;
  if (form.enum) x["x-routeros-enum"] = form.enum;
  if (form.suggestions?.length) x["x-routeros-suggestions"] = form.suggestions;
  if (form.special?.length) x["x-routeros-special"] = form.special;
  if (form.list) x["x-routeros-list"] = true;
  if (form.negatable) x["x-routeros-negatable"] = true;
  if (form.empty) x["x-routeros-empty"] = true;
  if (form.range) x["x-routeros-range"] = form.range;
  if (form.type === "integer" && (form.minimum !== undefined || form.maximum !== undefined)) {
    x["x-routeros-range"] = {
      ...(form.minimum !== undefined ? { min: form.minimum } : {}),
      ...(form.maximum !== undefined ? { max: form.maximum } : {}),
    };
  }
  return x;
}

export function toValueType(form: Form): ValueType {
  if (form.type === "boolean") return booleanType();
  const reply = replySchema(form);
  const request = requestSchema(form, reply);
  const example = exampleOf(form);
  const extensions = facts(form);
  return {
    routerosType: form.type,
    reply: example === undefined ? reply : { ...reply, example },
    request:
      example === undefined ? request : { ...request, example: request.oneOf && /^-?\d+$/.test(example) ? Number(example) : example },
    ...(Object.keys(extensions).length ? { extensions } : {}),
  };
}
