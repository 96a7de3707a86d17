/**
 * The Roomcode scene model (DESIGN.md section 3) as zod schemas and inferred types.
 *
 * Units: meters for every length, degrees for yaw (`yawDeg`, counter-clockwise seen from above,
 * about +Z), colors as sRGB hex strings `#rrggbb`. Frame: the room frame of DESIGN.md section 2
 * (origin at the floor center, +X east, +Y north, +Z up).
 */
import { z } from "zod";

/** sRGB hex color `#rrggbb` (lower or upper case). */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "expected a hex color #rrggbb");

/** Object id: lowercase snake/kebab with a numeric suffix, e.g. `bed-1`, `floor_lamp-2`. */
export const ObjectId = z.string().regex(/^[a-z][a-z0-9_]*-[0-9]+$/, "expected an id like bed-1");
export type ObjectId = z.infer<typeof ObjectId>;

/** Category: singular snake_case noun, e.g. `floor_lamp`. */
export const Category = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a snake_case category");

/** A 2D point [x, y] in meters in the room frame. */
export const Point2 = z.tuple([z.number(), z.number()]);
export type Point2 = z.infer<typeof Point2>;

/** A 3D point [x, y, z] in meters. */
export const Point3 = z.tuple([z.number(), z.number(), z.number()]);
export type Point3 = z.infer<typeof Point3>;

/** Target or measured size of an object in meters: w along local X, d along local Y, h along Z. */
export const Size3 = z.object({
  w: z.number().positive(),
  d: z.number().positive(),
  h: z.number().positive(),
});
export type Size3 = z.infer<typeof Size3>;

/** Placement of an object in the room frame: position of its footprint center (m) and yaw (deg). */
export const Placement = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  z: z.number().finite(),
  yawDeg: z.number().finite(),
});
export type Placement = z.infer<typeof Placement>;

/** Construction route of an object (SceneCode's five families plus thin covers such as rugs). */
export const Route = z.enum([
  "static_furniture",
  "simple_manipuland",
  "structured_manipuland",
  "articulated",
  "wall_art",
  "thin_cover",
]);
export type Route = z.infer<typeof Route>;

/** What an object rests on: the floor, a wall, the ceiling, or another object (`on:<objectId>`). */
export const Support = z.union([
  z.literal("floor"),
  z.literal("wall"),
  z.literal("ceiling"),
  z.string().regex(/^on:[a-z][a-z0-9_]*-[0-9]+$/),
]);
export type Support = z.infer<typeof Support>;

/** A PBR material description (Principled BSDF inputs; roughness and metallic in [0, 1]). */
export const Material = z.object({
  name: z.string().min(1),
  color: HexColor,
  roughness: z.number().min(0).max(1).default(0.5),
  metallic: z.number().min(0).max(1).default(0),
});
export type Material = z.infer<typeof Material>;

/** A door or window in a wall. `wall` indexes footprint edge i -> i+1; `offset` is the distance (m) from that edge's start to the opening's center. */
export const Opening = z.object({
  id: z.string().min(1),
  kind: z.enum(["door", "window"]),
  wall: z.number().int().min(0),
  offset: z.number().min(0),
  width: z.number().positive(),
  height: z.number().positive(),
  sill: z.number().min(0),
});
export type Opening = z.infer<typeof Opening>;

/** A stored program revision: Python source and its literal PARAMS dict. */
export const ProgramRevision = z.object({
  rev: z.number().int().min(1),
  source: z.string(),
  params: z.record(z.string(), z.unknown()),
  origin: z.string().default("generated"),
  createdAt: z.string(),
});
export type ProgramRevision = z.infer<typeof ProgramRevision>;

/** The room shell: footprint polygon (m, counter-clockwise), walls, openings, surfaces, and its own bpy program. */
export const Room = z.object({
  roomType: z.string().default("room"),
  footprint: z.array(Point2).min(3),
  wallHeight: z.number().positive(),
  wallThickness: z.number().positive(),
  openings: z.array(Opening),
  floorMaterial: Material,
  wallMaterial: Material,
  ceiling: z.boolean().default(false),
  program: ProgramRevision.nullable(),
  glbRev: z.number().int().min(1).nullable().default(null),
});
export type Room = z.infer<typeof Room>;

