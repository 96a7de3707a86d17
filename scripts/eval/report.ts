/** Evaluation reports: the stdout table, the JSON report and the HTML report (a row per prompt). */
import type { ConstraintResult, SceneMetrics } from "../../lib/eval";

/** One evaluated prompt. */
export interface PromptRow {
  id: number;
  prompt: string;
  sceneId: string | null;
  status: string;
  seconds: number;
  metrics: SceneMetrics | null;
  objects: { buildSuccess: number; meanAttempts: number; meanMaterials: number; meanNonManifold: number; meanFaces: number; meanVertices: number; objects: number } | null;
  thumbnail: string | null;
  error: string | null;
  /** Counts of the independent mesh check of the exported .blend (npm run check:scene); absent in proxy runs. */
  physics?: { objects: number; floating: number; interpenetratingPairs: number; wallPenetrating: number; outside: number } | null;
  /** The mesh check's findings, one line per problem (server/pipeline describeCheck). */
  physicsFindings?: string[];
}

const pct = (p: { pass: number; total: number }) => (p.total ? `${p.pass}/${p.total}` : "-");

/** Fixed-width table of the rows plus a totals line. */
export function renderTable(rows: readonly PromptRow[], totals: Record<string, number>): string {
  const head = ["id", "status", "s", "CNT", "ATR", "OOR", "OAR", "COL", "OOB", "SUP", "build"];
  const lines = [head.join("\t")];
  for (const r of rows) {
    const m = r.metrics;
    lines.push([
      r.id, r.status, r.seconds.toFixed(1),
      m ? pct(m.counts.CNT) : "-", m ? pct(m.counts.ATR) : "-", m ? pct(m.counts.OOR) : "-", m ? pct(m.counts.OAR) : "-",
      m ? m.COL.toFixed(2) : "-", m ? m.OOB.toFixed(2) : "-", m ? m.SUP.toFixed(2) : "-", r.objects ? r.objects.buildSuccess.toFixed(2) : "-",
    ].join("\t"));
  }
  lines.push(Object.entries(totals).map(([k, v]) => `${k}=${v.toFixed(3)}`).join("  "));
  return lines.join("\n");
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function constraintList(results: readonly ConstraintResult[]): string {
  return `<ul>${results.map((r) => `<li class="${r.pass ? "ok" : "ko"}">${r.pass ? "&#10003;" : "&#10007;"} <code>${esc(r.kind)}: ${esc(r.raw)}</code> <small>${esc(r.detail)}</small></li>`).join("")}</ul>`;
}

/** Self-contained HTML report: totals, then one row per prompt with its constraints (pass/fail) and the top-down thumbnail. */
export function renderHtml(rows: readonly PromptRow[], totals: Record<string, number>, meta: Record<string, string>): string {
  const body = rows
    .map((r) => `<tr><td>${r.id}</td><td class="p">${esc(r.prompt)}<div class="meta">${esc(r.status)} &middot; ${r.seconds.toFixed(1)} s${r.error ? ` &middot; ${esc(r.error)}` : ""}</div></td><td>${r.metrics ? constraintList(r.metrics.results) : "-"}</td><td>${r.thumbnail ? `<img src="${esc(r.thumbnail)}" width="256" alt="top-down view of scene ${r.id}">` : "no thumbnail"}</td></tr>`)
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Roomcode evaluation</title><style>
body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:8px;vertical-align:top}
.p{max-width:420px}.meta{color:#666;font-size:12px;margin-top:6px}ul{margin:0;padding-left:0;list-style:none;font-size:12px}li.ok{color:#17642b}li.ko{color:#a11}code{font-size:12px}
.tot span{display:inline-block;margin-right:16px;font-weight:600}</style></head><body>
<h1>Roomcode evaluation</h1><p>${Object.entries(meta).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join(" &middot; ")}</p>
<p class="tot">${Object.entries(totals).map(([k, v]) => `<span>${esc(k)} ${v.toFixed(3)}</span>`).join("")}</p>
<p>Scene metrics after SceneEval (Tam et al., WACV 2026), checked geometrically on bounding boxes; object metrics after SceneCode.</p>
<table><thead><tr><th>id</th><th>prompt</th><th>constraints</th><th>top-down</th></tr></thead><tbody>
${body}
</tbody></table></body></html>`;
}
