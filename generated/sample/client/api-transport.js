import { DEFAULT_SENTENCE_LIMITS } from "./api-codec.js";
import { ApiConnection } from "./api-connection.js";
import { commandPath, RouterOSError, toWire } from "./runtime.js";
const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);
/** The TLS options of the connection: verified as REST verifies (a CA, or insecure), anonymous DH only when asked. */
function tlsOptions(tls) {
    if (tls.anonymousDh) {
        process.emitWarning("RouterOS API over anonymous Diffie-Hellman TLS: encrypted, but the router is not authenticated");
        return {
            rejectUnauthorized: false,
            ciphers: "ADH-AES256-GCM-SHA384:ADH-AES128-SHA256:ADH-AES256-SHA:@SECLEVEL=0",
            maxVersion: "TLSv1.2",
        };
    }
    return tls.insecure ? { rejectUnauthorized: false } : tls.ca ? { ca: tls.ca } : {};
}
/** `=name=value` words of the args (REST's wire values: strings, lists joined), and `?` query words. */
function argWords(args) {
    const wire = toWire(args) ?? {};
    const words = [];
    for (const [name, value] of Object.entries(wire)) {
        if (name === ".query")
            words.push(...value.map((q) => `?${String(q)}`));
        else
            words.push(`=${name}=${String(value)}`);
    }
    return words;
}
/** A print's args: `proplist` and `query` as `.proplist` and `.query`, as REST sends them. */
function printWords(args) {
    const { proplist, query, ...rest } = (args ?? {});
    return argWords({ ...rest, ...(proplist ? { ".proplist": proplist } : {}), ...(query ? { ".query": query } : {}) });
}
/** An item by `.id` (`*1`) or, as REST's item URLs take it, by name. */
const itemQuery = (id) => (id.startsWith("*") ? `?.id=${id}` : `?name=${id}`);
export class ApiTransport {
    options;
    connection;
    timeoutMs;
    maxReplyBytes;
    highWater;
    constructor(options) {
        this.options = options;
        const plain = !options.tls;
        if (plain && !options.allowPlaintextLogin && !LOOPBACK.has(options.host)) {
            throw new RouterOSError(0, `refusing to log in to ${options.host} over plain TCP`, "the password would cross the network unencrypted: use tls (port 8729), or set allowPlaintextLogin");
        }
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.maxReplyBytes = options.maxReplyBytes ?? 64 * 1024 * 1024;
        this.highWater = options.streamHighWater ?? 1000;
    }
    /** The client's one connection, opened on first use (again after it failed). */
    connect() {
        const open = this.connection;
        if (open) {
            return open.then((c) => (c.closed ? this.reconnect() : c), () => this.reconnect());
        }
        return this.reconnect();
    }
    reconnect() {
        const o = this.options;
        const limits = {
            maxWordBytes: o.maxWordBytes ?? DEFAULT_SENTENCE_LIMITS.maxWordBytes,
            maxSentenceBytes: o.maxSentenceBytes ?? DEFAULT_SENTENCE_LIMITS.maxSentenceBytes,
        };
        this.connection = ApiConnection.open({
            host: o.host,
            port: o.port ?? (o.tls ? 8729 : 8728),
            username: o.username,
            password: o.password,
            ...(o.tls ? { tls: tlsOptions(o.tls) } : {}),
            connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
            limits,
        });
        return this.connection;
    }
    /** Runs one command to its end: its `!re` attributes (within maxReplyBytes) and its `!done`'s. */
    async run(words) {
        const connection = await this.connect();
        const items = [];
        let bytes = 0;
        const done = await connection.run(words, (attrs) => {
            for (const [name, value] of Object.entries(attrs))
                bytes += name.length + value.length + 2;
            if (bytes > this.maxReplyBytes)
                throw new Error(`reply larger than maxReplyBytes (${this.maxReplyBytes} bytes)`);
            items.push(attrs);
        }, this.timeoutMs);
        return { items, done };
    }
    /** The item's attributes, or RouterOS's REST error for a missing one. */
    async item(menu, id) {
        const [item] = (await this.run([`${menu}/print`, itemQuery(id)])).items;
        if (!item)
            throw new RouterOSError(0, "no such item");
        return item;
    }
    async call(op) {
        const { menu } = op;
        switch (op.verb) {
            case "list": {
                const filters = Object.entries((op.filter ?? {})).flatMap(([name, value]) => value === undefined ? [] : [`?${name}=${value}`]);
                const proplist = op.options?.proplist ? [`=.proplist=${op.options.proplist.join(",")}`] : [];
                return (await this.run([`${menu}/print`, ...proplist, ...filters])).items;
            }
            case "get":
                if (op.id !== undefined)
                    return (await this.item(menu, op.id));
                return ((await this.run([`${menu}/print`])).items[0] ?? {});
            case "add": {
                const { done } = await this.run([`${menu}/add`, ...argWords(op.args)]);
                return (await this.item(menu, done["ret"] ?? ""));
            }
            case "set": {
                // By `.id`: a set that renames the item finds it again.
                const id = op.id.startsWith("*") ? op.id : ((await this.item(menu, op.id))[".id"] ?? op.id);
                await this.run([`${menu}/set`, `=.id=${id}`, ...argWords(op.args)]);
                return (await this.item(menu, id));
            }
            case "remove":
                await this.run([`${menu}/remove`, `=.id=${op.id}`]);
                return undefined;
            case "print":
                return (await this.run([commandPath(op), ...printWords(op.args)])).items;
            default: {
                // As REST answers a command: the `!re` replies, else the `!done`'s data, else [].
                const { items, done } = await this.run([commandPath(op), ...argWords(op.args)]);
                return (items.length > 0 ? items : Object.keys(done).length > 0 ? done : []);
            }
        }
    }
    /** A command that runs until stopped; a print follows (`follow`, unless `follow-only` is asked). */
    stream(op) {
        const args = { ...(op.args ?? {}) };
        if (op.verb === "print" && !("follow" in args) && !("follow-only" in args))
            args["follow"] = "";
        const words = [commandPath(op), ...(op.verb === "print" || op.command === "listen" ? printWords(args) : argWords(args))];
        return { [Symbol.asyncIterator]: () => this.iterate(words) };
    }
    /** One run of a stream: replies queued up to the high-water mark (then reading pauses), `/cancel` on leaving early. */
    iterate(words) {
        const queue = [];
        let end;
        let wake;
        let started;
        let cancelled = false;
        const notify = () => {
            wake?.();
            wake = undefined;
        };
        const start = () => (started ??= this.connect().then((connection) => {
            const tag = connection.send(words, {
                reply: ({ type, attrs }) => {
                    if (type === "!re") {
                        // After a cancel the replies still on their way are dropped: nothing may pause the socket before
                        // the cancel's own `!done` is read.
                        if (cancelled)
                            return;
                        queue.push(attrs);
                        if (queue.length >= this.highWater)
                            connection.pause(tag);
                    }
                    else if (type === "!trap") {
                        // The `interrupted` of our own /cancel is the end, not an error.
                        if (!cancelled)
                            end ??= { error: new RouterOSError(0, attrs["message"] ?? "failed", undefined, attrs["category"]) };
                    }
                    else if (type === "!done")
                        end ??= {};
                    notify();
                },
                fail: (error) => {
                    end ??= { error };
                    notify();
                },
            });
            return { connection, tag };
        }));
        return {
            next: async () => {
                const { connection, tag } = await start();
                while (queue.length === 0 && !end)
                    await new Promise((resolve) => (wake = resolve));
                const value = queue.shift();
                if (queue.length <= this.highWater / 2)
                    connection.resume(tag);
                if (value)
                    return { value: value, done: false };
                if (end?.error)
                    throw end.error;
                return { value: undefined, done: true };
            },
            return: async () => {
                queue.length = 0;
                if (started && !end) {
                    cancelled = true;
                    const { connection, tag } = await started;
                    connection.resume(tag);
                    await connection.cancel(tag, this.timeoutMs);
                }
                return { value: undefined, done: true };
            },
        };
    }
    async close() {
        const open = this.connection;
        this.connection = undefined;
        const connection = await open?.catch(() => undefined);
        await connection?.close();
    }
}
