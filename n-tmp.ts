import { parsePrompt } from "./lib/prompt/parse";
import { solveLayout } from "./lib/layout/solve";
import { readFileSync } from "node:fs";
const d = JSON.parse(readFileSync("/work/shared/inputs/prompts/sceneeval-dev.json", "utf8"));
for (const id of process.argv.slice(2).map(Number)) { const it = d.find((x: any) => x.id === id); const s = parsePrompt(it.description); const L = solveLayout(s); console.log(id, L.notes.join(" | ")); }
