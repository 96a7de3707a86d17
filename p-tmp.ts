import { parsePrompt } from "./lib/prompt/parse";
import { readFileSync } from "node:fs";
const d = JSON.parse(readFileSync("/work/shared/inputs/prompts/sceneeval-dev.json", "utf8"));
const ids = process.argv.slice(2).map(Number);
for (const it of d) {
  if (ids.length && !ids.includes(it.id)) continue;
  const s = parsePrompt(it.description);
  console.log(it.id, it.description);
  console.log("  GT:", it.obj_count.join(" | "));
  console.log("  GOT:", s.objects.map((o) => `${o.id}[${o.attributes.tags.join(",")}]@${o.support}`).join(" "));
  console.log("  GT rel:", [...it.oo_rel, ...it.oa_rel].join(" | "));
  console.log("  REL:", s.relations.map((r) => `${r.type}(${r.subject},${r.anchor}${r.anchor2 ? "," + r.anchor2 : ""})`).join(" "));
  console.log("  room", s.roomType, s.roomSize, s.notes.join(";"));
}
