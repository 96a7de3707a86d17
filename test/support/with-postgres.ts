/**
 * `tsx --conditions react-server test/support/with-postgres.ts <command...>`: runs the command with DATABASE_URL set to a throwaway
 * PostgreSQL cluster on a free loopback port (test/support/postgres.ts `startPostgres`), then stops and removes the
 * cluster. `npm test` uses it to run the store-backed integration tests a second time on Postgres; every test's temp
 * data dir then gets its own empty database on that server (test/support/env.ts). Exits with the command's status.
 */
import { spawn } from "node:child_process";
import { startPostgres } from "./postgres";

async function main(): Promise<number> {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    console.error("usage: tsx --conditions react-server test/support/with-postgres.ts <command> [args...]");
    return 2;
  }
  const cluster = await startPostgres();
  const url = cluster.url("postgres");
  console.log(`with-postgres: PostgreSQL on 127.0.0.1:${cluster.port} (DATABASE_URL=${url})`);
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
      child.on("error", (e) => {
        console.error(`with-postgres: ${e.message}`);
        resolve(1);
      });
    });
  } finally {
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`with-postgres: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
