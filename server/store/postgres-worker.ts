import "server-only";
/**
 * Source of the worker thread that owns the store's Postgres connection (one `pg` Client per PostgresDatabase).
 * It is evaluated as a CommonJS script (`new Worker(source, { eval: true })`) so that no bundler has to find a
 * worker file; `pg` is loaded from `workerData.requireFrom`. Protocol: the main thread posts one request on
 * `workerData.port` and blocks in Atomics.wait on `workerData.flag`; the worker posts `{ ok, value }` or
 * `{ ok: false, error }` back, then sets the flag to 1 and notifies.
 *
 * Requests: `{ op: "query", sql, params, mode: "get" | "all" | "run" }`, `{ op: "bytes", sql, params }` (the first
 * column of the first row as raw bytes through a binary COPY, transferred, or null), `{ op: "exec", sql }`,
 * `{ op: "tx", action: "begin" | "commit" | "rollback" }` (nesting depth kept here: nested begins are savepoints,
 * the outermost BEGIN also takes the store's write lock, `pg_advisory_xact_lock(workerData.writeLockKey)`, so
 * write transactions run one at a time as SQLite's BEGIN IMMEDIATE does), `{ op: "close" }`.
 * A connection lost inside a transaction refuses every statement until the main thread rolls back.
 */
