/**
 * The client's operations over the RouterOS API protocol, answering as REST
 * answers them (the same client, the same results): verbs become commands
 * (`list` a print with `?name=value` queries, `add` an add and a print of
 * the new item), commands answer REST's way (a list of `!re`, or the
 * `!done`'s data, or `[]`), and `!trap` is a RouterOSError with RouterOS's
 * message. Values stay strings both ways. Commands that run until stopped
 * are streams: their `!re` in a bounded queue, the socket paused while it is
 * full, `/cancel` when the consumer leaves.
 * Shipped beside the generated client as api-transport.js; do not edit.
 */
import type { ConnectionOptions as TlsOptions } from "node:tls";
import { DEFAULT_SENTENCE_LIMITS } from "./api-codec.js";
import { ApiConnection, type ApiReply } from "./api-connection.js";
import { commandPath, RouterOSError, toWire, type Operation, type Transport } from "./runtime.js";

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

type Attrs = Record<string, string>;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);

/** The TLS options of the connection: verified as REST verifies (a CA, or insecure), anonymous DH only when asked. */
function tlsOptions(tls: NonNullable<ApiClientOptions["tls"]>): TlsOptions {
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
function argWords(args: object | undefined): string[] {
  const wire = toWire(args) ?? {};
  const words: string[] = [];
  for (const [name, value] of Object.entries(wire)) {
    if (name === ".query") words.push(...(value as unknown[]).map((q) => `?${String(q)}`));
    else words.push(`=${name}=${String(value)}`);
  }
  return words;
}

/** A print's args: `proplist` and `query` as `.proplist` and `.query`, as REST sends them. */
function printWords(args: object | undefined): string[] {
  const { proplist, query, ...rest } = (args ?? {}) as { proplist?: readonly string[]; query?: readonly string[] };
  return argWords({ ...rest, ...(proplist ? { ".proplist": proplist } : {}), ...(query ? { ".query": query } : {}) });
}

/** An item by `.id` (`*1`) or, as REST's item URLs take it, by name. */
const itemQuery = (id: string): string => (id.startsWith("*") ? `?.id=${id}` : `?name=${id}`);

export class ApiTransport implements Transport {
  private connection: Promise<ApiConnection> | undefined;
  private readonly timeoutMs: number;
  private readonly maxReplyBytes: number;
  private readonly highWater: number;

  constructor(private readonly options: ApiClientOptions) {
    const plain = !options.tls;
    if (plain && !options.allowPlaintextLogin && !LOOPBACK.has(options.host)) {
      throw new RouterOSError(
        0,
        `refusing to log in to ${options.host} over plain TCP`,
        "the password would cross the network unencrypted: use tls (port 8729), or set allowPlaintextLogin",
      );
    }
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxReplyBytes = options.maxReplyBytes ?? 64 * 1024 * 1024;
    this.highWater = options.streamHighWater ?? 1000;
  }

  /** The client's one connection, opened on first use (again after it failed). */
  private connect(): Promise<ApiConnection> {
    const open = this.connection;
    if (open) {
      return open.then(
        (c) => (c.closed ? this.reconnect() : c),
        () => this.reconnect(),
      );
    }
    return this.reconnect();
  }

  private reconnect(): Promise<ApiConnection> {
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
  private async run(words: string[]): Promise<{ items: Attrs[]; done: Attrs }> {
    const connection = await this.connect();
    const items: Attrs[] = [];
    let bytes = 0;
    const done = await connection.run(
      words,
      (attrs) => {
        for (const [name, value] of Object.entries(attrs)) bytes += name.length + value.length + 2;
        if (bytes > this.maxReplyBytes) throw new Error(`reply larger than maxReplyBytes (${this.maxReplyBytes} bytes)`);
        items.push(attrs);
      },
      this.timeoutMs,
    );
    return { items, done };
  }

  /** The item's attributes, or RouterOS's REST error for a missing one. */
  private async item(menu: string, id: string): Promise<Attrs> {
    const [item] = (await this.run([`${menu}/print`, itemQuery(id)])).items;
    if (!item) throw new RouterOSError(0, "no such item");
    return item;
  }

  async call<T>(op: Operation): Promise<T> {
    const { menu } = op;
    switch (op.verb) {
      case "list": {
        const filters = Object.entries((op.filter ?? {}) as Record<string, string | undefined>).flatMap(([name, value]) =>
          value === undefined ? [] : [`?${name}=${value}`],
        );
        const proplist = op.options?.proplist ? [`=.proplist=${op.options.proplist.join(",")}`] : [];
        return (await this.run([`${menu}/print`, ...proplist, ...filters])).items as T;
      }
      case "get":
        if (op.id !== undefined) return (await this.item(menu, op.id)) as T;
        return ((await this.run([`${menu}/print`])).items[0] ?? {}) as T;
      case "add": {
        const { done } = await this.run([`${menu}/add`, ...argWords(op.args)]);
        return (await this.item(menu, done["ret"] ?? "")) as T;
      }
      case "set": {
        // By `.id`: a set that renames the item finds it again.
        const id = op.id!.startsWith("*") ? op.id! : ((await this.item(menu, op.id!))[".id"] ?? op.id!);
        await this.run([`${menu}/set`, `=.id=${id}`, ...argWords(op.args)]);
        return (await this.item(menu, id)) as T;
      }
      case "remove":
        await this.run([`${menu}/remove`, `=.id=${op.id!}`]);
        return undefined as T;
      case "print":
        return (await this.run([commandPath(op), ...printWords(op.args)])).items as T;
      default: {
        // As REST answers a command: the `!re` replies, else the `!done`'s data, else [].
        const { items, done } = await this.run([commandPath(op), ...argWords(op.args)]);
        return (items.length > 0 ? items : Object.keys(done).length > 0 ? done : []) as T;
      }
    }
  }

  /** A command that runs until stopped; a print follows (`follow`, unless `follow-only` is asked). */
  stream<T>(op: Operation): AsyncIterable<T> {
    const args = { ...(op.args ?? {}) } as Record<string, unknown>;
    if (op.verb === "print" && !("follow" in args) && !("follow-only" in args)) args["follow"] = "";
    const words = [commandPath(op), ...(op.verb === "print" || op.command === "listen" ? printWords(args) : argWords(args))];
    return { [Symbol.asyncIterator]: () => this.iterate<T>(words) };
  }

  /** One run of a stream: replies queued up to the high-water mark (then reading pauses), `/cancel` on leaving early. */
  private iterate<T>(words: string[]): AsyncIterator<T> {
    const queue: Attrs[] = [];
    let end: { error?: RouterOSError } | undefined;
    let wake: (() => void) | undefined;
    let started: Promise<{ connection: ApiConnection; tag: string }> | undefined;
    let cancelled = false;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    const start = () =>
      (started ??= this.connect().then((connection) => {
        const tag = connection.send(words, {
          reply: ({ type, attrs }: ApiReply) => {
            if (type === "!re") {
              // After a cancel the replies still on their way are dropped: nothing may pause the socket before
              // the cancel's own `!done` is read.
              if (cancelled) return;
              queue.push(attrs);
              if (queue.length >= this.highWater) connection.pause(tag);
            } else if (type === "!trap") {
              // The `interrupted` of our own /cancel is the end, not an error.
              if (!cancelled) end ??= { error: new RouterOSError(0, attrs["message"] ?? "failed", undefined, attrs["category"]) };
            } else if (type === "!done") end ??= {};
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
      next: async (): Promise<IteratorResult<T>> => {
        const { connection, tag } = await start();
        while (queue.length === 0 && !end) await new Promise<void>((resolve) => (wake = resolve));
        const value = queue.shift();
        if (queue.length <= this.highWater / 2) connection.resume(tag);
        if (value) return { value: value as T, done: false };
        if (end?.error) throw end.error;
        return { value: undefined, done: true };
      },
      return: async (): Promise<IteratorResult<T>> => {
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

  async close(): Promise<void> {
    const open = this.connection;
    this.connection = undefined;
    const connection = await open?.catch(() => undefined);
    await connection?.close();
  }
}
