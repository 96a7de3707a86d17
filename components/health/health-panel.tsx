/** Health panel: Blender, pool, sandbox and engine state in plain words (server-rendered data passed in). */
import type { ReactNode } from "react";

/** Health data as returned by GET /api/health. */
export interface HealthView {
  ok: boolean;
  reason: string | null;
  blender: { found: boolean; path: string | null; version: string | null };
  pool: { size: number; busy: number; queued: number; alive: number };
  sandbox: { enabled: boolean; reason: string | null };
  engine: { name: string; model: string | null; baseURL: string | null };
  dataDir: string;
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

/** Shows the health state; a missing Blender gets the install command. */
export function HealthPanel({ health }: { health: HealthView }) {
  return (
    <section aria-label="System health" data-testid="health" data-ok={health.ok} className="rounded-lg border border-stone-200 bg-white p-4">
      {!health.ok && (
        <p role="alert" className="mb-3 rounded bg-red-50 p-2 text-sm text-red-800">
          {health.reason}
        </p>
      )}
      <dl>
        <Row label="Blender" testId="health-blender">
          {health.blender.found ? `${health.blender.version} (${health.blender.path})` : "not found"}
        </Row>
        <Row label="Workers" testId="health-pool">
          {health.pool.alive}/{health.pool.size} ready, {health.pool.busy} busy, {health.pool.queued} queued
        </Row>
        <Row label="Sandbox" testId="health-sandbox">
          {health.sandbox.enabled ? `on (bubblewrap)${health.sandbox.reason ? `; ${health.sandbox.reason}` : ""}` : `off: ${health.sandbox.reason ?? "unavailable"}`}
        </Row>
        <Row label="Engine" testId="health-engine">
          {health.engine.name === "offline" ? "offline (no network needed)" : `${health.engine.name}: ${health.engine.model} at ${health.engine.baseURL}`}
        </Row>
        <Row label="Data" testId="health-datadir">
          {health.dataDir}
        </Row>
      </dl>
    </section>
  );
}