/** Attributes from the description: resolved color/material plus free words (sizes, styles) used for ATR checks. */
export const Attributes = z.object({
  color: HexColor.nullable().default(null),
  colorName: z.string().nullable().default(null),
  material: z.string().nullable().default(null),
  size: z.string().nullable().default(null),
  style: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  /** Second colour of the object (upholstery, frame, top), e.g. read off its region of the picture. */
  secondaryColor: HexColor.nullable().optional(),
});
export type Attributes = z.infer<typeof Attributes>;

/** One part of an object's blueprint (3D-CoS "blueprint before code"). Pose and size in the object's local frame (m, deg). */
export const PlanPart = z.object({
  name: z.string().min(1),
  primitive: z.enum(["box", "cylinder", "sphere", "torus", "cone", "curve", "mesh"]),
  localPose: z.object({ x: z.number(), y: z.number(), z: z.number(), yawDeg: z.number().default(0) }),
  size: Size3,
  material: z.string(),
  symmetry: z.enum(["none", "mirror_x", "mirror_y", "radial"]).default("none"),
  movable: z.boolean().default(false),
});
export type PlanPart = z.infer<typeof PlanPart>;

/** The blueprint of an object: its parts. */
export const ObjectPlan = z.object({ parts: z.array(PlanPart) });
export type ObjectPlan = z.infer<typeof ObjectPlan>;

/**
 * A validated joint of an object (DESIGN.md section 4, the `JOINTS` contract): the runner expands the program's
 * literal `JOINTS` against PARAMS and checks it against the built parts. `axis` is a unit vector and `origin` a
 * point (m) in the object's local frame (Z-up); `limits` are degrees (revolute) or meters (prismatic) around the
 * built pose 0; `children` move together, `parent` is the part they hinge on; `swivel` marks an axis through them.
 */
export const Joint = z.object({
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/),
  type: z.enum(["revolute", "prismatic"]),
  parent: z.string(),
  children: z.array(z.string()).min(1),
  axis: Point3,
  origin: Point3,
  limits: z.tuple([z.number(), z.number()]),
  swivel: z.boolean().default(false),
});
export type Joint = z.infer<typeof Joint>;

/** An upward support surface of a built object, in its local frame (m): height z, plan rectangle min/max [x, y], face area (m^2), free height above (m; null when nothing of the object is above). */
export const SupportSurface = z.object({
  z: z.number(),
  min: Point2,
  max: Point2,
  area: z.number().min(0),
  clearance: z.number().nullable(),
});
export type SupportSurface = z.infer<typeof SupportSurface>;

/** The axis-aligned box (local frame, m) of one built part. */
export const PartBox = z.object({ name: z.string(), min: Point3, max: Point3 });
export type PartBox = z.infer<typeof PartBox>;

/** Build statistics reported by the runner. bbox is in the object's local frame, Z-up, meters; timings in ms; `joints` validated (absent or empty without JOINTS). */
export const BuildStats = z.object({
  bbox: z.object({ min: Point3, max: Point3 }),
  size: Size3.or(z.object({ w: z.number(), d: z.number(), h: z.number() })),
  vertices: z.number().int().min(0),
  triangles: z.number().int().min(0),
  parts: z.array(z.string()),
  materials: z.number().int().min(0),
  nonManifoldEdges: z.number().int().min(0),
  timings: z.record(z.string(), z.number()),
  joints: z.array(Joint).optional(),
  /** Upward support surfaces, largest first (absent in builds made before they were measured). */
  supportSurfaces: z.array(SupportSurface).optional(),
  /** Per-part boxes in the local frame. */
  partBoxes: z.array(PartBox).optional(),
  /** Convex hull of the object in plan (local frame, counter-clockwise). */
  footprint: z.array(Point2).optional(),
});
export type BuildStats = z.infer<typeof BuildStats>;

/** A structured build or policy error; `line` is 1-based in the object program, null when unknown. */
export const BuildError = z.object({
  type: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
  traceback: z.string().default(""),
  rule: z.string().optional(),
  prints: z.string().optional(),
});
export type BuildError = z.infer<typeof BuildError>;

/** Build state of an object. */
export const BuildState = z.object({
  status: z.enum(["pending", "coding", "building", "built", "failed"]),
  glbRev: z.number().int().min(1).nullable(),
  stats: BuildStats.nullable(),
  error: BuildError.nullable(),
  attempts: z.number().int().min(0).default(0),
});
export type BuildState = z.infer<typeof BuildState>;

