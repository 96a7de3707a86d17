import "server-only";
/**
 * The store's SqlDatabase on Postgres, synchronous like better-sqlite3: every statement is sent to a worker thread
 * that owns one `pg` connection (./postgres-worker.ts) while this thread blocks in Atomics.wait, so the ~180
 * synchronous `getStore()` callers keep working and a `transaction(fn)` spans exactly the synchronous calls of
 * `fn` on that one connection (BEGIN ... COMMIT/ROLLBACK, nested calls as SAVEPOINTs). The outermost BEGIN takes
 * a transaction-scoped advisory lock, so write transactions of all processes sharing the database run one at a
 * time, as SQLite's BEGIN IMMEDIATE does. `?` and `@name` parameters become `$n`; INTEGER reads as number, TEXT
 * as string, NULL as null, BYTEA as Buffer. Every failure is an Error tagged `store:` (with the SQLSTATE in
 * `code` when Postgres gave one); an unreachable server fails the first statement within the connect timeout,
 * and statements in the following UNREACHABLE_COOLDOWN_MS at once with the same error.
 */
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { POSTGRES_WORKER_SOURCE } from "./postgres-worker";
import type { SqlArgs, SqlDatabase, SqlFunction, SqlStatement, SqlTransaction } from "./sql";

/** Advisory lock key held by every write transaction (pg_advisory_xact_lock): one writer at a time. */
export const WRITE_LOCK_KEY = 0x526f6f6d; // "Room"

/** Advisory lock key held while migrating (pg_advisory_lock): concurrent starts migrate once. */
export const MIGRATION_LOCK_KEY = 0x4d696772; // "Migr"

/** Connection and statement limits (ms). */
export interface PostgresOptions {
  /** Longest wait for a connection (pg connectionTimeoutMillis); default 5000. */
  connectTimeoutMs?: number;
  /** Postgres statement_timeout, which also bounds lock waits; default 30000. */
  statementTimeoutMs?: number;
}

/** A statement compiled for Postgres: `$n` text and, per `$n`, the positional index or the name it takes. */
interface Compiled {
  text: string;
  slots: (number | string)[];
  named: boolean;
}

/**
 * Rewrite `?` (positional) or `@name` (named) parameters as `$1..$n`, leaving string literals, quoted identifiers
 * and comments alone; a name used twice maps to one `$n`. Throws a `store:` Error when both styles are mixed.
 */
export function compileSql(sql: string): Compiled {
  let out = "";
  const slots: (number | string)[] = [];
  const byName = new Map<string, number>();
  let positional = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const j = sql.indexOf("\n", i);
      const end = j < 0 ? sql.length : j;
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "/" && sql[i + 1] === "*") {
      const j = sql.indexOf("*/", i + 2);
      const end = j < 0 ? sql.length : j + 2;
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "?") {
      slots.push(positional++);
      out += `$${slots.length}`;
      i += 1;
    } else if (ch === "@" && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      let n = byName.get(m[0]);
      if (n === undefined) {
        slots.push(m[0]);
        n = slots.length;
        byName.set(m[0], n);
      }
      out += `$${n}`;
      i += 1 + m[0].length;
    } else {
      out += ch;
      i += 1;
    }
  }
  if (positional > 0 && byName.size > 0) throw new Error(`store: a statement mixes ? and @name parameters: ${sql.slice(0, 120)}`);
  return { text: out, slots, named: byName.size > 0 };
}

/** The bound values of a compiled statement for better-sqlite3-style arguments (positional values, or one object of named values). */
export function bindValues(c: Compiled, args: unknown[]): unknown[] {
  if (!c.named) {
    if (args.length !== c.slots.length) throw new Error(`store: statement takes ${c.slots.length} parameters, got ${args.length}: ${c.text.slice(0, 120)}`);
    return args;
  }
  const obj = args[0];
  if (args.length !== 1 || typeof obj !== "object" || obj === null) throw new Error(`store: statement takes one object of named parameters: ${c.text.slice(0, 120)}`);
  return c.slots.map((name) => {
    if (!(name in obj)) throw new Error(`store: missing named parameter @${String(name)}`);
    return (obj as Record<string, unknown>)[name as string];
  });
}

/** `postgres://user:***@host:port/db`: the URL with its password hidden, for logs and health. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: { message: string; code: string | null; detail: string | null; unreachable: boolean };
}

/** How long (ms) a failed connection attempt is answered from memory, so an unreachable server does not block every request for the connect timeout. */
export const UNREACHABLE_COOLDOWN_MS = 2000;

/** Per URL: until when (epoch ms) the last connection failure is repeated without a new attempt. */
const unreachable = new Map<string, { until: number; message: string; code: string | null }>();

