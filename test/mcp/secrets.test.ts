/**
 * Secrets as `rosapi mcp` keeps them, started as a client starts it (the
 * built CLI over stdio) on 7.22.3 extra: the audit file readable by its owner
 * only (and refused when others can read it), every password the test wrote
 * and the login password absent from the audit, the tool results, stderr and
 * `ps`; `--user name:password` refused.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { dump, loadDump } from "../helpers/dumps.js";
import { overStdio, PASSWORD, simulatedRouter, type Router } from "./harness.js";

const extra = dump("7.22.3-extra");
const SECRETS = ["Ppp-Secret-71x", "Ppp-Secret-72y", "Smb-Secret-73z", "Romon-Secret-74w"];

describe.skipIf(!extra)("rosapi mcp keeps secrets (7.22.3 extra)", () => {
  let dir: string;
  let router: Router;
  const connect = (audit: string) => [
    ...["--from", extra!.file, "--url", router.recorder.url, "--user", "admin", "--password-env", "ROUTER_PASSWORD"],
    ...["--audit", audit],
  ];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rosapi-mcp-secrets-"));
    router = await simulatedRouter(await loadDump(extra!), { store: { "/tool/romon/port": [{ interface: "ether1" }] } });
  });
  afterAll(async () => {
    await router?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the audit 0600 and no secret anywhere: audit, results, stderr, ps", async () => {
    const audit = join(dir, "audit.jsonl");
    const s = await overStdio([...connect(audit), "--allow-write", "ppp/secret,ip/smb/users,tool/romon/port"]);
    const results: string[] = [];
    const call = async (name: string, args: Record<string, unknown>) => {
      const r = await s.call(name, args);
      results.push(r.text);
      expect(r.isError, r.text).toBe(false);
      return JSON.parse(r.text) as { plan: string; reply: { ".id": string } };
    };
    let ps = "";
    try {
      const add = await call("plan", { menu: "/ppp/secret", operation: "add", args: { name: "vpn1", password: SECRETS[0] } });
      const id = (await call("apply", { plan: add.plan })).reply[".id"];
      const set = await call("plan", { menu: "/ppp/secret", operation: "set", id, args: { password: SECRETS[1] } });
      await call("apply", { plan: set.plan });
      const smb = await call("plan", { menu: "/ip/smb/users", operation: "add", args: { name: "u1", password: SECRETS[2] } });
      await call("apply", { plan: smb.plan });
      const ports = JSON.parse((await s.call("read", { menu: "/tool/romon/port" })).text) as { ".id": string }[];
      const romon = await call("plan", { menu: "/tool/romon/port", operation: "set", id: ports[0]![".id"], args: { secrets: SECRETS[3] } });
      await call("apply", { plan: romon.plan });
      ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
    } finally {
      await s.close();
    }
    expect(statSync(audit).mode & 0o777).toBe(0o600);
    // The router got them (the recording proxy is the router's side): the test wrote what it searches for.
    const atRouter = JSON.stringify(router.recorder.requests);
    for (const secret of SECRETS) expect(atRouter).toContain(secret);
    const kept = { audit: readFileSync(audit, "utf8"), results: results.join("\n"), stderr: s.stderr(), ps };
    for (const [where, text] of Object.entries(kept))
      for (const secret of [...SECRETS, PASSWORD]) expect(text, `${secret} in ${where}`).not.toContain(secret);
    expect(kept.audit).toContain('"password":"(redacted)"');
  });

  it("refuses an audit file others can read, and --user name:password, each with one line", async () => {
    const open = join(dir, "open.jsonl");
    writeFileSync(open, "");
    chmodSync(open, 0o644);
    const refused = await runCli(["mcp", ...connect(open)], { env: { ROUTER_PASSWORD: PASSWORD } });
    expect([refused.code, refused.stderr]).toEqual([
      1,
      `rosapi: the audit log ${open} is readable by others (mode 644): chmod 600 it, or name a new file\n`,
    ]);
    const inline = connect(join(dir, "inline.jsonl")).map((a) => (a === "admin" ? `admin:${PASSWORD}` : a));
    const user = await runCli(["mcp", ...inline.filter((a) => a !== "--password-env" && a !== "ROUTER_PASSWORD")]);
    expect([user.code, user.stderr]).toEqual([
      2,
      "rosapi: --user takes a name only: give the password with --password-env, --password-file or at the prompt\n",
    ]);
    expect(router.recorder.requests.filter((r) => r.path === "/system/resource").length).toBe(1);
  });
});