/** A placement problem of an object (computed from the built parts when the scene is read; never stored). */
export const PlacementIssue = z.object({
  kind: z.enum(["collision", "floating", "wall", "outside", "door_swing"]),
  /** The other object involved (collisions, the support of a floating object). */
  with: z.string().optional(),
  message: z.string(),
});
export type PlacementIssue = z.infer<typeof PlacementIssue>;

/** An object in the scene (SceneCode's scene-state registry entry, keyed by id). */
export const SceneObject = z.object({
  id: ObjectId,
  name: z.string().min(1),
  category: Category,
  description: z.string(),
  route: Route,
  targetSize: Size3,
  placement: Placement,
  support: Support,
  attributes: Attributes,
  plan: ObjectPlan.nullable(),
  program: ProgramRevision.nullable(),
  build: BuildState,
  hidden: z.boolean().default(false),
  /** Current placement problems (lib/layout/issues.ts), present in API answers. */
  issues: z.array(PlacementIssue).optional(),
});
export type SceneObject = z.infer<typeof SceneObject>;

/** Relation types shared by the prompt parser, the layout solver and the evaluation (SceneEval vocabulary). */
export const RelationType = z.enum([
  "near",
  "next_to",
  "left",
  "right",
  "front",
  "behind",
  "facing",
  "across",
  "on_top",
  "above",
  "under",
  "between",
  "around",
  "against_wall",
  "corner",
  "middle",
  "near_window",
  "near_door",
  "under_window",
]);
export type RelationType = z.infer<typeof RelationType>;

/** A relation: `subject` relates to `anchor` (an object id, or an architectural element for object-architecture relations). */
export const Relation = z.object({
  type: RelationType,
  subject: ObjectId,
  anchor: z.union([ObjectId, z.enum(["wall", "room", "door", "window"])]),
  anchor2: ObjectId.optional(),
});
export type Relation = z.infer<typeof Relation>;

/** A footprint detected in a top-down image: box in image pixels and in room meters, suggested category and confidence in [0, 1]. */
export const Footprint = z.object({
  id: z.string().min(1),
  category: Category,
  confidence: z.number().min(0).max(1),
  boxPx: z.object({ x: z.number(), y: z.number(), w: z.number().positive(), h: z.number().positive() }),
  boxM: z.object({ x: z.number(), y: z.number(), w: z.number().positive(), d: z.number().positive() }),
  zone: z.string().nullable().default(null),
  reason: z.string().default(""),
  /** Runner-up categories of a learned detector, best first (shown in the review). */
  alternatives: z.array(z.object({ category: Category, confidence: z.number().min(0).max(1) })).optional(),
  /** Yaw (deg, CCW; 0 = the object's back to the north) seen in the image, when the detector estimates it. */
  yawDeg: z.number().nullable().optional(),
  /** True when the user set `yawDeg` in the review: the object keeps that yaw and the box's own width and depth. */
  yawFixed: z.boolean().optional(),
});
export type Footprint = z.infer<typeof Footprint>;

/** A zone of a multi-room image or description (e.g. "bedroom", "lounge"), box in room meters. */
export const Zone = z.object({
  id: z.string().min(1),
  kind: z.string(),
  box: z.object({ x: z.number(), y: z.number(), w: z.number().positive(), d: z.number().positive() }),
});
export type Zone = z.infer<typeof Zone>;

/** One object as recognised by the structure stage, before layout/profile/code. */
export const ObjectSpec = z.object({
  id: ObjectId,
  category: Category,
  name: z.string().min(1),
  description: z.string(),
  attributes: Attributes,
  targetSize: Size3,
  support: Support,
  footprintId: z.string().nullable().default(null),
  zone: z.string().nullable().default(null),
  /** Approximate center in the room frame (m) when the source gives one (images). */
  approxCenter: Point2.nullable().default(null),
  approxYawDeg: z.number().nullable().default(null),
});
export type ObjectSpec = z.infer<typeof ObjectSpec>;

/** Output of the structure stage: room, objects, relations, negations, zones, and for images the footprints. */
export const StructureSpec = z.object({
  roomType: z.string(),
  roomSize: Size3,
  footprint: z.array(Point2).min(3).nullable().default(null),
  openings: z.array(Opening).default([]),
  objects: z.array(ObjectSpec),
  relations: z.array(Relation),
  negations: z.array(z.string()).default([]),
  zones: z.array(Zone).default([]),
  footprints: z.array(Footprint).default([]),
  /** For images: the image pixel (original resolution) at the room origin and meters per pixel along image x and y. */
  imageFrame: z.object({ originPx: Point2, metersPerPx: z.tuple([z.number().positive(), z.number().positive()]) }).nullable().optional(),
  style: z.array(z.string()).default([]),
  notes: z.array(z.string()).default([]),
  /** For images: floor and wall materials seen in the picture (colour from their regions, floor roughness guessed). */
  appearance: z.object({ floor: Material.nullable(), wall: Material.nullable() }).nullable().optional(),
});
export type StructureSpec = z.infer<typeof StructureSpec>;

