import "server-only";
/**
 * Start-time exposure check (instrumentation.ts): the address this server listens on, from its own listening
 * sockets (what `next start -H` actually bound) or else the `-H`/`--hostname` argument, where `next start`
 * without one listens on every interface.
 */
import net from "node:net";
import { isLoopbackHost, securitySettings, unsafeToServe } from "./settings";

/** Addresses of this process's listening TCP servers (node's active handles), e.g. `["127.0.0.1"]`. */
function listeningAddresses(): string[] {
  const getHandles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles;
  if (typeof getHandles !== "function") return [];
  const out: string[] = [];
  for (const h of getHandles.call(process)) {
    if (h instanceof net.Server && h.listening) {
      const a = h.address();
      if (a && typeof a === "object") out.push(a.address);
    }
  }
  return out;
}

/** The `-H` / `--hostname` value of the command line, or null. */
export function hostnameArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === "-H" || a === "--hostname") && argv[i + 1]) return argv[i + 1];
    const m = /^--hostname=(.+)$/.exec(a);
    if (m) return m[1];
  }
  return null;
}

/**
 * The bind address to judge: a non-loopback listening address if any, else the first one, else `-H`, else
 * `0.0.0.0` for `next start`/`next dev` (Next's default is every interface).
 */
export function boundHost(argv: readonly string[] = process.argv): string {
  const addrs = listeningAddresses();
  const exposed = addrs.find((a) => !isLoopbackHost(a));
  if (exposed) return exposed;
  if (addrs.length) return addrs[0];
  return hostnameArg(argv) ?? "0.0.0.0";
}

/** Why this process must not serve (exposed without ROOMCODE_AUTH_TOKEN, or a too short token), or null. */
export function exposureProblem(argv: readonly string[] = process.argv, env: Record<string, string | undefined> = process.env): string | null {
  return unsafeToServe(securitySettings(env, boundHost(argv)));
}

/** Exit the process (code 1) with a clear message when `exposureProblem()` finds one; returns otherwise. */
export function refuseUnsafeExposure(): void {
  const problem = exposureProblem();
  if (!problem) return;
  console.error(`roomcode: ${problem}`);
  process.exit(1);
}
