/**
 * Evaluation runner (started by scripts/eval.ts under the react-server condition): scenes through the real
 * pipeline (`createScene` / `waitForScene`), scored with lib/eval, thumbnails via the runner's `assembleScene`
 * top-down render; writes `<out>/report.json` and `<out>/report.html` and prints a table.
 */
import fs from "node:fs";
import path from "node:path";
import { aggregate, evaluateScene, evalObjectsFromScene, objectFigures, proxyEvaluate, roomGeomOf, summarizeObjects, type EvalPrompt } from "../../lib/eval";
import { DROPPED_NOTE, parsePrompt } from "../../lib/prompt/parse";
import { buildRoute, familyOf } from "../../lib/vocab";
import { parseArgs } from "./args";
import { relationLines, relationTotals, splitOf, splitTotals } from "./breakdown";
import { renderHtml, renderTable, type PromptRow } from "./report";

const repoRoot = path.resolve(__dirname, "..", "..");

async function pool<T>(items: readonly T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]);
      }
    }),
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), repoRoot);
  const all = JSON.parse(fs.readFileSync(args.input, "utf8")) as EvalPrompt[];
  const splitById = new Map(all.map((p, i) => [p.id, splitOf(i)]));
  let prompts = args.ids ? all.filter((p) => args.ids!.includes(p.id)) : all;
  if (args.split) prompts = prompts.filter((p) => splitById.get(p.id) === args.split);
  const objectsBuilt: { category: string; standIn: boolean }[] = [];
  const dropped: { id: number; phrase: string }[] = [];
  if (args.limit) prompts = prompts.slice(0, args.limit);
  fs.mkdirSync(path.join(args.out, "thumbs"), { recursive: true });
  if (!process.env.ROOMCODE_DATA_DIR) process.env.ROOMCODE_DATA_DIR = path.join(args.out, "data");
  const rows: PromptRow[] = [];

  if (args.proxy) {
    // Attributes are judged on the programs the offline code stage would build (family + PARAMS).
    const { programFor } = await import("../../server/engines/offline/code");
    for (const p of prompts) {
      const t0 = Date.now();
      const spec = parsePrompt(p.description);
      for (const n of spec.notes) if (n.startsWith(DROPPED_NOTE)) dropped.push({ id: p.id, phrase: n.slice(DROPPED_NOTE.length) });
      for (const o of spec.objects) objectsBuilt.push({ category: o.category, standIn: buildRoute(o.category, familyOf(o.category)).standIn });
      const metrics = proxyEvaluate(p, (o) => {
        const g = programFor(o);
        return { family: g.family, params: g.params };
      }, spec);
      rows.push({ id: p.id, prompt: p.description, sceneId: null, status: "proxy", seconds: (Date.now() - t0) / 1000, metrics, objects: null, thumbnail: null, error: null });
    }
  } else {
    // Server modules read the configuration on load: import them after ROOMCODE_DATA_DIR is set.
    const pipeline = await import("../../server/pipeline");
    const { getRunner } = await import("../../server/runner");
    await pool(prompts, args.concurrency, async (p) => {
      const t0 = Date.now();
      const row: PromptRow = { id: p.id, prompt: p.description, sceneId: null, status: "error", seconds: 0, metrics: null, objects: null, thumbnail: null, error: null };
      try {
        const created = await pipeline.createScene({ prompt: p.description }, { engine: args.engine });
        row.sceneId = created.id;
        const scene = await pipeline.waitForScene(created.id, args.timeoutMs);
        row.status = scene.status;
        row.seconds = (Date.now() - t0) / 1000;
        const room = roomGeomOf(scene);
        if (room) row.metrics = evaluateScene(p, evalObjectsFromScene(scene), room);
        row.objects = summarizeObjects(objectFigures(scene.objects));
        for (const o of scene.objects) objectsBuilt.push({ category: o.category, standIn: buildRoute(o.category, familyOf(o.category)).standIn });
        if (args.engine === "offline") for (const n of parsePrompt(p.description).notes) if (n.startsWith(DROPPED_NOTE)) dropped.push({ id: p.id, phrase: n.slice(DROPPED_NOTE.length) });
        // The independent physical check, on the exported .blend's meshes (not the layout's boxes).
        try {
          const check = await pipeline.checkScenePhysics({ sceneId: scene.id });
          row.physics = check.counts;
          row.physicsFindings = pipeline.describeCheck(check).slice(0, -1);
        } catch (e) {
          row.physics = null;
          row.error = `check:scene: ${e instanceof Error ? e.message : String(e)}`;
        }
        const png = path.join(args.out, "thumbs", `${p.id}.png`);
        const res = await getRunner().assembleScene({ ...pipeline.assembleInput(scene), scope: scene.id, outTopPng: png, topPngSizePx: 384 });
        if (res.ok && fs.existsSync(png)) row.thumbnail = path.relative(args.out, png);
        if (scene.error) row.error = scene.error;
      } catch (e) {
        row.error = e instanceof Error ? e.message : String(e);
        row.seconds = (Date.now() - t0) / 1000;
      }
      rows.push(row);
      const mesh = row.physics ? ` mesh floating=${row.physics.floating} interpenetrating=${row.physics.interpenetratingPairs} wall=${row.physics.wallPenetrating} outside=${row.physics.outside}` : "";
      process.stdout.write(`${p.id} ${row.status} ${row.seconds.toFixed(1)}s${mesh}${row.error ? ` (${row.error})` : ""}\n`);
      for (const f of row.physicsFindings ?? []) process.stdout.write(`  ${f}\n`);
    });
    await pipeline.settleAll?.().catch(() => undefined);
    await getRunner().close();
  }

  rows.sort((a, b) => a.id - b.id);
  const scored = rows.filter((r) => r.metrics !== null).map((r) => r.metrics!);
  const agg = aggregate(scored);
  const objs = rows.filter((r) => r.objects);
  const totals: Record<string, number> = { CNT: agg.CNT, ATR: agg.ATR, OOR: agg.OOR, OAR: agg.OAR, COL: agg.COL, OOB: agg.OOB, SUP: agg.SUP };
  if (objs.length > 0) {
    const n = objs.reduce((s, r) => s + r.objects!.objects, 0) || 1;
    const w = (f: (r: PromptRow) => number) => objs.reduce((s, r) => s + f(r) * r.objects!.objects, 0) / n;
    totals.buildSuccess = w((r) => r.objects!.buildSuccess);
    totals.attempts = w((r) => r.objects!.meanAttempts);
    totals.materials = w((r) => r.objects!.meanMaterials);
    totals.nonManifold = w((r) => r.objects!.meanNonManifold);
    totals.faces = w((r) => r.objects!.meanFaces);
    totals.vertices = w((r) => r.objects!.meanVertices);
  }
  const checked = rows.filter((r) => r.physics);
  if (checked.length > 0) {
    const sum = (f: (c: NonNullable<PromptRow["physics"]>) => number) => checked.reduce((s, r) => s + f(r.physics!), 0);
    totals.meshChecked = checked.length;
    totals.meshObjects = sum((c) => c.objects);
    totals.meshFloating = sum((c) => c.floating);
    totals.meshInterpenetrating = sum((c) => c.interpenetratingPairs);
    totals.meshWall = sum((c) => c.wallPenetrating);
    totals.meshOutside = sum((c) => c.outside);
  }
  const withSplit = rows.map((r) => ({ ...r, split: splitById.get(r.id) ?? "tune" }));
  const splits = splitTotals(withSplit);
  const relations = relationTotals(rows);
  const standIns = objectsBuilt.filter((o) => o.standIn);
  const standInShare = objectsBuilt.length ? standIns.length / objectsBuilt.length : 0;
  const meta = { engine: args.proxy ? "proxy (parse + layout, target sizes)" : args.engine, input: path.relative(repoRoot, args.input), prompts: String(rows.length), date: new Date().toISOString() };
  const standInCounts: Record<string, number> = {};
  for (const o of standIns) standInCounts[o.category] = (standInCounts[o.category] ?? 0) + 1;
  fs.writeFileSync(path.join(args.out, "report.json"), JSON.stringify({ meta, totals, constraintTotals: agg.totals, splits, relations, standIn: { objects: objectsBuilt.length, standIns: standIns.length, share: standInShare, categories: standInCounts }, dropped, rows: withSplit }, null, 2));
  fs.writeFileSync(path.join(args.out, "report.html"), renderHtml(rows, totals, meta));
  console.log(renderTable(rows, totals));
  console.log("relations (pass/total share):\n" + relationLines(relations).join("\n"));
  for (const [k, v] of Object.entries(splits)) console.log(`${k}: ${Object.entries(v).map(([m, x]) => `${m}=${m === "prompts" ? x : x.toFixed(3)}`).join("  ")}`);
  console.log(`stand-in share: ${standIns.length}/${objectsBuilt.length} = ${standInShare.toFixed(3)}`);
  console.log(`dropped as non-physical (${dropped.length}): ${dropped.map((d) => `${d.id}: "${d.phrase}"`).join("; ")}`);
  console.log(`report: ${path.join(args.out, "report.json")} and report.html`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
