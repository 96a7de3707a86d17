/**
 * A real PostgreSQL for tests. `testDatabase()` gives a fresh, empty database and its `postgres://` URL: on the
 * server named by DATABASE_URL when that is set (CI starts one), else on a throwaway cluster that
 * `startPostgres()` initdb's in a temp dir and starts on a free loopback port (Debian's postgresql 15 binaries under
 * /usr/lib/postgresql/<version>/bin, or PG_BIN). Postgres refuses to run as root, so as root the cluster runs as
 * the `postgres` user (runuser) with the temp dir chowned to it. `drop()` removes the database, and the cluster
 * with it when it was started here.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { PostgresDatabase } from "../../server/store/postgres";
import { freePort } from "./net";

const run = promisify(execFile);

/** Directory of the PostgreSQL server binaries (PG_BIN, else the newest /usr/lib/postgresql/<n>/bin), or null. */
export function postgresBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

/** A running throwaway cluster: superuser `roomcode` without password on 127.0.0.1:`port`. */
export interface PgCluster {
  port: number;
  dir: string;
  /** URL of database `db` on this cluster. */
  url(db: string): string;
  /** Stop the server (immediate shutdown) and remove its directory. */
  stop(): Promise<void>;
}

const asRoot = () => process.getuid?.() === 0;

/** Run a PostgreSQL binary, as the `postgres` user when this process is root. */
async function pgExec(bin: string, args: string[]): Promise<string> {
  const [cmd, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  try {
    const { stdout } = await run(cmd, argv, { maxBuffer: 4 << 20 });
    return stdout;
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`${path.basename(bin)} failed: ${err.stderr || err.message}`);
  }
}

/** initdb a cluster in a new temp dir and start it on a free loopback port (fsync off: a test cluster). Throws when postgresql is not installed. */
export async function startPostgres(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error("postgresql is not installed: apt-get install postgresql (npm test installs it through scripts/ensure-system.sh)");
  if (asRoot() && spawnSync("id", ["-u", "postgres"]).status !== 0) throw new Error("running as root but there is no `postgres` user to run the server as");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-pg-"));
  const data = path.join(dir, "data");
  if (asRoot()) fs.chownSync(dir, Number(spawnSync("id", ["-u", "postgres"]).stdout), Number(spawnSync("id", ["-g", "postgres"]).stdout));
  await pgExec(path.join(bin, "initdb"), ["-D", data, "-U", "roomcode", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  await pgExec(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "server.log"), "-o", opts, "-w", "-t", "60", "start"]);
  return {
    port,
    dir,
    url: (db) => `postgres://roomcode@127.0.0.1:${port}/${db}`,
    async stop() {
      try {
        await pgExec(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A fresh database: its URL and `drop()`, which removes it (and the cluster, when one was started for it). */
export interface TestDatabase {
  url: string;
  /** The cluster started for it (null when it lives on the DATABASE_URL server). */
  cluster: PgCluster | null;
  /** A further fresh database on the same server. */
  another(): Promise<string>;
  drop(): Promise<void>;
}

let syncMade = 0;

/**
 * Create an empty database `roomcode_test_<pid>_<n>` on the server of `serverUrl` synchronously (through the store's
 * synchronous Postgres adapter) and return its URL. Throws a `store:` Error when the server cannot be reached.
 */
export function createDatabaseSync(serverUrl: string): string {
  const name = `roomcode_test_${process.pid}_s${syncMade++}_${Date.now().toString(36)}`;
  const admin = new PostgresDatabase(serverUrl, { connectTimeoutMs: 10_000 });
  try {
    admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    admin.close();
  }
  return withDatabase(serverUrl, name);
}

/** Replace the database name of a postgres:// URL. */
function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Create an empty database on the DATABASE_URL server (read when this is called), or on a throwaway cluster
 * when DATABASE_URL is unset. Names are `roomcode_test_<pid>_<n>`.
 */
export async function testDatabase(serverUrl: string | undefined = process.env.DATABASE_URL): Promise<TestDatabase> {
  const cluster = serverUrl ? null : await startPostgres();
  const base = serverUrl ?? cluster!.url("postgres");
  const made: string[] = [];
  const create = async () => {
    const name = `roomcode_test_${process.pid}_${Date.now().toString(36)}_${made.length}`;
    await admin(base, (c) => c.query(`CREATE DATABASE ${name}`));
    made.push(name);
    return withDatabase(base, name);
  };
  const url = await create();
  return {
    url,
    cluster,
    another: create,
    async drop() {
      if (cluster) return cluster.stop();
      await admin(base, async (c) => {
        for (const name of made) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
  };
}
