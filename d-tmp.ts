import { readFileSync } from "node:fs";
import { parsePrompt } from "./lib/prompt/parse";
import { solveLayout } from "./lib/layout/solve";
import { relationHolds } from "./lib/geometry/relation-check";
import { boxOf } from "./lib/geometry/box";
import { assignCategories } from "./lib/eval/match";
const d = JSON.parse(readFileSync("/work/shared/inputs/prompts/sceneeval-dev.json", "utf8"));
const from = Number(process.argv[2] ?? 0), to = Number(process.argv[3] ?? 400);
let relTot = 0, relOk = 0; const byType: Record<string, [number, number]> = {};
let onGt = 0, onParsed = 0, onMissingObj = 0;
for (const it of d.slice(from, to)) {
  const s = parsePrompt(it.description);
  const L = solveLayout(s);
  const boxes = new Map(s.objects.map((o) => [o.id, boxOf(L.placements[o.id], o.targetSize)]));
  const room = { footprint: L.footprint, wallHeight: L.wallHeight, openings: L.openings };
  for (const r of s.relations) { const h = relationHolds(r, boxes, room); if (h === null) continue; relTot++; const t = (byType[r.type] ??= [0, 0]); t[1]++; if (h) { relOk++; t[0]++; } }
  const cats = it.oo_rel.flatMap((c: string) => { const p = c.split(","); return [p[4], p[5]]; });
  const g = assignCategories(s.objects, [...cats, ...it.obj_count.map((c: string) => c.split(",")[2])]);
  for (const c of it.oo_rel) { const p = c.split(","); if (p[2] !== "on") continue; onGt++;
    const A = g.get(p[4].toLowerCase()) ?? [], T = g.get(p[5].toLowerCase()) ?? [];
    if (!A.length || !T.length) { onMissingObj++; continue; }
    if (T.some((t) => L.supports[t] && A.some((a) => L.supports[t] === `on:${a}`) || s.relations.some((r) => r.subject === t && A.includes(r.anchor) && r.type === "on_top"))) onParsed++;
  }
}
console.log({ relTot, relOk, rate: relOk / relTot, onGt, onParsed, onMissingObj });
console.log(Object.entries(byType).map(([k, [a, b]]) => `${k} ${a}/${b}`).join("  "));
if (process.argv[4] === "show") {
  for (const it of d.slice(from, to)) {
    const s = parsePrompt(it.description);
    const cats = it.oo_rel.flatMap((c: string) => { const p = c.split(","); return [p[4], p[5]]; });
    const g = assignCategories(s.objects, [...cats, ...it.obj_count.map((c: string) => c.split(",")[2])]);
    const miss: string[] = [];
    for (const c of it.oo_rel) { const p = c.split(","); if (p[2] !== "on") continue;
      const A = g.get(p[4].toLowerCase()) ?? [], T = g.get(p[5].toLowerCase()) ?? [];
      if (!A.length || !T.length) continue;
      if (!T.some((t) => s.objects.find((o) => o.id === t)!.support === `on:${A[0]}` || A.some((a) => s.objects.find((o) => o.id === t)!.support === `on:${a}`))) miss.push(`${p[5]} on ${p[4]} (got ${T.map((t) => s.objects.find((o) => o.id === t)!.support).join("/")})`);
    }
    if (miss.length) console.log(it.id, miss.join("; "), "||", it.description.slice(0, 400));
  }
}
