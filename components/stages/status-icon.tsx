/**
 * Small status icons with accessible labels for stages and objects, drawn as inline SVG (a glyph such as the
 * raised hand is missing from many system fonts and showed as an empty box).
 */
import type { ReactNode } from "react";

const ICON: Record<string, { path: ReactNode; cls: string; label: string }> = {
  waiting: { path: <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="1.5" />, cls: "text-stone-400", label: "waiting" },
  running: { path: <><circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" strokeWidth="1.5" /><path d="M8 3a5 5 0 0 1 0 10z" fill="currentColor" /></>, cls: "text-sky-600 animate-pulse", label: "running" },
  coding: { path: <path d="M3 13l1-3.5 6.5-6.5 2.5 2.5L6.5 12 3 13z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />, cls: "text-sky-600 animate-pulse", label: "writing code" },
  done: { path: <path d="M3 8.5l3.2 3L13 4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />, cls: "text-emerald-600", label: "done" },
  failed: { path: <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />, cls: "text-red-600", label: "failed" },
  review: { path: <><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" /><path d="M8 4.5v4.5M8 11.2v.3" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /></>, cls: "text-amber-600", label: "waiting for your review" },
};
const ALIAS: Record<string, { key: string; label?: string }> = {
  pending: { key: "waiting" },
  building: { key: "running", label: "building" },
  built: { key: "done", label: "built" },
};

/** A status icon (waiting, running, coding, building, done/built, failed, review). */
export function StatusIcon({ status }: { status: string }) {
  const alias = ALIAS[status];
  const s = ICON[alias?.key ?? status] ?? ICON.waiting;
  const label = alias?.label ?? s.label;
  return (
    <span role="img" aria-label={label} title={label} className={`inline-flex w-4 justify-center ${s.cls}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        {s.path}
      </svg>
    </span>
  );
}
