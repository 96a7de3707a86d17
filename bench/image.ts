/**
 * Benchmark: offline structuring time of the shared top-down images (../shared/inputs/images, see
 * ../shared/inputs/SOURCES.md). Prints p50 / min / max over 10 runs each after one warm-up run; the goal is
 * p50 <= 1 s for the 1024x559 example1. Run: `npm run bench:image`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

// server/ modules import "server-only", which resolves to a no-op only under the react-server condition.
if (!process.execArgv.some((a) => a.includes("react-server")) && !process.env.ROOMCODE_BENCH_CHILD) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", __filename, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, ROOMCODE_BENCH_CHILD: "1" },
  });
  process.exit(r.status ?? 1);
}

const RUNS = 10;
// Wall time includes waiting for a core on a busy machine; CPU time (user + system of this process, sharp's
// threads included) is the load-independent cost.
const IMAGES = [
  { file: "code-as-room-example1.png", widthPx: 1024, heightPx: 559 },
  { file: "code-as-room-render-topdown.png", widthPx: 1448, heightPx: 1086 },
];

async function main(): Promise<void> {
  const { structureFromImage } = await import("../server/images/structure");
  const dir = path.resolve(__dirname, "../../shared/inputs/images");
  console.log(`bench:image  structureFromImage, ${RUNS} runs per image after 1 warm-up`);
  for (const img of IMAGES) {
    const input = { path: path.join(dir, img.file), widthPx: img.widthPx, heightPx: img.heightPx, roomDims: null, prompt: null };
    const first = await structureFromImage(input);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await structureFromImage(input);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      times.push(performance.now() - t0);
    }
    cpu.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const p50 = (times[(RUNS - 1) >> 1] + times[RUNS >> 1]) / 2;
    const target = img.widthPx === 1024 ? `  target <= 1000 ms: ${p50 <= 1000 ? "met" : "NOT met"} (${(p50 / 1000).toFixed(2)}x)` : "";
    const cpu50 = (cpu[(RUNS - 1) >> 1] + cpu[RUNS >> 1]) / 2;
    console.log(
      `${img.file.padEnd(34)} ${img.widthPx}x${img.heightPx}  wall p50 ${p50.toFixed(0)} ms  min ${times[0].toFixed(0)} ms  max ${times[RUNS - 1].toFixed(0)} ms  cpu p50 ${cpu50.toFixed(0)} ms  footprints ${first.footprints.length}  zones ${first.zones.length}${target}`,
    );
  }
}

void main();
