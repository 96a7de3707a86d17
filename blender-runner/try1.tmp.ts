import { createRunner } from "./client";
import { readFileSync } from "node:fs";
async function main() {
const r = createRunner({ workers: 1 });
const t0 = Date.now();
await r.ready!();
console.log("ready", Date.now() - t0, r.health());
const src = readFileSync("/tmp/prog1.py", "utf8");
for (let i = 0; i < 3; i++) {
  const t = Date.now();
  const res = await r.buildObject({ objectId: "table-1", source: src, outGlb: "/tmp/table.glb" });
  console.log(Date.now() - t, JSON.stringify(res).slice(0, 900));
}
console.log(JSON.stringify(await r.check(src)));
console.log(JSON.stringify(await r.check("import os\nx=1")));
await r.close();
}
main();
