import { InvalidArgumentError, type Command } from "commander";
import { UserError } from "../io/errors.js";
import { checkFileTarget, parseJson, readTextFile, writeFileAtomic } from "../io/files.js";
import { loadModel, withVersion } from "../model/load.js";
import { sampleModel, sampleStore } from "../sample/index.js";
import { resolveSource } from "../sources/index.js";
import { SIMULATOR_DEFAULTS, startSimulator, type StoreSeed } from "../simulator/index.js";
import { documentInputs, evidenceOptions, type EvidenceFlags } from "./document-inputs.js";
import { action, UsageError, warn } from "./run.js";
import { TREE_HELP } from "./trees.js";

interface MockFlags extends EvidenceFlags {
  from?: string;
  host: string;
  port: number;
  https?: boolean;
  httpsPort?: number;
  apiPort?: number;
  apiTlsPort?: number;
  caOut?: string;
  user: string;
  password: string;
  rosVersion?: string;
  store?: string;
  commandTimeoutMs: number;
  rttMs?: number;
  serviceMs?: number;
  hang: { path: string; ms: number }[];
  failRate?: number;
  resetRate?: number;
  restartAt?: { request: number; ms: number };
  seed?: number;
}

const number =
  (min: number, max = Infinity) =>
  (value: string) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a number from ${min}${max === Infinity ? "" : ` to ${max}`}`);
    return n;
  };

/** `path:ms` (a comma path, as inspect takes it: `do`, `ip,firewall`). */
const hangOption = (value: string, previous: MockFlags["hang"]) => {
  const at = value.lastIndexOf(":");
  const ms = Number(value.slice(at + 1));
  if (at < 0 || !Number.isInteger(ms) || ms < 0) throw new InvalidArgumentError("expected <path>:<ms>, e.g. do:30000");
  return [...previous, { path: value.slice(0, at), ms }];
};

const restartOption = (value: string) => {
  const [request, ms] = value.split(":").map(Number);
  if (!Number.isInteger(request) || !Number.isInteger(ms) || request! < 0 || ms! < 0)
    throw new InvalidArgumentError("expected <request>:<ms>, e.g. 500:10000");
  return { request: request!, ms: ms! };
};

export function registerMock(program: Command): void {
  evidenceOptions(program.command("mock"))
    .description("Run the RouterOS REST simulator on a tree (default: the project's sample tree) until interrupted")
    .option("--from <tree>", `${TREE_HELP} (restraml's base and the cache: env ROSAPI_RESTRAML_BASE, ROSAPI_CACHE)`)
    .option("--host <address>", "address to listen on", SIMULATOR_DEFAULTS.host)
    .option("--port <n>", "HTTP port (0: a free one)", number(0, 65535), SIMULATOR_DEFAULTS.port)
    .option("--https", "also serve HTTPS, with a self-signed certificate made at start")
    .option("--https-port <n>", "HTTPS port (0: a free one; needs --https)", number(0, 65535))
    .option("--api-port <n>", "also serve the RouterOS API protocol on this port, over the same state (0: a free one)", number(0, 65535))
    .option(
      "--api-tls-port <n>",
      "also serve the API over TLS on this port, with the self-signed certificate (0: a free one)",
      number(0, 65535),
    )
    .option("--ca-out <file>", "write the HTTPS (and API over TLS) certificate here, for clients' --ca (needs --https or --api-tls-port)")
    .option("--user <name>", "the user clients must send", SIMULATOR_DEFAULTS.user)
    .option("--password <password>", "the password clients must send (default: empty, as on a new router)", SIMULATOR_DEFAULTS.password)
    .option("--ros-version <version>", "the RouterOS version of a tree whose file carries none")
    .option(
      "--store <file>",
      'seed items: JSON object of menu path -> items, e.g. {"/ip/address": [{"address": "10.0.0.1/24", "interface": "ether1"}]}',
    )
    .option(
      "--command-timeout-ms <ms>",
      "how long ping without count and the like run before 400 Session closed",
      number(1),
      SIMULATOR_DEFAULTS.commandTimeoutMs,
    )
    .option("--rtt-ms <ms>", "network round trip added to every request (overlapping)", number(0))
    .option("--service-ms <ms>", "router work per request, one request at a time", number(0))
    .option("--hang <path:ms>", "syntax/completion on this inspect path stalls the whole server (repeatable)", hangOption, [])
    .option("--fail-rate <p>", "share of requests answered 500", number(0, 1))
    .option("--reset-rate <p>", "share of connections dropped", number(0, 1))
    .option("--restart-at <n:ms>", "stop answering for ms after request n", restartOption)
    .option("--seed <n>", "seed of the fault sequence", number(0))
    .addHelpText(
      "after",
      "\nExamples:\n  rosapi mock\n  rosapi mock --api-port 8728 --api-tls-port 8729\n  rosapi mock --from ../shared/routeros/7.22.3/deep-inspect.json --port 8080 --https --ca-out ca.pem\n  rosapi mock --rtt-ms 5 --service-ms 0.5 --hang do:30000",
    )
    .action(action(runMock));
}

