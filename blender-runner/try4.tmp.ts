import { createRunner } from "./client";
import { TEN_PART_PROGRAM } from "./test/programs";
async function main() {
  const r = createRunner({ workers: 1 });
  await r.ready!();
  const src = TEN_PART_PROGRAM.replace('    return parts\n', '    for o in parts:\n        print(o.name, tuple(round(x,3) for x in o.dimensions), tuple(round(x,3) for x in o.location))\n    return parts\n');
  const res = await r.buildObject({ objectId: "desk-1", source: src, outGlb: "/tmp/d.glb", overrides: { width: 1.5 } });
  console.log(JSON.stringify(res).slice(0, 3000));
  await r.close();
}
main();