export const POSTGRES_WORKER_SOURCE = String.raw`
"use strict";
const { workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const { port, flag, url, connectTimeoutMs, statementTimeoutMs, writeLockKey, requireFrom } = workerData;

let pg = null;
let loadError = null;
try {
  pg = createRequire(requireFrom)("pg");
  // int8 (COUNT(*), identity ids) and numeric as JS numbers, as SQLite gives them.
  pg.types.setTypeParser(20, (v) => { const n = Number(v); return Number.isSafeInteger(n) ? n : v; });
  pg.types.setTypeParser(1700, (v) => Number(v));
} catch (e) {
  loadError = e;
}

let client = null;
let connecting = null;
let depth = 0;
let lost = false;
// Prepared statement names per SQL text on the current connection.
const names = new Map();
let named = 0;

function where() {
  try {
    const u = new URL(url);
    return (u.hostname || "localhost") + ":" + (u.port || "5432") + u.pathname;
  } catch {
    return "DATABASE_URL";
  }
}

async function connection() {
  if (loadError) throw new Error("the pg client could not be loaded: " + loadError.message);
  if (lost) throw Object.assign(new Error("the connection to Postgres was lost inside a transaction; the transaction was rolled back"), { code: "08006" });
  if (client) return client;
  if (!connecting) {
    connecting = (async () => {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, statement_timeout: statementTimeoutMs, application_name: "roomcode", keepAlive: true });
      const drop = () => {
        if (client === c) {
          client = null;
          names.clear();
          named = 0;
          if (depth > 0) lost = true;
        }
      };
      c.on("error", drop);
      c.on("end", drop);
      try {
        await c.connect();
      } catch (e) {
        c.end().catch(() => undefined);
        throw Object.assign(new Error("cannot reach Postgres at " + where() + ": " + (e.message || e.code || String(e))), { code: e.code, unreachable: true });
      }
      client = c;
      return c;
    })().finally(() => (connecting = null));
  }
  return connecting;
}

function param(v) {
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? 1 : 0;
  return v === undefined ? null : v;
}

async function query(sql, params, mode) {
  const c = await connection();
  let name = names.get(sql);
  if (!name) {
    name = "roomcode_" + named++;
    names.set(sql, name);
  }
  const values = params.map(param);
  let res;
  try {
    res = await c.query({ name, text: sql, values });
  } catch (e) {
    // Another server's migration changed a table under a prepared SELECT *: prepare it again (outside a transaction,
    // where the failed statement has not aborted anything).
    if (!(e && e.code === "0A000" && depth === 0)) throw e;
    name = "roomcode_" + named++;
    names.set(sql, name);
    res = await c.query({ name, text: sql, values });
  }
  if (mode === "run") return { changes: res.rowCount || 0 };
  if (mode === "get") return res.rows[0];
  return res.rows;
}

// COPY takes no parameters: each $n of the SELECT becomes a quoted literal (quoted strings are left alone).
function inline(sql, params) {
  return sql.replace(/'(?:''|[^'])*'|"(?:""|[^"])*"|\$(\d+)/g, (m, n) => {
    if (n === undefined) return m;
    const v = param(params[Number(n) - 1]);
    if (v === null) return "NULL";
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (typeof v === "string") return pg.escapeLiteral(v);
    throw new Error("a bytes read takes only string and number parameters");
  });
}

// The first column of the first row of a SELECT, as raw bytes: COPY ... TO STDOUT (FORMAT binary) sends a bytea
// untouched, where a query's DataRow would carry it as hex text. The value is copied once out of pg's read buffer
// into memory of its own, so it can be transferred to the main thread. Null when there is no row or the value is NULL.
async function readBytes(sql, params) {
  const c = await connection();
  const chunks = [];
  await new Promise((resolve, reject) => {
    c.query({
      submit(con) { con.query("COPY (" + inline(sql, params) + ") TO STDOUT (FORMAT binary)"); },
      handleCopyData(msg) {
        const own = Buffer.allocUnsafeSlow(msg.chunk.length);
        msg.chunk.copy(own);
        chunks.push(own);
      },
      handleCommandComplete() {},
      handleError: reject,
      handleReadyForQuery: resolve,
    });
  });
  // Postgres sends the header with the first row in one CopyData message, so the value is usually inside the first chunk.
  const first = firstValue(chunks[0]);
  if (first !== undefined) return first;
  const all = Buffer.allocUnsafeSlow(chunks.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of chunks) o += b.copy(all, o);
  const value = firstValue(all);
  if (value === undefined) throw new Error("a binary COPY ended inside its first row");
  return value;
}

// The first row's first field of binary COPY data (header: 11-byte signature, int32 flags, int32 extension length and
// the extension; then per row an int16 field count, -1 at the end, and per field an int32 length, -1 for NULL, and the
// bytes): a view of data, null for no row or NULL, undefined when data ends before it.
function firstValue(data) {
  if (data.length < 19) return undefined;
  let at = 19 + data.readInt32BE(15);
  if (data.length < at + 2) return undefined;
  if (data.readInt16BE(at) < 1) return null;
  if (data.length < at + 6) return undefined;
  const len = data.readInt32BE(at + 2);
  if (len < 0) return null;
  at += 6;
  return data.length < at + len ? undefined : data.subarray(at, at + len);
}

async function tx(action) {
  if (action === "begin") {
    const c = await connection();
    if (depth === 0) {
      try {
        await c.query("BEGIN; SELECT pg_advisory_xact_lock(" + writeLockKey + ")");
      } catch (e) {
        await c.query("ROLLBACK").catch(() => undefined);
        throw e;
      }
    } else await c.query("SAVEPOINT roomcode_" + depth);
    depth += 1;
    return null;
  }
  if (depth === 0) throw new Error("no transaction is open");
  depth -= 1;
  if (lost) {
    if (depth === 0) lost = false;
    if (action === "commit") throw Object.assign(new Error("the connection to Postgres was lost inside a transaction; nothing was committed"), { code: "08006" });
    return null;
  }
  const c = await connection();
  if (action === "commit") {
    const res = await c.query(depth === 0 ? "COMMIT" : "RELEASE SAVEPOINT roomcode_" + depth);
    // COMMIT of a transaction that an earlier failed statement aborted answers ROLLBACK: nothing was written.
    if (depth === 0 && res.command === "ROLLBACK") throw Object.assign(new Error("the transaction was rolled back because a statement in it failed"), { code: "25P02" });
  } else {
    await c.query(depth === 0 ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT roomcode_" + depth + "; RELEASE SAVEPOINT roomcode_" + depth);
  }
  return null;
}

async function handle(msg) {
  switch (msg.op) {
    case "query":
      return query(msg.sql, msg.params, msg.mode);
    case "bytes":
      return readBytes(msg.sql, msg.params);
    case "exec":
      await (await connection()).query(msg.sql);
      return null;
    case "tx":
      return tx(msg.action);
    case "close": {
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
      return null;
    }
    default:
      throw new Error("unknown request " + msg.op);
  }
}

port.on("message", async (msg) => {
  let reply;
  try {
    reply = { ok: true, value: await handle(msg) };
  } catch (e) {
    reply = { ok: false, error: { message: String((e && e.message) || e), code: (e && e.code) || null, detail: (e && e.detail) || null, unreachable: !!(e && e.unreachable) } };
  }
  // A bytes read hands its memory over instead of copying it (it owns its ArrayBuffer, see readBytes).
  port.postMessage(reply, reply.ok && msg.op === "bytes" && reply.value ? [reply.value.buffer] : []);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;
