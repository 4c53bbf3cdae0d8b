export interface ClientOptions {
    /** `https://192.168.88.1/rest` */
    baseUrl: string;
    username: string;
    password: string;
    tls?: {
        /** Accept any certificate, such as a router's self-signed one. */
        insecure?: boolean;
        /** PEM of the CA (or the router's own certificate) to trust. */
        ca?: string;
    };
    /** Per request; RouterOS itself ends commands after 60 s. Default 60 000. */
    timeoutMs?: number;
    /** Largest reply read, in bytes: a larger one is cut off and fails. Default 64 MiB; raise it for huge tables. */
    maxReplyBytes?: number;
}
/**
 * An error reply of RouterOS (`{error, message, detail}`: `message` is the router's, such as `Not Found`,
 * `detail` says why, such as `no such item`), or a failure to get one (status 0).
 */
export declare class RouterOSError extends Error {
    /** HTTP status (the reply's `error`); 0 when no reply came. */
    readonly status: number;
    readonly detail?: string | undefined;
    constructor(
    /** HTTP status (the reply's `error`); 0 when no reply came. */
    status: number, message: string, detail?: string | undefined);
}
/**
 * The args of a print: the command's own, with `proplist` (names of the item's properties, sent as `.proplist`)
 * and `query` (API query words, sent as `.query`). The console's own `proplist` arg is replaced: it names fewer properties.
 */
export type PrintArgs<Args, Item> = Omit<Args, "proplist" | ".proplist" | ".query"> & {
    proplist?: readonly (keyof Item & string)[];
    query?: readonly string[];
};
/** List filters: equality on the item's properties. */
export type Filter<Item> = {
    [K in keyof Item]?: string;
};
export declare class Transport {
    private readonly base;
    private readonly auth;
    private readonly agent;
    private readonly timeoutMs;
    private readonly maxReplyBytes;
    constructor(options: ClientOptions);
    request<T>(method: string, path: string, body?: object, query?: Record<string, string>): Promise<T>;
    /** GET on an item menu: filters as query parameters, `.proplist` as a comma list. */
    list<T>(path: string, filter?: Filter<T>, options?: {
        proplist?: readonly (keyof T & string)[];
    }): Promise<T[]>;
    /** POST print: `proplist` and `query` become `.proplist` and `.query`. */
    print<T>(path: string, args?: {
        proplist?: readonly string[];
        query?: readonly string[];
    }): Promise<T[]>;
    close(): Promise<void>;
}
/** Where an item lives: `.id` (`*1`) or name, escaped for the URL. */
export declare const itemPath: (menu: string, id: string) => string;
/** `"true"`/`"yes"` → true, `"false"`/`"no"` → false, anything else → undefined. */
export declare function asBoolean(value: string | undefined): boolean | undefined;
/** `"1500"` → 1500; not a number → undefined. */
export declare function asNumber(value: string | undefined): number | undefined;
/** A RouterOS duration in milliseconds: `"2d20h12m20s"`, `"500ms"`, `"30"`, `"00:00:30"`, `"1d00:00:00.5"`; else undefined. */
export declare function asDuration(value: string | undefined): number | undefined;
