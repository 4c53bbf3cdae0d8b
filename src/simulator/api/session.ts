/**
 * One API connection to the simulator: `/login` first, then commands routed
 * to the REST side's logic (one store, one set of rules), replies tagged as
 * the command was, streams (`listen`, print `follow`, ping and monitor without
 * their bound) until `/cancel`. Whatever breaks the protocol ends the
 * connection with one `!fatal`.
 */
import type { Socket } from "node:net";
import { ApiProtocolError, SentenceReader, encodeSentence } from "../../templates/api-codec.js";
import { durationMs } from "../../templates/duration.js";
import { longRunning } from "../../model/long-running.js";
import type { Menu } from "../../model/types.js";
import { pingEchoes } from "../ping.js";
import { compileQuery, QueryError } from "../query.js";
import { project, runsUntilStopped, splitList, type RestApi } from "../rest.js";
import type { Item, StoreChange } from "../store.js";
import { itemWords, replySentences, trap } from "./replies.js";

export interface ApiSessionOptions {
  api: RestApi;
  user: string;
  password: string;
  /** Whether an empty print says `!empty` (RouterOS 7.18 and later). */
  empty: boolean;
  /** Largest sentence (and word) read from the client. */
  maxSentenceBytes: number;
  /** How long a begun sentence may take to arrive whole. */
  sentenceTimeoutMs: number;
  /** Replies queued for a client that does not read them, past which its connection is dropped. */
  maxQueuedBytes: number;
}

/** A command that runs until stopped. */
interface Running {
  tag: string | undefined;
  stop(): void;
}

/** A command sentence's parts: `=name=value` args, `?` query words, the `.tag`. */
interface Parsed {
  args: Record<string, string>;
  queries: string[];
  tag: string | undefined;
}

function parse(words: readonly string[]): Parsed {
  const parsed: Parsed = { args: {}, queries: [], tag: undefined };
  for (const word of words) {
    if (word.startsWith("=")) {
      const at = word.indexOf("=", 1);
      parsed.args[at < 0 ? word.slice(1) : word.slice(1, at)] = at < 0 ? "" : word.slice(at + 1);
    } else if (word.startsWith("?")) parsed.queries.push(word);
    else if (word.startsWith(".tag=")) parsed.tag = word.slice(5);
  }
  return parsed;
}

/** The slowest and quickest a stream that repeats may tick (`interval=`; RouterOS's default is 1 s). */
const TICK = { default: 1000, min: 10 };

/** The args that name items: over the API `.id`, over REST `numbers`. */
function withNumbers(args: Record<string, string>): Record<string, string> {
  if (!(".id" in args) || "numbers" in args) return args;
  const { ".id": id, ...rest } = args;
  return { ...rest, numbers: id };
}

