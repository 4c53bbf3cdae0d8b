/** The evidence in ../shared/evidence (never copied into the repository): test/helpers/inputs.ts says what happens where it is absent. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inputPresent, SHARED_DIR } from "../helpers/inputs.js";

export const PROBE_7221 = join(SHARED_DIR, "evidence/required-args/required-args.v7.22.1.json");
export const ANSIBLE = join(SHARED_DIR, "evidence/ansible/_api_data.py");
export const CONSOLE_INSPECT_DOC = join(SHARED_DIR, "docs/console-inspect.md");

export const evidencePresent = inputPresent([PROBE_7221, ANSIBLE, CONSOLE_INSPECT_DOC], "tests over the real evidence");

/** Evidence about the tiny model (test/helpers/tiny-model.ts, RouterOS 7.99), written into `dir`: an observed probe and an Ansible file. */
export async function tinyEvidence(dir: string): Promise<{ probe: string; ansible: string }> {
  const probe = join(dir, "required-args.v7.99.json");
  await writeFile(
    probe,
    JSON.stringify([
      {
        path: "/ip/address",
        required: ["address", "interface"],
        hasAdd: true,
        rawError: "Script Error: missing value(s) of argument(s) address interface (/ip/address/add; line 1)",
      },
    ]),
  );
  await writeFile(join(dir, "required-args.v7.99.meta.json"), JSON.stringify({ routerosVersion: "7.99" }));
  const ansible = join(dir, "_api_data.py");
  await writeFile(
    ansible,
    [
      "PATHS = {",
      "    ('ip', 'address'): APIData(unversioned=VersionedAPIData(fields={",
      "        'address': KeyInfo(required=True),",
      "        'comment': KeyInfo(can_disable=True, remove_value=''),",
      "        'disabled': KeyInfo(default=False),",
      "        'interface': KeyInfo(),",
      "    })),",
      "    ('system', 'identity'): APIData(unversioned=VersionedAPIData(single_value=True, fields={",
      "        'name': KeyInfo(default='MikroTik'),",
      "    })),",
      "}",
      "",
    ].join("\n"),
  );
  return { probe, ansible };
}
