/**
 * Every value of every add/set line in the real exports (../shared/routeros-exports)
 * validates against the body schema of that menu's add/set and against the
 * GET reply schema, with ajv and its standard formats, for the 7.22.3 deep
 * and extra documents. What is not accepted is listed below, explained.
 */
import { describe, expect, it } from "vitest";
import type { OpenAPIV3 } from "openapi-types";
import { inlineValueSchemas } from "../../../src/openapi/index.js";
import { dump } from "../../helpers/dumps.js";
import { documentOf } from "../../helpers/fixtures.js";
import { exportsPresent, loadExports, type ExportLine } from "../../helpers/exports.js";
import { documentValidator } from "../../helpers/ajv.js";
import { resolve } from "../../../src/openapi/refs.js";

/** Values that a closed grammar of 7.22.3 refuses, and why. */
const KNOWN_REJECTED: Record<string, string> = {
  "/interface/ovpn-server/server cipher=blowfish128,aes128,aes256":
    "RouterOS 6 cipher names (aes128, aes256) kept in a 7.16.2 config; every 7.x dump spells the closed list aes128-cbc|aes256-cbc|...",
};

/** Args absent from a dump: a package or hardware it lacks, or an arg removed or renamed since the export. */
const KNOWN_ABSENT: [RegExp, string][] = [
  [/^\/interface\/wireless(?:\/security-profiles)? /, "the legacy wireless package is not in the base (deep) dump"],
  [/^\/system\/routerboard\/settings /, "RouterBOARD hardware settings: the dumps come from a CHR"],
  [/^\/ip\/firewall\/filter hw-offload$/, "hardware offload of 7.18.2 switch chips, absent on a CHR"],
  [/^\/ip\/route suppress-hw-offload$/, "7.1.1 arg, removed from later 7.x"],
  [/^\/ip\/ssh (?:allow-none-crypto|always-allow-password-login)$/, "7.6 args, removed from later 7.x"],
];

type Schema = OpenAPIV3.SchemaObject;

function bodySchema(doc: OpenAPIV3.Document, line: ExportLine): Schema | undefined {
  const item = doc.paths[`${line.menu}/{id}`];
  const op =
    line.command === "add" ? doc.paths[line.menu]?.put : line.selected && item?.patch ? item.patch : doc.paths[`${line.menu}/set`]?.post;
  const schema = (op?.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content["application/json"]?.schema;
  return resolve<Schema | undefined>(doc, schema);
}

function replySchema(doc: OpenAPIV3.Document, menu: string): Schema | undefined {
  const get = doc.paths[`${menu}/{id}`]?.get ?? doc.paths[menu]?.get;
  const response = get?.responses["200"] as OpenAPIV3.ResponseObject | undefined;
  const schema = resolve<Schema | undefined>(doc, response?.content?.["application/json"]?.schema);
  return schema?.type === "array" ? resolve<Schema>(doc, schema.items) : schema;
}

/** REST replies booleans as `true`/`false` where the export writes `yes`/`no` (console-inspect.md). */
function asReplied(property: object, value: string): string {
  if ((property as Record<string, unknown>)["x-routeros-type"] !== "boolean") return value;
  return value === "yes" ? "true" : value === "no" ? "false" : value;
}

const lines = loadExports();

describe.each(["7.22.3-deep", "7.22.3-extra"])("real export values against the %s document", (name) => {
  const d = dump(name);
  it.skipIf(!d || !exportsPresent)("are accepted by the add/set bodies and the GET replies (99.5%, the rest known)", async () => {
    const doc = inlineValueSchemas(await documentOf(d!));
    const { compile } = documentValidator(doc);
    let accepted = 0;
    let checked = 0;
    const rejected: string[] = [];
    const absent: string[] = [];
    const replyRejected: string[] = [];
    for (const line of lines) {
      const body = bodySchema(doc, line);
      const reply = replySchema(doc, line.menu);
      for (const [arg, value] of Object.entries(line.args)) {
        const schema = body?.properties?.[arg];
        if (!schema) {
          if (!KNOWN_ABSENT.some(([re]) => re.test(`${line.menu} ${arg}`)))
            absent.push(`${line.file}: ${line.menu} ${line.command} ${arg}`);
          continue;
        }
        checked++;
        const key = `${line.menu} ${arg}=${value}`;
        if (compile(schema)(value)) accepted++;
        else if (!KNOWN_REJECTED[key]) rejected.push(`${line.file}: ${key}`);
        const property = reply?.properties?.[arg] ?? reply?.additionalProperties;
        if (property && typeof property === "object" && !KNOWN_REJECTED[key] && !compile(property)(asReplied(property, value))) {
          replyRejected.push(`${line.file}: ${key}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1200);
    expect(rejected).toEqual([]);
    expect(absent).toEqual([]);
    expect(replyRejected).toEqual([]);
    expect(accepted / checked).toBeGreaterThanOrEqual(0.995);
  });
});
