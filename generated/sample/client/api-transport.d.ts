import { type Operation, type Transport } from "./runtime.js";
/** The API protocol (`transport: "api"`): TCP 8728, or TLS on 8729 with `tls`. */
export interface ApiClientOptions {
    transport: "api";
    /** `192.168.88.1` */
    host: string;
    /** Default 8729 with `tls`, 8728 without. */
    port?: number;
    username: string;
    password: string;
    /** TLS (API-SSL, port 8729), checked as the REST client checks it. */
    tls?: {
        /** Accept any certificate, such as a router's self-signed one. */
        insecure?: boolean;
        /** PEM of the CA (or the router's own certificate) to trust. */
        ca?: string;
        /**
         * Anonymous Diffie-Hellman, which RouterOS offers when api-ssl has no certificate: encrypted but unauthenticated
         * (anyone on the path can pose as the router). Only when asked; a warning is emitted.
         */
        anonymousDh?: boolean;
    };
    /**
     * Send the password over plain TCP (8728) to a router that is not this machine. Without TLS, anyone on the path
     * reads it: refused unless set (a loopback address, such as the simulator's, needs no opt-in).
     */
    allowPlaintextLogin?: boolean;
    /** Per command (not per stream). Default 60 000. */
    timeoutMs?: number;
    /** To connect and log in. Default 10 000. */
    connectTimeoutMs?: number;
    /** Largest reply of one call, in bytes of its words: past it the connection is closed. Default 64 MiB. */
    maxReplyBytes?: number;
    /** Largest word and sentence read. Default 1 MiB and 4 MiB. */
    maxWordBytes?: number;
    maxSentenceBytes?: number;
    /** Replies a stream holds for a slow consumer before reading pauses. Default 1000. */
    streamHighWater?: number;
}
export declare class ApiTransport implements Transport {
    private readonly options;
    private connection;
    private readonly timeoutMs;
    private readonly maxReplyBytes;
    private readonly highWater;
    constructor(options: ApiClientOptions);
    /** The client's one connection, opened on first use (again after it failed). */
    private connect;
    private reconnect;
    /** Runs one command to its end: its `!re` attributes (within maxReplyBytes) and its `!done`'s. */
    private run;
    /** The item's attributes, or RouterOS's REST error for a missing one. */
    private item;
    call<T>(op: Operation): Promise<T>;
    /** A command that runs until stopped; a print follows (`follow`, unless `follow-only` is asked). */
    stream<T>(op: Operation): AsyncIterable<T>;
    /** One run of a stream: replies queued up to the high-water mark (then reading pauses), `/cancel` on leaving early. */
    private iterate;
    close(): Promise<void>;
}
