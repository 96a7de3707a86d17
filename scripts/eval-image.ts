/**
 * `npm run eval:image -- [--per-style 20] [--no-classical]`: scores top-down image structuring on held-out
 * synthetic renders and the annotated shared real images (see scripts/eval-image/run.ts). The server modules
 * start with `import "server-only"`, which resolves to an empty module only under the `react-server` export
 * condition, so this launcher re-runs the runner under `node --conditions react-server --import tsx`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const script = path.join(__dirname, "eval-image", "run.ts");
const res = spawnSync(process.execPath, ["--conditions", "react-server", "--import", "tsx", script, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(res.status ?? 1);
