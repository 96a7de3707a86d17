/**
 * Health panel: Blender, pool, sandbox, engine, store and disk state in plain words (server-rendered data passed in). A
 * designer sees one status line; the details fold out, and are open when something is wrong.
 */
import type { ReactNode } from "react";

/** Health data as returned by GET /api/health (disk sizes in bytes, null when unknown). */
export interface HealthView {
  ok: boolean;
  reason: string | null;
  blender: { found: boolean; path: string | null; version: string | null };
  pool: { size: number; busy: number; queued: number; alive: number };
  sandbox: { enabled: boolean; reason: string | null };
  engine: { name: string; model: string | null; baseURL: string | null };
  store: { backend: "sqlite" | "postgres"; location: string; reachable: boolean; error: string | null };
  dataDir: string;
  disk: { freeBytes: number | null; totalBytes: number | null; ok: boolean };
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="flex gap-3 py-1 text-sm">
      <dt className="w-28 shrink-0 text-stone-500">{label}</dt>
      <dd data-testid={testId} className="min-w-0 break-words">
        {children}
      </dd>
    </div>
  );
}

function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

function workers(h: HealthView): string {
  const { alive, size, busy, queued } = h.pool;
  if (!h.blender.found) return "none (Blender is missing)";
  if (alive === 0) return `0 of ${size} running: none has started${queued ? `, ${queued} waiting` : ""}`;
  return `${alive} of ${size} ready, ${busy} busy, ${queued} queued`;
}

/** Shows the health state; when the machine cannot build objects it says so first, with the fix. */
export function HealthPanel({ health }: { health: HealthView }) {
  return (
    <section aria-label="System health" data-testid="health" data-ok={health.ok} className="rounded-lg border border-stone-200 bg-white px-4 py-2">
      {!health.ok && (
        <div role="alert" data-testid="health-problem" className="mb-3 rounded bg-red-50 p-2 text-sm text-red-800">
          <p className="font-medium">This machine cannot build rooms yet.</p>
          <p className="mt-1">{health.reason}</p>
          <p className="mt-1 text-red-700">Fix it, then reload this page (restart the server if it stays like this).</p>
        </div>
      )}
      <details open={!health.ok}>
        <summary className="cursor-pointer text-sm text-stone-600">
          Server status: {health.ok ? "ready" : <span className="font-medium text-red-700">needs attention</span>}
        </summary>
        <dl className="mt-1">
          <Row label="Blender" testId="health-blender">
            {health.blender.found ? `${health.blender.version} (${health.blender.path})` : "not found"}
          </Row>
          <Row label="Workers" testId="health-pool">
            {workers(health)}
          </Row>
          <Row label="Sandbox" testId="health-sandbox">
            {health.sandbox.enabled ? `on (bubblewrap)${health.sandbox.reason ? `; ${health.sandbox.reason}` : ""}` : `off: ${health.sandbox.reason ?? "unavailable"}`}
          </Row>
          <Row label="Engine" testId="health-engine">
            {health.engine.name === "offline" ? "offline (no network needed)" : `${health.engine.name}: ${health.engine.model} at ${health.engine.baseURL}`}
          </Row>
          <Row label="Store" testId="health-store">
            {health.store.backend === "postgres" ? "Postgres" : "SQLite"} at {health.store.location}
            {!health.store.reachable && <span className="font-medium text-red-700">: not answering</span>}
          </Row>
          <Row label="Data" testId="health-datadir">
            {health.dataDir}
            {health.disk.freeBytes !== null && (
              <span className={health.disk.ok ? "text-stone-500" : "font-medium text-red-700"}>
                {" "}
                ({gigabytes(health.disk.freeBytes)} free{health.disk.ok ? "" : ": nearly full"})
              </span>
            )}
          </Row>
        </dl>
      </details>
    </section>
  );
}