/** Buffers for BYTEA values (structured clone turns them into plain Uint8Arrays). */
function revive(row: unknown): unknown {
  if (!row || typeof row !== "object") return row;
  const r = row as Record<string, unknown>;
  for (const k in r) {
    const v = r[k];
    if (v instanceof Uint8Array && !Buffer.isBuffer(v)) r[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
  return r;
}

/** A synchronous Postgres connection implementing SqlDatabase (see the module comment). */
export class PostgresDatabase implements SqlDatabase {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly compiled = new Map<string, Compiled>();
  private closed = false;
  private readonly connectTimeoutMs: number;
  private readonly statementTimeoutMs: number;

  constructor(
    readonly url: string,
    opts: PostgresOptions = {},
  ) {
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 5000;
    this.statementTimeoutMs = opts.statementTimeoutMs ?? 30_000;
  }

  /** False once closed. */
  get open(): boolean {
    return !this.closed;
  }

  private start(): MessagePort {
    if (this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(POSTGRES_WORKER_SOURCE, {
      eval: true,
      workerData: {
        port: port2,
        flag: this.flag,
        url: this.url,
        connectTimeoutMs: this.connectTimeoutMs,
        statementTimeoutMs: this.statementTimeoutMs,
        writeLockKey: WRITE_LOCK_KEY,
        requireFrom: path.join(process.cwd(), "package.json"),
      },
      transferList: [port2],
    });
    // The worker must neither keep a finished script alive nor crash this process; a dead worker shows as a timeout.
    worker.on("error", () => undefined);
    worker.unref();
    port1.unref();
    this.worker = worker;
    this.port = port1;
    return port1;
  }

  private stop(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = null;
    this.port = null;
  }

  /** Send one request to the worker and block until it answers; throws a `store:` Error on failure or timeout. */
  private call(msg: Record<string, unknown>): unknown {
    if (this.closed) throw new Error("store: the Postgres store is closed");
    const down = unreachable.get(this.url);
    if (down && down.until > Date.now()) throw Object.assign(new Error(down.message), down.code ? { code: down.code } : {});
    const port = this.start();
    Atomics.store(this.flag, 0, 0);
    port.postMessage(msg);
    const waitMs = this.connectTimeoutMs + this.statementTimeoutMs + 5000;
    Atomics.wait(this.flag, 0, 0, waitMs);
    const reply = receiveMessageOnPort(port)?.message as Reply | undefined;
    if (!reply) {
      this.stop();
      throw new Error(`store: Postgres at ${redactUrl(this.url)} gave no answer within ${waitMs} ms`);
    }
    if (!reply.ok) {
      const e = reply.error!;
      const err = new Error(`store: ${e.message}${e.detail ? ` (${e.detail})` : ""}${e.code ? ` [${e.code}]` : ""}`) as Error & { code?: string };
      if (e.code) err.code = e.code;
      if (e.unreachable) unreachable.set(this.url, { until: Date.now() + UNREACHABLE_COOLDOWN_MS, message: err.message, code: e.code });
      throw err;
    }
    unreachable.delete(this.url);
    return reply.value;
  }

  private compile(sql: string): Compiled {
    let c = this.compiled.get(sql);
    if (!c) {
      c = compileSql(sql);
      this.compiled.set(sql, c);
    }
    return c;
  }

  /** Prepare a statement (compiled once; the worker keeps it as a named prepared statement per connection). */
  prepare(sql: string): SqlStatement {
    const c = this.compile(sql);
    const send = (mode: "get" | "all" | "run", args: unknown[]) => this.call({ op: "query", sql: c.text, params: bindValues(c, args), mode });
    return {
      get: (...args) => revive(send("get", args)),
      all: (...args) => (send("all", args) as unknown[]).map(revive),
      run: (...args) => send("run", args) as { changes: number },
    };
  }

  /**
   * The first column of the first row of `select` (`?` or `@name` parameters, strings or numbers only) as raw bytes,
   * or null when there is no row or it is NULL: read through a binary COPY, so a bytea arrives without hex text, and
   * handed over from the worker without a copy. Throws a `store:` Error like `prepare`.
   */
  readBytes(select: string, ...args: unknown[]): Buffer | null {
    const c = this.compile(select);
    const v = this.call({ op: "bytes", sql: c.text, params: bindValues(c, args) }) as Uint8Array | null;
    return v && Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }

  /** Run statements without parameters (simple query protocol: several statements may be given). */
  exec(sql: string): this {
    this.call({ op: "exec", sql });
    return this;
  }

  /** Wrap `fn` as a transaction (see the module comment); `fn` must be synchronous. */
  transaction<F extends SqlFunction>(fn: F): SqlTransaction<F> {
    const run = (...args: SqlArgs<F>): ReturnType<F> => {
      this.call({ op: "tx", action: "begin" });
      let out: unknown;
      try {
        out = fn(...args);
        if (out && typeof (out as { then?: unknown }).then === "function") throw new Error("store: a transaction function must not return a promise");
      } catch (e) {
        try {
          this.call({ op: "tx", action: "rollback" });
        } catch {
          // The first error is the one to report; a lost connection rolled back already.
        }
        throw e;
      }
      this.call({ op: "tx", action: "commit" });
      return out as ReturnType<F>;
    };
    return Object.assign(run, { immediate: run });
  }

  /** PRAGMA is SQLite's: always throws a `store:` Error. */
  pragma(source: string): never {
    throw new Error(`store: PRAGMA ${source} is SQLite-only; this store is on Postgres`);
  }

  /** Close the connection and stop the worker (idempotent). */
  close(): this {
    if (this.closed) return this;
    if (this.port) {
      try {
        this.call({ op: "close" });
      } catch {
        // Closing anyway.
      }
    }
    this.closed = true;
    this.stop();
    return this;
  }
}
