#!/usr/bin/env node
/**
 * Start the production server: `next start -H ${HOST:-127.0.0.1} -p ${PORT:-3000}`. Refuses (exit 1) to listen on
 * a non-loopback HOST without ROOMCODE_AUTH_TOKEN (at least 16 characters), before anything binds a port. The
 * same rule runs again inside the server (instrumentation.ts, server/auth/settings.ts), which also covers a bare
 * `next start`. Extra arguments are passed to `next start`.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const MIN_TOKEN_CHARS = 16;

/** Loopback: 127.0.0.0/8, ::1, localhost (as in server/auth/settings.ts). */
function isLoopback(host) {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || h === "0:0:0:0:0:0:0:1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

const host = (process.env.HOST ?? "").trim() || "127.0.0.1";
const port = (process.env.PORT ?? "").trim() || "3000";
const token = (process.env.ROOMCODE_AUTH_TOKEN ?? "").trim();

if (token && token.length < MIN_TOKEN_CHARS) {
  console.error(`roomcode: ROOMCODE_AUTH_TOKEN is ${token.length} characters long; use at least ${MIN_TOKEN_CHARS} (e.g. \`openssl rand -hex 24\`).`);
  process.exit(1);
}
if (!isLoopback(host) && !token) {
  console.error(
    `roomcode: refusing to listen on ${host} (reachable from other machines) without authentication: set ROOMCODE_AUTH_TOKEN (at least ${MIN_TOKEN_CHARS} characters), or leave HOST unset to listen on 127.0.0.1 only.`,
  );
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "-H", host, "-p", port, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, HOST: host, PORT: port } });
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
