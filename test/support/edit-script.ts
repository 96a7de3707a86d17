/** The scripted multi-object edits of the atomicity test (server/edits/atomicity.int.test.ts). */
import type { Scene } from "../../lib/scene/schema";
import type { BatchOp } from "../../server/edits/batch";

/**
 * The scripted edit `i` of a scene: always two or more objects, so each is several commands in one history entry.
 * Every third edit changes the `width` PARAMS of two objects (two Blender builds, the widest window for a kill);
 * the others move and turn three objects by a few centimetres and degrees. Deterministic in `i` and the scene.
 */
export function editOps(scene: Scene, i: number): BatchOp[] {
  const objs = scene.objects.filter((o) => !o.hidden && o.support === "floor").sort((a, b) => a.id.localeCompare(b.id));
  const pick = (k: number) => objs[(i * 3 + k) % objs.length];
  if (i % 3 === 0) {
    const withWidth = scene.objects
      .filter((o) => typeof o.program?.params.width === "number")
      .sort((a, b) => a.id.localeCompare(b.id));
    const a = withWidth[i % withWidth.length];
    const b = withWidth[(i + 1) % withWidth.length];
    const scale = i % 2 === 0 ? 1.02 : 0.98;
    return [a, b].map((o) => ({ kind: "params" as const, objectId: o.id, params: { width: Number(((o.program!.params.width as number) * scale).toFixed(4)) } }));
  }
  const sign = i % 2 === 0 ? 1 : -1;
  return [0, 1, 2].map((k) => {
    const o = pick(k);
    return { kind: "placement" as const, objectId: o.id, placement: { ...o.placement, x: o.placement.x + sign * 0.01 * (k + 1), yawDeg: o.placement.yawDeg + sign * (k + 1) } };
  });
}
