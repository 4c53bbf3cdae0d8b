import { type ConnectionOptions as TlsOptions } from "node:tls";
import { type SentenceLimits } from "./api-codec.js";
import { RouterOSError } from "./runtime.js";
/** A reply sentence: `!re`, `!done`, `!trap`, `!fatal` or `!empty`, and its `=name=value` attributes. */
export interface ApiReply {
    type: string;
    attrs: Record<string, string>;
}
/** What a command is told: each reply sentence, or the failure of the connection. */
export interface ReplyHandler {
    reply(reply: ApiReply): void;
    fail(error: RouterOSError): void;
}
export interface ApiConnectionOptions {
    host: string;
    port: number;
    username: string;
    password: string;
    /** TLS options, or undefined for plain TCP. */
    tls?: TlsOptions;
    connectTimeoutMs: number;
    limits: SentenceLimits;
}
export declare class ApiConnection {
    private readonly socket;
    private readonly where;
    private readonly reader;
    private readonly handlers;
    private nextTag;
    private failure;
    /** Tags whose consumer asked the socket to pause (a stream's queue at its high-water mark). */
    private readonly pausedBy;
    private constructor();
    /** Connects and logs in; fails with RouterOSError (never naming the password) when either does not happen in time. */
    static open(options: ApiConnectionOptions): Promise<ApiConnection>;
    /**
     * Sends a command (its words, without `.tag`, which is added) and hands each reply to `handler` until its `!done`
     * (after a `!trap` too) or the connection's failure. Returns the tag.
     */
    send(words: readonly string[], handler: ReplyHandler): string;
    /** Runs a command to its end: the `!re` attributes go to `each`, the `!done` attributes resolve; a `!trap` rejects. */
    run(words: readonly string[], each: (attrs: Record<string, string>) => void, timeoutMs?: number): Promise<Record<string, string>>;
    /** `/cancel` of one tag: its command ends with `!trap interrupted` and `!done`, which its handler still gets. */
    cancel(tag: string, timeoutMs?: number): Promise<void>;
    /** A consumer that cannot keep up pauses reading; the router then waits (TCP backpressure). */
    pause(tag: string): void;
    resume(tag: string): void;
    get closed(): boolean;
    close(): Promise<void>;
    private receive;
    /** Ends the connection once: every command still waiting fails with the reason. */
    private fail;
}
