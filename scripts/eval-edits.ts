/**
 * `npm run eval:edits -- [--scenes 20] [--edits 30] [--ids 100,101] [--seed 1] [--out eval-out/edits]`
 *
 * A scripted edit session: scenes from SceneEval dev prompts (../shared/inputs/prompts/sceneeval-dev.json, see
 * ../shared/inputs/SOURCES.md) built through the real pipeline with the offline engine, then instruction edits
 * through the real edit path (rotate, move relative to another object, add in a corner, resize, widen, mixed),
 * then the mesh check of each scene's exported .blend. Re-runs scripts/eval-edits/run.ts under the
 * `react-server` export condition that `server/` needs.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const script = path.join(__dirname, "eval-edits", "run.ts");
const res = spawnSync(process.execPath, ["--conditions", "react-server", "--import", "tsx", script, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(res.status ?? 1);
