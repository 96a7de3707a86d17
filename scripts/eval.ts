/**
 * `npm run eval -- --engine offline --limit 20 --ids 100,101 --concurrency 2 --input <json> --out eval-out/ [--proxy] [--split tune|heldout]`
 *
 * Generates scenes for a SceneEval-format prompt file (default ../shared/inputs/prompts/sceneeval-dev.json,
 * see ../shared/inputs/SOURCES.md) through the real pipeline and scores them with lib/eval (SceneEval scene
 * metrics, SceneCode object metrics). The server modules start with `import "server-only"`, which resolves to
 * an empty module only under the `react-server` export condition, so this launcher re-runs the runner script
 * under `node --conditions react-server --import tsx`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const script = path.join(__dirname, "eval", "run.ts");
const res = spawnSync(process.execPath, ["--conditions", "react-server", "--import", "tsx", script, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(res.status ?? 1);
