/** What every builder module shares while one document is built. */
import type { OpenAPIV3 } from "openapi-types";
import type { SchemaModel } from "../model/types.js";
import type { Facts } from "../facts/resolve.js";
import { typeContext, type TypeContext } from "./types/index.js";
import { typeSafeName, UniqueNames } from "./names.js";

export interface BuildContext {
  model: SchemaModel;
  types: TypeContext;
  /** Component schemas collected while building, keyed by their unique name. */
  schemas: Record<string, OpenAPIV3.SchemaObject>;
  schemaNames: UniqueNames;
  /** Body components by command and shape, so that PUT and POST add share one. */
  bodies: Map<string, OpenAPIV3.ReferenceObject>;
  operationIds: UniqueNames;
  /** Menus that became tags (`/ip/address`, root commands under `/`), with their descriptions. */
  tags: Map<string, string>;
  /** Required args and defaults from evidence; absent: no evidence given. */
  facts?: Facts;
}

export function buildContext(model: SchemaModel, reservedSchemaNames: Iterable<string> = [], facts?: Facts): BuildContext {
  return {
    ...(facts ? { facts } : {}),
    model,
    types: typeContext(model),
    schemas: {},
    schemaNames: new UniqueNames(reservedSchemaNames),
    bodies: new Map(),
    operationIds: new UniqueNames(),
    tags: new Map(),
  };
}

/** Adds a component schema under a unique name and returns a reference to it. */
export function addSchema(ctx: BuildContext, baseName: string, schema: OpenAPIV3.SchemaObject): OpenAPIV3.ReferenceObject {
  const name = ctx.schemaNames.claim(typeSafeName(baseName));
  ctx.schemas[name] = schema;
  return { $ref: `#/components/schemas/${name}` };
}