export class ApiSession {
  private readonly reader: SentenceReader;
  private loggedIn = false;
  private readonly running = new Set<Running>();
  private sentenceTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private draining = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: ApiSessionOptions,
  ) {
    this.reader = new SentenceReader({ maxWordBytes: options.maxSentenceBytes, maxSentenceBytes: options.maxSentenceBytes });
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    // The peer has gone: there is no one left to tell what went wrong.
    socket.on("end", () => this.close());
    socket.on("close", () => this.close());
    socket.on("error", () => this.close());
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    let sentences: string[][];
    try {
      sentences = this.reader.push(chunk);
    } catch (error) {
      if (error instanceof ApiProtocolError) return this.fatal(error.message);
      throw error;
    }
    for (const words of sentences) {
      if (this.closed) return;
      try {
        this.handle(words);
      } catch {
        // A fault of the simulator's own: this connection ends, the simulator serves on (as REST's 500s do).
        return this.fatal("simulator failure");
      }
    }
    if (this.reader.idle || sentences.length > 0) {
      clearTimeout(this.sentenceTimer);
      this.sentenceTimer = undefined;
    }
    if (!this.reader.idle && !this.sentenceTimer && !this.closed) {
      const ms = this.options.sentenceTimeoutMs;
      this.sentenceTimer = setTimeout(() => this.fatal(`API sentence not completed within ${ms} ms`), ms);
    }
  }

  private handle(words: string[]): void {
    const [command, ...rest] = words;
    if (command === undefined) return; // an empty sentence: nothing to do
    const { args, queries, tag } = parse(rest);
    if (command === "/quit") return this.fatal("session terminated on request");
    if (command === "/login") return this.login(args, tag);
    if (!this.loggedIn) return this.fatal("not logged in");
    if (command === "/cancel") return this.cancel(args["tag"], tag);
    this.command(command, withNumbers(args), queries, tag);
  }

  /** RouterOS 6.43 and later: name and password in the clear (over TLS where it matters). Never logged. */
  private login(args: Record<string, string>, tag: string | undefined): void {
    if (args["name"] === this.options.user && args["password"] === this.options.password) {
      this.loggedIn = true;
      return this.send([["!done"]], tag);
    }
    this.send([trap("invalid user name or password (6)"), ["!done"]], tag);
  }

  private command(word: string, args: Record<string, string>, queries: string[], tag: string | undefined): void {
    const { api } = this.options;
    if (!word.startsWith("/")) return this.send([trap("no such command"), ["!done"]], tag);
    const tokens = word.slice(1).split("/").filter(Boolean);
    if (tokens.at(-1) === "getall") tokens[tokens.length - 1] = "print"; // the API's older name of print
    const { menu, path, rest } = api.locate(tokens);
    const [name] = rest;
    if (rest.length === 1 && name !== undefined) {
      if (name === "listen" && path !== "/") return this.follow(path, args, queries, tag, false);
      if (menu.commands[name] && runsUntilStopped(name, menu, args)) return this.stream(path, menu, name, args, queries, tag);
    }
    const body = { ...args, ...(queries.length ? { ".query": queries } : {}) };
    const reply = api.handle({ method: "POST", tokens, query: new URLSearchParams(), body });
    this.send(replySentences(reply, { print: name === "print", empty: this.options.empty }), tag);
  }

  /** print with `follow`/`follow-only`/`interval`, ping without `count`, monitor without `once`: until cancelled. */
  private stream(path: string, menu: Menu, name: string, args: Record<string, string>, queries: string[], tag: string | undefined) {
    if (name === "print" && ("follow" in args || "follow-only" in args)) {
      const { follow: _f, "follow-only": only, ...rest } = args;
      return this.follow(path, rest, queries, tag, only === undefined);
    }
    const interval = Math.max(durationMs(args["interval"] ?? "") ?? TICK.default, TICK.min);
    const { interval: _i, ...bounded } = args;
    let rows: () => Item[];
    if (name === "ping") {
      const echoes = pingEchoes(args);
      rows = () => [echoes.next().value];
    } else {
      // Each tick answers what the bounded call answers once (`once`, `count=1`): the simulator's view of it.
      const bound = longRunning(name, menu.commands[name]!)?.[0];
      const tokens = [...path.split("/").filter(Boolean), name];
      const body = {
        ...bounded,
        ...(bound === "count" ? { count: "1" } : bound ? { [bound]: "" } : {}),
        ...(queries.length ? { ".query": queries } : {}),
      };
      rows = () => {
        const reply = this.options.api.handle({ method: "POST", tokens, query: new URLSearchParams(), body });
        return Array.isArray(reply.body) ? (reply.body as Item[]) : [];
      };
    }
    const tick = () => {
      // A client that does not read is not sent more: ticks pass until its socket drains.
      if (this.socket.writableNeedDrain) return;
      this.send(
        rows().map((row) => ["!re", ...itemWords(row)]),
        tag,
      );
    };
    const timer = setInterval(tick, interval);
    this.start(tag, () => clearInterval(timer));
    tick();
  }

  /** `listen`, and print `follow` (`initial`: the items first) / `follow-only`: every change of the menu, as it happens. */
  private follow(path: string, args: Record<string, string>, queries: string[], tag: string | undefined, initial: boolean): void {
    const { store } = this.options.api;
    let test: (item: Item) => boolean;
    try {
      test = compileQuery(queries);
    } catch (error) {
      if (error instanceof QueryError) return this.send([trap(error.message), ["!done"]], tag);
      throw error;
    }
    const proplist = splitList(args[".proplist"]);
    const row = (item: Item) => ["!re", ...itemWords(project([item], proplist)[0]!)];
    if (initial) this.send(store.list(path).filter(test).map(row), tag);
    const unwatch = store.watch((change: StoreChange) => {
      if (change.path !== path) return;
      if (change.dead) this.send([["!re", `=.id=${change.item[".id"] ?? ""}`, "=.dead=yes"]], tag);
      else if (test(change.item)) this.send([row(change.item)], tag);
    });
    this.start(tag, unwatch);
  }

  private start(tag: string | undefined, stop: () => void): void {
    this.running.add({ tag, stop });
  }

  /** `/cancel =tag=X`: X ends with `!trap` interrupted, the cancel with `!done`, then X with `!done`. Without a tag: all. */
  private cancel(target: string | undefined, tag: string | undefined): void {
    const stopped = [...this.running].filter((r) => target === undefined || r.tag === target);
    for (const r of stopped) {
      r.stop();
      this.running.delete(r);
      this.send([trap("interrupted", 2)], r.tag);
    }
    this.send([["!done"]], tag);
    for (const r of stopped) this.send([["!done"]], r.tag);
  }

  /** Sentences to the client, tagged. A client that lets more than the limit pile up unread is dropped. */
  private send(sentences: string[][], tag: string | undefined): void {
    if (this.closed) return;
    for (const words of sentences) {
      if (!this.socket.write(encodeSentence(tag === undefined ? words : [...words, `.tag=${tag}`])) && !this.draining) {
        // Read no more commands until the client reads its replies.
        this.draining = true;
        this.socket.pause();
        this.socket.once("drain", () => {
          this.draining = false;
          if (!this.closed) this.socket.resume();
        });
      }
    }
    if (this.socket.writableLength > this.options.maxQueuedBytes) {
      this.socket.destroy();
      this.close();
    }
  }

  /** One `!fatal` with its reason, then the connection ends; nothing more is read. */
  private fatal(reason: string): void {
    if (this.closed) return;
    this.socket.pause();
    this.socket.end(encodeSentence(["!fatal", reason]), () => this.socket.destroy());
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.sentenceTimer);
    for (const r of this.running) r.stop();
    this.running.clear();
  }
}
