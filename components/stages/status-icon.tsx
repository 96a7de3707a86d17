/** Small status glyphs with accessible labels for stages and objects. */
const GLYPH: Record<string, { g: string; cls: string; label: string }> = {
  waiting: { g: "○", cls: "text-stone-400", label: "waiting" },
  pending: { g: "○", cls: "text-stone-400", label: "waiting" },
  running: { g: "◐", cls: "text-sky-600 animate-pulse", label: "running" },
  coding: { g: "✎", cls: "text-sky-600 animate-pulse", label: "writing code" },
  building: { g: "◐", cls: "text-sky-600 animate-pulse", label: "building" },
  done: { g: "✓", cls: "text-emerald-600", label: "done" },
  built: { g: "✓", cls: "text-emerald-600", label: "built" },
  failed: { g: "✕", cls: "text-red-600", label: "failed" },
  review: { g: "✋", cls: "text-amber-600", label: "waiting for your review" },
};

/** A status glyph (waiting, running, coding, building, done/built, failed, review). */
export function StatusIcon({ status }: { status: string }) {
  const s = GLYPH[status] ?? GLYPH.waiting;
  return (
    <span role="img" aria-label={s.label} title={s.label} className={`inline-block w-4 text-center ${s.cls}`}>
      {s.g}
    </span>
  );
}
