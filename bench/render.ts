/**
 * Render benchmark (npm run bench:render): one offline-engine scene, then a progressive Cycles render through
 * `startRender` (the server path: background jobs, PNGs under the scene dir, SSE events) with the default passes,
 * per preset. Prints seconds to the first image and to the final 1280x720 image, and each pass.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-bench-render-"));
  process.env.ROOMCODE_DATA_DIR = dataDir;
  process.env.ROOMCODE_WORKERS = process.env.ROOMCODE_WORKERS ?? "2";
  process.env.ROOMCODE_ENGINE = "offline";
  const { callRoute } = await import("../test/support/routes");
  const { subscribeEvents } = await import("../server/events/bus");
  const { startRender, PASSES, RENDER_THREADS } = await import("../server/renders");
  const { getRunner } = await import("../server/runner");
  const { getStore } = await import("../server/store");
  console.log(`bench:render on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, ${RENDER_THREADS} Cycles thread(s)`);
  console.log(`passes: ${PASSES.map((p) => `${p.widthPx}x${p.heightPx}@${p.samples}spp`).join(" -> ")}`);

  const res = await callRoute("POST", "/api/scenes", { json: { prompt: "A living room with a sofa, a coffee table, a floor lamp with a brass shade, a rug and a bookshelf." } });
  const id = ((await res.json()) as { scene: { id: string } }).scene.id;
  await new Promise<void>((resolve) => {
    const off = subscribeEvents(id, 0, (e) => {
      if (e.type === "job.completed" || e.type === "job.failed") {
        queueMicrotask(() => off());
        resolve();
      }
    });
  });
  const presets = (process.argv[2] ?? "corner,eye").split(",") as ("top" | "corner" | "eye")[];
  for (const preset of presets) {
    const t0 = performance.now();
    const marks: string[] = [];
    let first = NaN;
    const done = new Promise<void>((resolve) => {
      const stop = subscribeEvents(id, getStore().events.lastSeq(id), (e) => {
        if (!String(e.type).startsWith("render.")) return;
        const s = (performance.now() - t0) / 1000;
        if (e.type === "render.progress") {
          if (Number.isNaN(first)) first = s;
          const d = e.data as { pass: number; widthPx: number; heightPx: number; samples: number };
          marks.push(`pass ${d.pass} ${d.widthPx}x${d.heightPx}@${d.samples}spp at ${s.toFixed(1)} s`);
        }
        if (e.type === "render.completed" || e.type === "render.failed") {
          if (e.type === "render.failed") marks.push(`failed: ${JSON.stringify(e.data.error).slice(0, 300)}`);
          queueMicrotask(() => stop());
          resolve();
        }
      });
    });
    const rec = startRender(id, { preset });
    await done;
    const total = (performance.now() - t0) / 1000;
    console.log(`${preset} (${rec.id}): first image ${first.toFixed(1)} s, final ${total.toFixed(1)} s`);
    for (const m of marks) console.log(`  ${m}`);
  }
  console.log(`renders in ${path.join(dataDir, "scenes", id, "renders")}`);
  await getRunner().close();
  process.exit(0);
}

void run();
