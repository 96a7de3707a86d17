/**
 * Report breakdowns of an evaluation: the tuning and held-out splits of the prompt file (every 5th prompt is
 * held out), OOR and OAR per relation type, the share of objects built by a stand-in family and the noun
 * phrases the parser left out as non-physical.
 */
import { aggregate, type SceneMetrics } from "../../lib/eval";

/** Split of a prompt by its position in the prompt file: every 5th prompt (index 4, 9, ...) is held out. */
export function splitOf(index: number): "tune" | "heldout" {
  return index % 5 === 4 ? "heldout" : "tune";
}

/** Micro-averaged CNT/ATR/OOR/OAR of the scenes of each split. */
export function splitTotals(rows: readonly { split: string; metrics: SceneMetrics | null }[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const split of ["tune", "heldout"]) {
    const ms = rows.filter((r) => r.split === split && r.metrics).map((r) => r.metrics!);
    const a = aggregate(ms);
    out[split] = { prompts: ms.length, CNT: a.CNT, ATR: a.ATR, OOR: a.OOR, OAR: a.OAR };
  }
  return out;
}

/** Pass/total per relation type: `oo:<relation>` and `oa:<relation>/<element>`. */
export function relationTotals(rows: readonly { metrics: SceneMetrics | null }[]): Record<string, { pass: number; total: number }> {
  const out: Record<string, { pass: number; total: number }> = {};
  for (const r of rows) {
    for (const c of r.metrics?.results ?? []) {
      if (c.kind !== "oo" && c.kind !== "oa") continue;
      const p = c.raw.split(",");
      const key = c.kind === "oo" ? `oo:${p[2]}` : `oa:${p[2]}/${p[4]}`;
      out[key] ??= { pass: 0, total: 0 };
      out[key].total += 1;
      if (c.pass) out[key].pass += 1;
    }
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1].total - a[1].total));
}

/** Lines of a relation table: type, pass/total and share, most frequent first. */
export function relationLines(t: Record<string, { pass: number; total: number }>): string[] {
  return Object.entries(t).map(([k, v]) => `${k.padEnd(26)} ${String(v.pass).padStart(4)}/${String(v.total).padEnd(4)} ${(v.pass / v.total).toFixed(3)}`);
}
