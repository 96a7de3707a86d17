/** The geometric proxy of the evaluation: parse -> solve -> score with target sizes as bounding boxes (no Blender). */
import { solveLayout } from "../layout/solve";
import { parsePrompt } from "../prompt/parse";
import { categoryInfo } from "../vocab";
import type { EvalPrompt } from "./constraints";
import { evaluateScene, type EvalObject, type SceneMetrics } from "./metrics";

/** Parse, lay out and score one prompt with target sizes as boxes. */
export function proxyEvaluate(prompt: EvalPrompt): SceneMetrics {
  const spec = parsePrompt(prompt.description);
  const layout = solveLayout(spec);
  const objects: EvalObject[] = spec.objects.map((o) => ({
    id: o.id,
    category: o.category,
    placement: layout.placements[o.id],
    size: o.targetSize,
    support: layout.supports[o.id],
    attributes: o.attributes,
    thin: categoryInfo(o.category).route === "thin_cover",
  }));
  return evaluateScene(prompt, objects, { footprint: layout.footprint, wallHeight: layout.wallHeight, openings: layout.openings });
}
