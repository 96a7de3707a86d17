/** The geometric proxy of the evaluation: parse -> solve -> score with target sizes as bounding boxes (no Blender). */
import { solveLayout } from "../layout/solve";
import { parsePrompt } from "../prompt/parse";
import type { ObjectSpec, StructureSpec } from "../scene/schema";
import { categoryInfo } from "../vocab";
import type { BuiltFacts } from "./built-attributes";
import type { EvalPrompt } from "./constraints";
import { evaluateScene, type EvalObject, type SceneMetrics } from "./metrics";

/** The program a code stage would build for an object: its family and PARAMS (supplied by the caller, e.g. the offline library). */
export type ProgramOf = (obj: ObjectSpec) => { family: BuiltFacts["family"]; params: Record<string, unknown> };

/**
 * Parse, lay out and score one prompt with target sizes as boxes. With `programOf`, attributes are judged on the
 * program each object would be built with (family, PARAMS, size from PARAMS); without it, on the parsed attributes.
 */
export function proxyEvaluate(prompt: EvalPrompt, programOf?: ProgramOf, spec: StructureSpec = parsePrompt(prompt.description)): SceneMetrics {
  const layout = solveLayout(spec);
  const objects: EvalObject[] = spec.objects.map((o) => {
    const prog = programOf?.(o);
    const num = (v: unknown, d: number) => (typeof v === "number" && v > 0 ? v : d);
    const size = prog ? { w: num(prog.params.width, o.targetSize.w), d: num(prog.params.depth, o.targetSize.d), h: num(prog.params.height, o.targetSize.h) } : o.targetSize;
    return {
      id: o.id,
      category: o.category,
      placement: layout.placements[o.id],
      size: o.targetSize,
      support: layout.supports[o.id],
      attributes: o.attributes,
      thin: categoryInfo(o.category).route === "thin_cover",
      built: prog ? { family: prog.family, params: prog.params, size, support: layout.supports[o.id] } : undefined,
    };
  });
  return evaluateScene(prompt, objects, { footprint: layout.footprint, wallHeight: layout.wallHeight, openings: layout.openings });
}
