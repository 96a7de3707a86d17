import "server-only";
/**
 * The synchronous SQL surface the repositories use: the subset of better-sqlite3's `Database` that they call,
 * so better-sqlite3 implements it as-is and `PostgresDatabase` (./postgres.ts) implements it on Postgres.
 * Parameters are positional `?` or named `@name` (one plain object argument); INTEGER columns read as numbers,
 * TEXT as strings, NULL as null. Errors of the Postgres implementation are Errors tagged `store:`.
 */

/** A prepared statement: `get` the first row (undefined when none), `all` rows, `run` a write ({changes}: rows affected). */
export interface SqlStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}

/** Any function a transaction may wrap (better-sqlite3's VariableArgFunction). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SqlFunction = (...args: any[]) => unknown;

/** The arguments of a SqlFunction (better-sqlite3's ArgumentTypes). */
export type SqlArgs<F extends SqlFunction> = F extends (...args: infer A) => unknown ? A : never;

/** A function wrapped as one transaction: calling it (or `.immediate`) runs it inside BEGIN ... COMMIT, nested calls as savepoints. */
export interface SqlTransaction<F extends SqlFunction> {
  (...args: SqlArgs<F>): ReturnType<F>;
  immediate(...args: SqlArgs<F>): ReturnType<F>;
}

/** A synchronous database connection (better-sqlite3's Database or PostgresDatabase). */
export interface SqlDatabase {
  /** False once closed. */
  readonly open: boolean;
  /** Prepare one statement (`?` or `@name` parameters). */
  prepare(sql: string): SqlStatement;
  /** Run one or more statements without parameters (DDL). */
  exec(sql: string): unknown;
  /** Wrap `fn` as a transaction; a throw inside rolls back every write of it and rethrows. */
  transaction<F extends SqlFunction>(fn: F): SqlTransaction<F>;
  /** SQLite PRAGMA (better-sqlite3 only; PostgresDatabase throws a `store:` Error). */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  /** Close the connection. */
  close(): unknown;
}

/** Which backend a store runs on. */
export type StoreBackend = "sqlite" | "postgres";
