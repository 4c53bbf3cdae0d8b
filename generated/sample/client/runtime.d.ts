import type { ApiClientOptions } from "./api-transport.js";
/** The REST API (`https://router/rest`); the default transport. */
export interface RestClientOptions {
    transport?: "rest";
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
/** REST (`baseUrl`) or the API protocol (`transport: "api"`, `host`): the same client either way. */
export type ClientOptions = RestClientOptions | ApiClientOptions;
/**
 * An error reply of RouterOS (`{error, message, detail}`: `message` is the router's, such as `Not Found`,
 * `detail` says why, such as `no such item`), or a failure to get one (status 0).
 */
export declare class RouterOSError extends Error {
    /** HTTP status (the reply's `error`); 0 when no reply came. Over the API: 401 for a refused login, else 0. */
    readonly status: number;
    readonly detail?: string | undefined;
    /** Over the API: the `!trap`'s `category`, when RouterOS gives one (status is then 0, `message` the trap's). */
    readonly category?: string | undefined;
    constructor(
    /** HTTP status (the reply's `error`); 0 when no reply came. Over the API: 401 for a refused login, else 0. */
    status: number, message: string, detail?: string | undefined, 
    /** Over the API: the `!trap`'s `category`, when RouterOS gives one (status is then 0, `message` the trap's). */
    category?: string | undefined);
}
type Wire = Record<string, unknown>;
/**
 * One call of the client, as a transport carries it out: a REST verb on a menu (`list`, `get`, `add`, `set`,
 * `remove`), the typed `print`, or a console command with its args.
 */
export interface Operation {
    /** `/ip/address`; `""` at the root. */
    menu: string;
    verb?: "list" | "get" | "add" | "set" | "remove" | "print";
    /** A console command (`monitor-traffic`), when not a verb. */
    command?: string;
    /** The item: `.id` (`*1`) or its name. */
    id?: string;
    /** The verb's or command's args (of `print`: `PrintArgs`). */
    args?: object;
    /** `list`: equality on properties, and the properties wanted. */
    filter?: object;
    options?: {
        proplist?: readonly string[];
    };
}
/** What the client calls: REST (RestTransport) and the API protocol (ApiTransport) carry out the same operations. */
export interface Transport {
    call<T>(op: Operation): Promise<T>;
    /** A command that runs until stopped, its replies as they come; leaving the loop stops it. */
    stream<T>(op: Operation): AsyncIterable<T>;
    close(): Promise<void>;
}
/** A console command's word: `/interface/monitor-traffic`, `/ping`. */
export declare const commandPath: (op: Operation) => string;
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
/** Values as RouterOS takes them: strings, lists joined with commas. */
export declare function toWire(body: object | undefined): Wire | undefined;
export declare class RestTransport implements Transport {
    private readonly base;
    private readonly auth;
    private readonly agent;
    private readonly timeoutMs;
    private readonly maxReplyBytes;
    constructor(options: RestClientOptions);
    private request;
    /** An operation as REST has it (restRequest). */
    call<T>(op: Operation): Promise<T>;
    /** REST answers each request once (a command that runs on is cut off after 60 s): streams need the API protocol. */
    stream<T>(op: Operation): AsyncIterable<T>;
    close(): Promise<void>;
}
/** An operation as one REST request: the method, the path below the base, the JSON body, the query parameters. */
export interface RestRequest {
    method: "GET" | "PUT" | "PATCH" | "DELETE" | "POST";
    /** `/ip/address/*1`: the id escaped as one segment (itemPath). */
    path: string;
    body?: object;
    query?: Record<string, string>;
}
/**
 * Verbs as HTTP methods on the menu or item URL (`list` with its filters as query parameters and `.proplist` as a
 * comma list), commands as POSTs, `print`'s `proplist` and `query` as `.proplist` and `.query`.
 */
export declare function restRequest(op: Operation): RestRequest;
/** Where an item lives: `.id` (`*1`) or name, escaped for the URL; never a dot segment (ids.ts). */
export declare const itemPath: (menu: string, id: string) => string;
/** `"true"`/`"yes"` → true, `"false"`/`"no"` → false, anything else → undefined. */
export declare function asBoolean(value: string | undefined): boolean | undefined;
/** `"1500"` → 1500; not a number → undefined. */
export declare function asNumber(value: string | undefined): number | undefined;
/** A RouterOS duration in milliseconds: `"2d20h12m20s"`, `"500ms"`, `"30"`, `"00:00:30"`, `"1d00:00:00.5"`; else undefined. */
export declare function asDuration(value: string | undefined): number | undefined;
export {};
