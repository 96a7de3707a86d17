/**
 * Benchmark: the picture-to-room round trip on each shared top-down image (../shared/inputs/images, see
 * ../shared/inputs/SOURCES.md) with the offline engine and real Blender: seconds from upload to the review step,
 * seconds from "Generate" (continue) to the built room, seconds of the fidelity render, and the footprint IoU per
 * object and room score (issue 16 items 4 and 6; goal: room score >= 0.5). Writes the picture, the render and
 * both blended to bench/out/fidelity-<image>.png. Run: `npm run bench:fidelity`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// server/ modules import "server-only", which resolves to a no-op only under the react-server condition.
if (!process.execArgv.some((a) => a.includes("react-server")) && !process.env.ROOMCODE_BENCH_CHILD) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", __filename, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, ROOMCODE_BENCH_CHILD: "1" },
  });
  process.exit(r.status ?? 1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "roomcode-bench-fidelity-"));
process.env.ROOMCODE_DATA_DIR = dataDir;
process.env.ROOMCODE_REVIEW_IMAGES = "always";
process.env.ROOMCODE_ENGINE = "offline";

const IMAGES = process.argv.slice(2).length ? process.argv.slice(2) : ["code-as-room-example1.png", "code-as-room-render-topdown.png", "floorplan-apartment.png", "floorplan-house.png"];

async function main(): Promise<void> {
  const sharp = (await import("sharp")).default;
  const pipeline = await import("../server/pipeline");
  const { fidelityReport, renderFidelity } = await import("../server/renders/fidelity");
  const { getRunner } = await import("../server/runner");
  const { ArtifactKeys, getStore } = await import("../server/store");
  const dir = path.resolve(__dirname, "../../shared/inputs/images");
  const outDir = path.resolve(__dirname, "out");
  fs.mkdirSync(outDir, { recursive: true });
  console.log("bench:fidelity  offline engine, real Blender; upload -> review, Generate -> built room, fidelity render, footprint IoU");
  const scores: number[] = [];
  for (const file of IMAGES) {
    const form = new FormData();
    form.set("image", new File([new Uint8Array(fs.readFileSync(path.join(dir, file)))], file, { type: "image/png" }));
    const t0 = performance.now();
    const created = await pipeline.createSceneFromUpload(form);
    const paused = await pipeline.waitForScene(created.id, 600_000);
    const tReview = (performance.now() - t0) / 1000;
    if (paused.status !== "needs_review") {
      console.log(`${file}: stopped at ${paused.status} (${paused.error ?? "no error"})`);
      continue;
    }
    const t1 = performance.now();
    await pipeline.continueScene(created.id);
    const done = await pipeline.waitForScene(created.id, 1_200_000);
    const tBuild = (performance.now() - t1) / 1000;
    if (done.status !== "completed") {
      console.log(`${file}: generation ended ${done.status} (${done.error ?? "no error"})`);
      continue;
    }
    let rec: Awaited<ReturnType<typeof renderFidelity>>;
    let rep: ReturnType<typeof fidelityReport>;
    try {
      rec = await renderFidelity(created.id);
      rep = fidelityReport(created.id);
    } catch (e) {
      console.log(`${file.padEnd(34)} upload->review ${tReview.toFixed(1)} s  Generate->built ${tBuild.toFixed(1)} s  objects ${done.objects.length}  no fidelity: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const score = rep.scores.roomScore ?? 0;
    scores.push(score);
    console.log(
      `${file.padEnd(34)} upload->review ${tReview.toFixed(1)} s  Generate->built ${tBuild.toFixed(1)} s  render ${rec.seconds ?? "-"} s (${rec.status})  objects ${done.objects.length}  room score ${score.toFixed(3)} ${score >= 0.5 ? "(>= 0.5 met)" : "(< 0.5 NOT met)"}`,
    );
    console.log(`  IoU per box: ${rep.scores.objects.map((o) => `${o.footprintId} ${o.category}${o.objectCategory && o.objectCategory !== o.category ? `->${o.objectCategory}` : ""} ${o.iou === null ? o.status : o.iou.toFixed(2)}`).join(", ")}`);
    if (rec.status === "completed" && rec.file) {
      const picture = getStore().localFile(created.id, ArtifactKeys.sceneFile(done.source.kind === "image" ? done.source.imageFile : ""), "image");
      const { widthPx: w, heightPx: h } = rep.picture;
      const render = await sharp(getStore().localFile(created.id, ArtifactKeys.renderFile(rec.file), "render")).resize(w, h, { fit: "fill" }).png().toBuffer();
      const pic = await sharp(picture).rotate().resize(w, h, { fit: "fill" }).png().toBuffer();
      const blend = await sharp(pic).composite([{ input: await sharp(render).ensureAlpha(0.5).png().toBuffer(), blend: "over" }]).png().toBuffer();
      const out = path.join(outDir, `fidelity-${path.basename(file, ".png")}.png`);
      await sharp({ create: { width: w * 3, height: h, channels: 3, background: "#ffffff" } })
        .composite([
          { input: pic, left: 0, top: 0 },
          { input: render, left: w, top: 0 },
          { input: blend, left: 2 * w, top: 0 },
        ])
        .png()
        .toFile(out);
      console.log(`  picture | render | blended: ${path.relative(process.cwd(), out)}`);
    }
  }
  if (scores.length) console.log(`mean room score over ${scores.length} images: ${(scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(3)}`);
  await pipeline.settleAll();
  await getRunner().close();
  getStore().close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main();