async function runMock(flags: MockFlags): Promise<void> {
  if (!flags.https && flags.httpsPort !== undefined) throw new UsageError("--https-port needs --https");
  if (!flags.https && flags.apiTlsPort === undefined && flags.caOut !== undefined) {
    throw new UsageError("--ca-out needs --https or --api-tls-port");
  }
  if (flags.caOut !== undefined) await checkFileTarget(flags.caOut, "--ca-out");
  const source = flags.from ?? "sample tree";
  const model = flags.from
    ? await loadModel(await resolveSource(flags.from), { rosVersion: flags.rosVersion })
    : withVersion(sampleModel(), flags.rosVersion, source);
  if (!model.header.version) warn(`${source} carries no RouterOS version: the simulator reports none; --ros-version sets it`);
  const store = flags.store ? await readSeed(flags.store) : flags.from ? undefined : sampleStore();
  // The evidence is chosen as for a document: adds without their required args are refused as RouterOS refuses them.
  const {
    facts: [facts],
    lines: evidence,
  } = await documentInputs(flags, [model], flags.from ? [flags.from] : []);
  const {
    store: _file,
    rosVersion: _version,
    caOut: _caOut,
    facts: _facts,
    probeBase: _p,
    ansibleBase: _a,
    ansibleTags: _t,
    ...knobs
  } = flags;
  const sim = await startSimulator({
    ...knobs,
    model,
    https: flags.https ?? false,
    ...(store ? { store } : {}),
    ...(facts ? { facts } : {}),
  });
  try {
    if (flags.caOut && sim.caPem) await writeFileAtomic(flags.caOut, sim.caPem);
  } catch (err) {
    await sim.close();
    throw err;
  }
  const lines = [
    `RouterOS ${model.header.version ?? "(version unknown)"} simulator (${source})`,
    `  url:      ${sim.url}`,
    ...(sim.httpsUrl ? [`  https:    ${sim.httpsUrl}  (self-signed${flags.caOut ? `; certificate in ${flags.caOut}` : ""})`] : []),
    ...(sim.apiPort !== undefined ? [`  api:      ${flags.host}:${sim.apiPort}`] : []),
    ...(sim.apiTlsPort !== undefined
      ? [`  api-ssl:  ${flags.host}:${sim.apiTlsPort}  (self-signed${flags.caOut ? `; certificate in ${flags.caOut}` : ""})`]
      : []),
    ...evidence.map((line) => `  ${line}`),
    `  user:     ${flags.user}`,
    `  password: ${flags.password === "" ? "(empty)" : "(as given)"}`,
    "Ctrl-C stops it.",
  ];
  // The handlers go in before the banner: a signal sent as soon as the banner is read must find them.
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  process.stdout.write(lines.join("\n") + "\n");
  await stopped;
  await sim.close();
}

async function readSeed(file: string): Promise<StoreSeed> {
  const seed = parseJson(await readTextFile(file), file);
  if (seed === null || typeof seed !== "object" || Array.isArray(seed))
    throw new UserError(`${file}: expected an object of menu path -> items`);
  return seed as StoreSeed;
}
