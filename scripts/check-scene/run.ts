/** Runner of `npm run check:scene` (see scripts/check-scene.ts): prints the findings, or JSON with `--json`; `--all` checks every completed scene of the data dir and prints totals. */
import fs from "node:fs";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const target = args.find((a) => !a.startsWith("--"));
  const all = args.includes("--all");
  if (!target && !all) throw new Error("check:scene: give a scene id, a path to a .blend, or --all, e.g. npm run check:scene -- my-scene-id");
  const pipeline = await import("../../server/pipeline");
  const { getRunner } = await import("../../server/runner");
  try {
    if (all) {
      // Every completed scene of the data dir, one line each, then the totals.
      const { getStore } = await import("../../server/store");
      const ids = getStore().scenes.list().filter((s) => s.status === "completed").map((s) => s.id);
      const totals = { scenes: 0, objects: 0, floating: 0, interpenetratingPairs: 0, wallPenetrating: 0, outside: 0 };
      for (const id of ids) {
        const r = await pipeline.checkScenePhysics({ sceneId: id });
        totals.scenes += 1;
        for (const k of ["objects", "floating", "interpenetratingPairs", "wallPenetrating", "outside"] as const) totals[k] += r.counts[k];
        const bad = [...r.objects.filter((o) => o.floating).map((o) => `floating ${o.objectId}`), ...r.pairs.map((p) => `${p.a} x ${p.b}`), ...r.objects.filter((o) => o.wallPenetrating).map((o) => `wall ${o.objectId}`), ...r.objects.filter((o) => o.outside).map((o) => `outside ${o.objectId}`)];
        console.log(`${id}\t${bad.join(", ") || "ok"}`);
      }
      console.log(json ? JSON.stringify(totals) : Object.entries(totals).map(([k, v]) => `${k}=${v}`).join(" "));
      return;
    }
    if (!target) return;
    const isFile = target.endsWith(".blend") || fs.existsSync(target);
    const r = await pipeline.checkScenePhysics(isFile ? { blendPath: target } : { sceneId: target });
    if (json) console.log(JSON.stringify(r, null, 2));
    else {
      console.log(`check:scene ${r.blendPath}`);
      for (const line of pipeline.describeCheck(r)) console.log(line);
    }
  } finally {
    await getRunner().close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