/** A light in the room frame; power in watts (Blender light energy). */
export const Light = z.object({
  kind: z.enum(["point", "area", "sun", "spot"]),
  /** Room frame (m); for a light that belongs to an object, where it was when attached (lib/scene/lights.ts derives the current one). */
  position: Point3,
  color: HexColor,
  power: z.number().min(0),
  /** The object (a lamp) this light belongs to: it moves, turns, hides and goes with that object. */
  objectId: z.string().optional(),
  /** Position in that object's local frame (m, Z-up, origin at its footprint centre); set together with objectId. */
  local: Point3.optional(),
});
export type Light = z.infer<typeof Light>;

/** Output of the decor stage. */
export const Decor = z.object({
  floorMaterial: Material,
  wallMaterial: Material,
  lights: z.array(Light),
  notes: z.array(z.string()).default([]),
});
export type Decor = z.infer<typeof Decor>;

/** The five pipeline stages in order (DESIGN.md section 5). */
export const StageName = z.enum(["structure", "layout", "profile", "code", "decor"]);
export type StageName = z.infer<typeof StageName>;
export const STAGES: readonly StageName[] = StageName.options;

/** Engine name. */
export const EngineName = z.enum(["offline", "openai"]);
export type EngineName = z.infer<typeof EngineName>;

/** Where a scene came from. */
export const SceneSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("prompt"), prompt: z.string() }),
  z.object({
    kind: z.literal("image"),
    imageFile: z.string(),
    widthPx: z.number().int().positive(),
    heightPx: z.number().int().positive(),
    prompt: z.string().optional(),
    roomDims: z.object({ w: z.number().positive(), d: z.number().positive() }).optional(),
  }),
]);
export type SceneSource = z.infer<typeof SceneSource>;

/** Scene lifecycle status. */
export const SceneStatus = z.enum(["queued", "running", "needs_review", "completed", "failed", "cancelled"]);
export type SceneStatus = z.infer<typeof SceneStatus>;

/** A whole scene. */
export const Scene = z.object({
  id: z.string().min(1),
  title: z.string(),
  source: SceneSource,
  engine: EngineName,
  structure: StructureSpec.nullable().default(null),
  room: Room.nullable(),
  objects: z.array(SceneObject),
  decor: Decor.nullable(),
  status: SceneStatus,
  stage: StageName.nullable(),
  error: z.string().nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Scene = z.infer<typeof Scene>;

/** Cross-stage memory entry (Code-as-Room): each stage reads upstream entries and writes its own. */
export const MemoryEntry = z.object({
  stage: StageName,
  kind: z.string(),
  key: z.string(),
  value: z.unknown(),
  createdAt: z.string(),
});
export type MemoryEntry = z.infer<typeof MemoryEntry>;

/** Event types in a scene's append-only log. */
export const StageEventType = z.enum([
  "job.started",
  "stage.started",
  "stage.output",
  "stage.completed",
  "object.code",
  "object.built",
  "object.failed",
  "scene.needs_review",
  "scene.updated",
  "edit.plan",
  "edit.applied",
  "edit.failed",
  "render.started",
  "render.progress",
  "render.completed",
  "render.failed",
  "job.completed",
  "job.failed",
]);
export type StageEventType = z.infer<typeof StageEventType>;

/** Terminal event types: an SSE stream closes after one of these. */
export const TERMINAL_EVENTS: readonly StageEventType[] = ["job.completed", "job.failed", "scene.needs_review"];

/** One event in a scene's log; `seq` increases by one per scene starting at 1. */
export const StageEvent = z.object({
  seq: z.number().int().min(1),
  sceneId: z.string(),
  type: StageEventType,
  stage: StageName.nullable().default(null),
  objectId: z.string().nullable().default(null),
  data: z.record(z.string(), z.unknown()),
  ts: z.string(),
});
export type StageEvent = z.infer<typeof StageEvent>;
