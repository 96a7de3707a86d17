import { parsePrompt } from "./lib/prompt/parse";
const s = parsePrompt(process.argv[2]);
console.log(s.objects.map((o) => `${o.id}[${o.attributes.tags.join(",")}]@${o.support}`).join(" "));
console.log(s.relations.map((r) => `${r.type}(${r.subject},${r.anchor})`).join(" "));
