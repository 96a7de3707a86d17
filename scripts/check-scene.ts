/**
 * `npm run check:scene -- <scene id | path/to/scene.blend | --all> [--json]`
 *
 * The independent physical check: loads the scene's exported `.blend` in headless Blender (the runner's
 * sandboxed `check_scene` job) and reports floating, interpenetrating, wall-penetrating and out-of-bounds
 * objects from the meshes only. A scene id is looked up in ROOMCODE_DATA_DIR (default ./data). Exit code 0
 * when the check ran (whatever it found), 1 on an error. Re-runs the runner script under the react-server
 * condition, as scripts/eval.ts does.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const script = path.join(__dirname, "check-scene", "run.ts");
const res = spawnSync(process.execPath, ["--conditions", "react-server", "--import", "tsx", script, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(res.status ?? 1);
