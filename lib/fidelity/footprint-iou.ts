/**
 * Fidelity of a built image scene to its picture (issue 16 item 4): the footprint of each built object
 * (the convex hull of its evaluated meshes in plan, BuildStats.footprint) placed in the room frame, against
 * that object's box in the picture (the structure stage's footprint, in room meters through the picture
 * frame), scored by intersection over union; the room score is the mean over the picture's boxes.
 */
import type { Placement, Point2, Scene, SceneObject, StructureSpec } from "../scene/schema";
import type { RoomCamera } from "../render/cameras";

/** Objects whose footprint IoU is below this are listed for fixing; 0.5 is the usual detection-match threshold (PASCAL VOC, Everingham et al. 2010). */
export const FIDELITY_IOU_THRESHOLD = 0.5;

/** Tag an object carries in `attributes.tags` when it was made for a picture footprint other than through the structure stage (a relabel). */
export const FOOTPRINT_TAG_PREFIX = "footprint:";

/** Signed area (m^2) of a polygon [[x, y], ...] (m); positive when counter-clockwise (shoelace formula). */
export function signedArea(poly: readonly Point2[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i];
    const [x1, y1] = poly[(i + 1) % poly.length];
    a += x0 * y1 - x1 * y0;
  }
  return a / 2;
}

function ccw(poly: readonly Point2[]): Point2[] {
  return signedArea(poly) < 0 ? [...poly].reverse() : [...poly];
}

