/** A standard JSON Schema validator with its standard formats on (ajv + ajv-formats), over one OpenAPI document. */
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { OpenAPIV3 } from "openapi-types";

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

export function documentValidator(doc: OpenAPIV3.Document): { ajv: Ajv; compile: (schema: object) => ValidateFunction } {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema({ components: doc.components }, "doc");
  const cache = new Map<object, ValidateFunction>();
  const compile = (schema: object): ValidateFunction => {
    let fn = cache.get(schema);
    if (!fn) cache.set(schema, (fn = ajv.compile(rebased(schema))));
    return fn;
  };
  return { ajv, compile };
}

/** `#/components/...` refs inside a schema point into the document added as `doc`. */
function rebased(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"doc#/')) as object;
}
