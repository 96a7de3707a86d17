import { readFileSync, writeFileSync } from "node:fs";
import { proxyEvaluate, aggregate } from "./lib/eval";
const d = JSON.parse(readFileSync("/work/shared/inputs/prompts/sceneeval-dev.json", "utf8"));
const lim = Number(process.argv[2] ?? 400);
const ms = [];
const fails: Record<string, number> = {};
const lines: string[] = [];
for (const it of d.slice(0, lim)) {
  const m = proxyEvaluate(it);
  ms.push(m);
  for (const r of m.results) if (!r.pass) { fails[r.kind] = (fails[r.kind] ?? 0) + 1; lines.push(`${it.id} ${r.kind} ${r.raw} :: ${r.detail}`); }
}
const a = aggregate(ms);
console.log(JSON.stringify(a));
writeFileSync("/tmp/fails.txt", lines.join("\n"));