/** A local-frame plan polygon (m) placed in the room frame: turned by `yawDeg` counter-clockwise about +Z, then moved to (x, y) (DESIGN.md section 2). */
export function placePolygon(local: readonly Point2[], p: Pick<Placement, "x" | "y" | "yawDeg">): Point2[] {
  const a = (p.yawDeg * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  return local.map(([x, y]) => [p.x + c * x - s * y, p.y + s * x + c * y] as Point2);
}

/** The corners (counter-clockwise) of an axis-aligned room box: centre (x, y), width w along +X, depth d along +Y (m). */
export function boxPolygon(b: { x: number; y: number; w: number; d: number }): Point2[] {
  const hw = b.w / 2;
  const hd = b.d / 2;
  return [
    [b.x - hw, b.y - hd],
    [b.x + hw, b.y - hd],
    [b.x + hw, b.y + hd],
    [b.x - hw, b.y + hd],
  ];
}

/** Intersection of two convex polygons (m) by Sutherland-Hodgman clipping (Sutherland & Hodgman 1974); [] when they do not overlap. */
export function clipConvex(subject: readonly Point2[], clip: readonly Point2[]): Point2[] {
  let out = ccw(subject);
  const c = ccw(clip);
  for (let i = 0; i < c.length && out.length; i++) {
    const a = c[i];
    const b = c[(i + 1) % c.length];
    const side = (p: Point2) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const input = out;
    out = [];
    for (let j = 0; j < input.length; j++) {
      const p = input[j];
      const q = input[(j + 1) % input.length];
      const sp = side(p);
      const sq = side(q);
      if (sp >= 0) out.push(p);
      if ((sp >= 0) !== (sq >= 0)) {
        const t = sp / (sp - sq);
        out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return out.length >= 3 ? out : [];
}

/** Intersection over union in [0, 1] of two convex plan polygons (m); 0 when either has no area. */
export function convexIoU(a: readonly Point2[], b: readonly Point2[]): number {
  const aa = Math.abs(signedArea(a));
  const ab = Math.abs(signedArea(b));
  if (aa <= 0 || ab <= 0) return 0;
  const inter = Math.abs(signedArea(clipConvex(a, b)));
  const union = aa + ab - inter;
  return union > 0 ? Math.min(1, Math.max(0, inter / union)) : 0;
}

/** One picture box and the object built for it: IoU in [0, 1] (null while the object has no measured footprint), polygons in the room frame (m). */
export interface ObjectFidelity {
  footprintId: string;
  objectId: string | null;
  category: string;
  objectCategory: string | null;
  /** The picture's box in the room frame: centre and size (m). */
  pictureBox: { x: number; y: number; w: number; d: number };
  /** The built object's footprint in the room frame (m), from its meshes; null when not built. */
  builtFootprint: Point2[] | null;
  iou: number | null;
  status: "ok" | "low" | "unbuilt" | "missing";
}

/** The fidelity of a scene: per picture box, the room score (mean IoU over the picture's boxes, missing or unbuilt objects counting 0) and the threshold used. */
export interface FidelityScores {
  objects: ObjectFidelity[];
  roomScore: number | null;
  threshold: number;
  below: string[];
}

/** The scene object made for picture footprint `footprintId`: the one tagged with it, else the structure stage's object for it. */
export function objectForFootprint(scene: Pick<Scene, "objects">, spec: StructureSpec, footprintId: string): SceneObject | null {
  const tagged = scene.objects.find((o) => o.attributes.tags.includes(`${FOOTPRINT_TAG_PREFIX}${footprintId}`));
  if (tagged) return tagged;
  const specObj = spec.objects.find((o) => o.footprintId === footprintId);
  return (specObj && scene.objects.find((o) => o.id === specObj.id)) || null;
}

/** Footprint IoU of every picture box of `spec` against the built objects of `scene` (built footprints from BuildStats, placements as stored). */
export function fidelityScores(scene: Pick<Scene, "objects">, spec: StructureSpec, threshold = FIDELITY_IOU_THRESHOLD): FidelityScores {
  const objects: ObjectFidelity[] = spec.footprints.map((fp) => {
    const obj = objectForFootprint(scene, spec, fp.id);
    const base = { footprintId: fp.id, category: fp.category, pictureBox: { ...fp.boxM }, objectId: obj?.id ?? null, objectCategory: obj?.category ?? null };
    if (!obj || obj.hidden) return { ...base, builtFootprint: null, iou: null, status: "missing" as const };
    const local = obj.build.status === "built" ? obj.build.stats?.footprint : undefined;
    if (!local || local.length < 3) return { ...base, builtFootprint: null, iou: null, status: "unbuilt" as const };
    const built = placePolygon(local, obj.placement);
    const iou = Math.round(convexIoU(built, boxPolygon(fp.boxM)) * 1000) / 1000;
    return { ...base, builtFootprint: built.map(([x, y]) => [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000] as Point2), iou, status: iou < threshold ? ("low" as const) : ("ok" as const) };
  });
  const roomScore = objects.length ? Math.round((objects.reduce((s, o) => s + (o.iou ?? 0), 0) / objects.length) * 1000) / 1000 : null;
  return { objects, roomScore, threshold, below: objects.filter((o) => o.status !== "ok").map((o) => o.footprintId) };
}

/** A top-down render of the picture's own extent: an orthographic camera over the picture and the render size (px) with the picture's aspect in meters. */
export interface PictureView {
  camera: RoomCamera;
  widthPx: number;
  heightPx: number;
}

/**
 * The camera that sees exactly what the picture shows: straight down over the picture's centre, the ortho scale
 * spanning the picture's wider side in meters (Blender's sensor fit AUTO), for a picture of `widthPx` x `heightPx`
 * through `frame` (origin pixel, meters per pixel along x and y). The render's longer side is `maxPx`.
 */
export function pictureView(frame: { originPx: Point2; metersPerPx: [number, number] }, picture: { widthPx: number; heightPx: number }, wallHeight: number, maxPx = 640): PictureView {
  const [mx, my] = frame.metersPerPx;
  const wM = picture.widthPx * mx;
  const hM = picture.heightPx * my;
  const cx = (picture.widthPx / 2 - frame.originPx[0]) * mx;
  const cy = -(picture.heightPx / 2 - frame.originPx[1]) * my;
  const wide = wM >= hM;
  const widthPx = wide ? maxPx : Math.max(16, Math.round((maxPx * wM) / hM));
  const heightPx = wide ? Math.max(16, Math.round((maxPx * hM) / wM)) : maxPx;
  return { camera: { position: [cx, cy, wallHeight + 20], target: [cx, cy, 0], orthoScale: Math.max(wM, hM) }, widthPx, heightPx };
}
