/**
 * One connection of the RouterOS API protocol (TCP 8728, TLS 8729): the
 * login of RouterOS 6.43 and later, every command tagged so that many share
 * the connection, replies routed by `.tag`, `/cancel` of one tag, a timeout
 * for connecting and one per command. A peer that breaks the protocol or the
 * limits (see api-codec.ts) gets one clear error: every command fails with
 * it and the connection is closed.
 * Shipped beside the generated client as api-connection.js; do not edit.
 */
import { connect as connectTcp, isIP } from "node:net";
import { connect as connectTls } from "node:tls";
import { ApiProtocolError, encodeSentence, SentenceReader } from "./api-codec.js";
import { RouterOSError } from "./runtime.js";
/** `=name=value` → [name, value]; the value may hold `=`. */
function attribute(word) {
    if (!word.startsWith("="))
        return undefined;
    const at = word.indexOf("=", 1);
    return at < 0 ? [word.slice(1), ""] : [word.slice(1, at), word.slice(at + 1)];
}
/** A sentence read as a reply: its type, its tag, its attributes (API attribute words other than `.tag` are dropped). */
function readReply(words) {
    const [type = "", ...rest] = words;
    const attrs = {};
    let tag;
    for (const word of rest) {
        if (word.startsWith(".tag="))
            tag = word.slice(5);
        const pair = attribute(word);
        if (pair)
            attrs[pair[0]] = pair[1];
    }
    return { reply: { type, attrs }, ...(tag !== undefined ? { tag } : {}) };
}
const REPLY_TYPES = new Set(["!re", "!done", "!trap", "!fatal", "!empty"]);
export class ApiConnection {
    socket;
    where;
    reader;
    handlers = new Map();
    nextTag = 1;
    failure;
    /** Tags whose consumer asked the socket to pause (a stream's queue at its high-water mark). */
    pausedBy = new Set();
    constructor(socket, limits, where) {
        this.socket = socket;
        this.where = where;
        this.reader = new SentenceReader(limits);
        socket.on("data", (chunk) => this.receive(chunk));
        socket.on("end", () => {
            try {
                this.reader.end();
                this.fail("the router closed the connection");
            }
            catch (err) {
                this.fail(err.message);
            }
        });
        socket.on("error", (err) => this.fail(err.message));
        socket.on("close", () => this.fail("connection closed"));
    }
    /** Connects and logs in; fails with RouterOSError (never naming the password) when either does not happen in time. */
    static async open(options) {
        const where = `${options.tls ? "tls" : "tcp"}://${isIP(options.host) === 6 ? `[${options.host}]` : options.host}:${options.port}`;
        const socket = options.tls
            ? connectTls({ ...options.tls, host: options.host, port: options.port, servername: isIP(options.host) ? "" : options.host })
            : connectTcp({ host: options.host, port: options.port });
        socket.setNoDelay(true);
        const timer = setTimeout(() => socket.destroy(new Error(`no connection and login within ${options.connectTimeoutMs} ms`)), options.connectTimeoutMs);
        try {
            await new Promise((resolve, reject) => {
                socket.once(options.tls ? "secureConnect" : "connect", resolve);
                socket.once("error", reject);
            });
            const connection = new ApiConnection(socket, options.limits, where);
            const done = await connection.run(["/login", `=name=${options.username}`, `=password=${options.password}`], () => undefined);
            // RouterOS before 6.43 answers with a challenge instead: its MD5 login is not offered.
            if (done["ret"] !== undefined)
                throw new RouterOSError(0, `login to ${where} failed`, "the router is older than RouterOS 6.43");
            return connection;
        }
        catch (err) {
            socket.destroy();
            // A `!trap` on /login (the router's own answer: no detail) refuses the user, as REST's 401 does.
            const refused = err instanceof RouterOSError && err.detail === undefined;
            const detail = err instanceof RouterOSError ? (err.detail ?? err.message) : err.message;
            throw new RouterOSError(refused ? 401 : 0, `login to ${where} failed`, detail);
        }
        finally {
            clearTimeout(timer);
        }
    }
    /**
     * Sends a command (its words, without `.tag`, which is added) and hands each reply to `handler` until its `!done`
     * (after a `!trap` too) or the connection's failure. Returns the tag.
     */
    send(words, handler) {
        const tag = String(this.nextTag++);
        if (this.failure) {
            handler.fail(this.failure);
            return tag;
        }
        this.handlers.set(tag, handler);
        this.socket.write(encodeSentence([...words, `.tag=${tag}`]));
        return tag;
    }
    /** Runs a command to its end: the `!re` attributes go to `each`, the `!done` attributes resolve; a `!trap` rejects. */
    run(words, each, timeoutMs) {
        return new Promise((resolve, reject) => {
            let trap;
            let timer;
            const end = (action) => {
                if (timer)
                    clearTimeout(timer);
                action();
            };
            const tag = this.send(words, {
                reply: ({ type, attrs }) => {
                    if (type === "!re") {
                        try {
                            each(attrs);
                        }
                        catch (err) {
                            // The caller's limit (the reply's size): a router that sends more is not followed any further.
                            this.fail(err.message);
                        }
                    }
                    else if (type === "!trap")
                        trap ??= new RouterOSError(0, attrs["message"] ?? "failed", undefined, attrs["category"]);
                    else if (type === "!done")
                        end(() => (trap ? reject(trap) : resolve(attrs)));
                },
                fail: (error) => end(() => reject(error)),
            });
            if (timeoutMs !== undefined && !this.failure) {
                timer = setTimeout(() => {
                    trap = new RouterOSError(0, `${words[0]} failed`, `no reply within ${timeoutMs} ms`);
                    reject(trap);
                    void this.cancel(tag, timeoutMs);
                }, timeoutMs);
            }
        });
    }
    /** `/cancel` of one tag: its command ends with `!trap interrupted` and `!done`, which its handler still gets. */
    async cancel(tag, timeoutMs) {
        if (this.failure || !this.handlers.has(tag))
            return;
        await this.run(["/cancel", `=tag=${tag}`], () => undefined, timeoutMs).catch(() => undefined);
    }
    /** A consumer that cannot keep up pauses reading; the router then waits (TCP backpressure). */
    pause(tag) {
        this.pausedBy.add(tag);
        this.socket.pause();
    }
    resume(tag) {
        this.pausedBy.delete(tag);
        if (this.pausedBy.size === 0)
            this.socket.resume();
    }
    get closed() {
        return this.failure !== undefined;
    }
    close() {
        this.fail("the client closed the connection");
        return new Promise((resolve) => {
            if (this.socket.closed)
                resolve();
            else
                this.socket.once("close", () => resolve());
        });
    }
    receive(chunk) {
        let sentences;
        try {
            sentences = this.reader.push(chunk);
        }
        catch (err) {
            this.fail(err instanceof ApiProtocolError ? err.message : String(err));
            return;
        }
        for (const words of sentences) {
            if (this.failure)
                return;
            const { reply, tag } = readReply(words);
            if (!REPLY_TYPES.has(reply.type))
                return this.fail(`the router sent ${JSON.stringify(reply.type.slice(0, 40))}, not a reply`);
            if (reply.type === "!fatal")
                return this.fail(`the router ended the session: ${words[1] ?? ""}`);
            // The login is tag 1, sent before anything else: a router that answers it untagged is understood.
            const key = tag ?? "1";
            const handler = this.handlers.get(key);
            if (!handler)
                continue;
            if (reply.type === "!done") {
                this.handlers.delete(key);
                this.resume(key);
            }
            handler.reply(reply);
        }
    }
    /** Ends the connection once: every command still waiting fails with the reason. */
    fail(reason) {
        if (this.failure)
            return;
        this.failure = new RouterOSError(0, `API connection to ${this.where} failed`, reason);
        this.socket.destroy();
        const handlers = [...this.handlers.values()];
        this.handlers.clear();
        for (const handler of handlers)
            handler.fail(this.failure);
    }
}
