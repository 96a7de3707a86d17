import { parsePrompt } from "./lib/prompt/parse";
import { solveLayout } from "./lib/layout/solve";
import { findConflicts } from "./lib/layout/check";
import { categoryInfo } from "./lib/vocab";
import { readFileSync } from "node:fs";
const d = JSON.parse(readFileSync("/work/shared/inputs/prompts/sceneeval-dev.json", "utf8"));
const lim = Number(process.argv[2] ?? 400);
let col = 0, oob = 0, n = 0;
const t0 = Date.now();
for (const it of d.slice(0, lim)) {
  const s = parsePrompt(it.description);
  const t1 = Date.now();
  const L = solveLayout(s);
  const dt = Date.now() - t1;
  const objs = s.objects.map((o) => ({ id: o.id, placement: L.placements[o.id], size: o.targetSize, support: L.supports[o.id], thin: categoryInfo(o.category).route === "thin_cover" }));
  const c = findConflicts(objs, L.footprint);
  n += objs.length; col += c.collisions.length; oob += c.outOfBounds.length;
  if (c.collisions.length || c.outOfBounds.length || dt > 2000) console.log(it.id, dt, "ms", JSON.stringify(c), L.notes.join("; "));
}
console.log({ n, col, oob, ms: Date.now() - t0 });
