/**
 * Public interface of the Blender runner client (DESIGN.md section 7). The pool implementation,
 * the JSON protocol and the sandbox launch live beside this file; callers depend only on these types.
 */
import type { SceneCheckPayload } from "./protocol";
import type { BuildError, BuildStats, Joint, Light, Placement } from "../../lib/scene/schema";

/** Result of a job: success with a value plus the program's captured prints, or a structured error. */
export type RunnerResult<T> =
  | { ok: true; value: T; prints: string; timings: Record<string, number> }
  | { ok: false; error: BuildError; prints: string; timings: Record<string, number> };

/** Input of `build_object`: program source, PARAMS overrides, object id, and the absolute path where the GLB is written. */
/** An image texture for the parts whose material name starts with `material`: base64 PNG bytes, repeated every `tileM` meters in plan (or, with `fit`, stretched once over the parts' plan extent in the object's frame), with an optional roughness (0..1). */
export interface MaterialTexture {
  material: string;
  png: string;
  tileM: number;
  fit?: boolean;
  roughness?: number;
}

export interface BuildObjectJob {
  objectId: string;
  source: string;
  overrides?: Record<string, unknown>;
  /** Absolute host path of the GLB to write (its folder must exist). */
  outGlb: string;
  /**
   * Isolation scope, normally the scene id: workers run programs of one scope only (no Python state crosses
   * scopes). Default "default", shared by every job that names none.
   */
  scope?: string;
  /** When true, a script without build() is executed as a whole (human-written corpus scripts). */
  wholeScript?: boolean;
  timeoutMs?: number;
  /**
   * Skip the static policy and restricted builtins (OS sandbox, limits and timeout still apply).
   * Rejected unless the runner was created with `allowUnrestricted` (tests of the OS layer only).
   */
  unrestricted?: boolean;
  /** Aborting cancels the job: dequeued, or its worker killed; the result is an `Aborted` error and no GLB. */
  signal?: AbortSignal;
  /** Image textures put on the built parts (the room's floor from the picture). */
  textures?: MaterialTexture[];
}

/** Output of `build_object` / `build_room`. */
export interface BuildObjectOutput {
  glbPath: string;
  stats: BuildStats;
}

/** One object for `assemble_scene`: its program, overrides and placement (m, deg, room frame). */
export interface AssembleObject {
  objectId: string;
  category: string;
  source: string;
  overrides?: Record<string, unknown>;
  placement: Placement;
  hidden?: boolean;
  /** What it hangs from (lib/layout/mount.ts): kept on its root in the .blend (`roomcode_mount`) so the physical check lets only wall-mounted objects be held by a wall. */
  mount?: "wall" | "ceiling";
  /** Image textures on its parts (a rug's pattern from the picture). */
  textures?: MaterialTexture[];
}

/** Input of `assemble_scene`: room program + objects + lights -> GLB and/or .blend. */
export interface AssembleSceneJob {
  /** Isolation scope (the scene id), as in BuildObjectJob. */
  scope?: string;
  roomSource: string | null;
  /** Image textures on the room's parts (packed into the .blend, embedded in the GLB). */
  textures?: MaterialTexture[];
  roomOverrides?: Record<string, unknown>;
  objects: AssembleObject[];
  lights: Light[];
  /** Absolute host paths; at least one. */
  outGlb?: string;
  outBlend?: string;
  /** Absolute host path of a top-down PNG render (orthographic, for thumbnails and evaluation). */
  outTopPng?: string;
  topPngSizePx?: number;
  timeoutMs?: number;
}

/** Output of `assemble_scene`: per-object world bounding boxes (room frame, m) and timings. */
export interface AssembleSceneOutput {
  glbPath: string | null;
  blendPath: string | null;
  topPngPath: string | null;
  objects: { objectId: string; bbox: { min: [number, number, number]; max: [number, number, number] } }[];
  /** Objects (or "room") whose program failed; they are left out of the outputs. */
  failed?: { objectId: string; error: BuildError }[];
}

/** A render camera in the room frame (m, Z-up): perspective with `fovDeg` (vertical), or orthographic with `orthoScale` (m). */
export interface RenderCamera {
  position: [number, number, number];
  target: [number, number, number];
  fovDeg?: number;
  orthoScale?: number;
}

/** Input of `export_sim`: the assembly input; per object id (and "room") the host path of its OBJ, and a USD path. */
export interface ExportSimJob {
  /** Isolation scope (the scene id). */
  scope: string;
  roomSource: string | null;
  roomOverrides?: Record<string, unknown>;
  objects: AssembleObject[];
  /** Absolute host paths of each object's OBJ (visual parts `o <part>`, hulls `o <part>__hull`, local frame, Z-up, m). */
  outObj: Record<string, string>;
  /** Absolute host path of the scene's USD (`.usd`: a crate from Blender's USD exporter, or USD ASCII without one). */
  outUsd?: string;
  timeoutMs?: number;
}

/** Output of `export_sim`: validated joints and part mass properties per object (SimPayload in protocol.ts). */
export interface ExportSimOutput {
  objects: { objectId: string; joints: Joint[]; parts: SimPartInfo[] }[];
  failed: { objectId: string; error: BuildError }[];
  usdPath: string | null;
  /** "blender": Blender's USD exporter; "usda": USD ASCII written by the worker (Blender built without USD). */
  usdWriter: "blender" | "usda" | null;
}

/** Mass properties of a part (kg, m, kg m^2 about `com`; object local frame, Z-up). */
export interface SimPartInfo {
  name: string;
  material: string;
  density: number;
  color: string;
  volume: number;
  mass: number;
  com: [number, number, number];
  inertia: [number, number, number, number, number, number];
  bbox: { min: [number, number, number]; max: [number, number, number] };
  hullVertices: number;
  hullVolume: number;
}

/** Input of `render_scene`: the assembly input plus a camera, an image size and a Cycles sample count. */
export interface RenderSceneJob {
  /** Isolation scope (the scene id). */
  scope: string;
  roomSource: string | null;
  /** Image textures on the room's parts. */
  textures?: MaterialTexture[];
  roomOverrides?: Record<string, unknown>;
  objects: AssembleObject[];
  lights: Light[];
  camera: RenderCamera;
  widthPx: number;
  heightPx: number;
  samples: number;
  /** Cycles CPU threads (0: Blender's default for the worker). */
  threads?: number;
  /** Leave the room's ceiling out (default true: cameras mostly look from above). */
  hideCeiling?: boolean;
  /** Absolute host path of the PNG to write. */
  outPng: string;
  timeoutMs?: number;
}

/** Output of `render_scene`. `denoised` is false where Blender lacks OpenImageDenoise (Debian). */
export interface RenderSceneOutput {
  pngPath: string;
  samples: number;
  widthPx: number;
  heightPx: number;
  denoised: boolean;
  failed: { objectId: string; error: BuildError }[];
}

/** Output of `check` (policy only): ok, or the first violation as a BuildError with `rule`. */
export interface CheckOutput {
  params: Record<string, unknown> | null;
}

/** State of the pool and sandbox for /api/health. */
export interface RunnerHealth {
  blender: { found: boolean; path: string | null; version: string | null; reason?: string };
  /** `alive` counts workers that answered their ready handshake; `startError` is the last failed start not yet followed by one. */
  pool: { size: number; busy: number; queued: number; alive: number; jobsDone: number; restarts: number; startError: string | null };
  /** `blocking`: the sandbox is required but unavailable, so no worker runs (the reason says how to fix it). */
  sandbox: { enabled: boolean; reason: string | null; seccomp: boolean; dedicatedUids: boolean; blocking: boolean };
}

/** The runner: a warm pool of Blender workers behind a queue. Methods reject only on misuse or shutdown; job failures are `ok: false`. */
export interface Runner {
  buildObject(job: BuildObjectJob): Promise<RunnerResult<BuildObjectOutput>>;
  buildRoom(job: Omit<BuildObjectJob, "wholeScript">): Promise<RunnerResult<BuildObjectOutput>>;
  assembleScene(job: AssembleSceneJob): Promise<RunnerResult<AssembleSceneOutput>>;
  /** Policy check of `source` in a worker of `scope` (the scene id; default "default"). */
  check(source: string, scope?: string): Promise<RunnerResult<CheckOutput>>;
  /** Cycles render of the scene from a camera; a background job (waits while any build is queued). */
  renderScene(job: RenderSceneJob): Promise<RunnerResult<RenderSceneOutput>>;
  /** Meshes, hulls, mass properties and joints for URDF/MJCF, and the scene as USD. */
  exportSim(job: ExportSimJob): Promise<RunnerResult<ExportSimOutput>>;
  /** Physical check of a scene .blend (absolute host path) from its meshes: floating, interpenetrating, wall-penetrating and outside objects. */
  checkScene(job: { blendPath: string; scope: string; timeoutMs?: number }): Promise<RunnerResult<SceneCheckPayload>>;
  health(): RunnerHealth;
  /** Blender version string as reported by the worker, e.g. "3.4.1", or null before the first worker is up. */
  blenderVersion(): string | null;
  close(): Promise<void>;
  /** Resolves true once every worker is up (false when Blender is missing or `timeoutMs` passes). */
  ready?(timeoutMs?: number): Promise<boolean>;
  /** Resident memory in bytes of each worker's process tree (null for a slot without a live worker). */
  workerRss?(): (number | null)[];
}

/** Options of `createRunner` (blender-runner/client/index.ts). */
export interface RunnerOptions {
  /** Explicit Blender executable (BLENDER_PATH); otherwise found on PATH. */
  blenderPath?: string | null;
  /** Number of warm workers (ROOMCODE_WORKERS, default 2). */
  workers?: number;
  /** Wall-clock timeout per job in ms (default 20000). */
  jobTimeoutMs?: number;
  /** Recycle a worker after this many jobs (default 200). */
  recycleAfter?: number;
  /** "auto" uses bubblewrap when available; "off" disables it. */
  sandbox?: "auto" | "off";
  /** Folder for per-worker scratch dirs (default: os.tmpdir()). */
  scratchRoot?: string;
  /** Path of blender-runner/worker.py (default: found from the working directory). */
  workerScript?: string;
  /** Resource caps per worker (defaults in sandbox.ts: 4 GiB address space, 3600 s CPU, 64 tasks). */
  limits?: Partial<{ addressSpaceBytes: number; cpuSeconds: number; processes: number; fileSizeBytes: number }>;
  /** Host dirs hidden from sandboxed workers even inside a bound system tree (default: the working directory). */
  hide?: string[];
  /** Restart an idle worker bound to a scope after this many ms so the next scope finds a fresh one (default 15000; 0: never). */
  idleRefreshMs?: number;
  /**
   * Run each worker slot under its own uid when the server is root (default true). False runs workers as the
   * server's user, as a non-root server must (tests of the caps that hold without root).
   */
  dedicatedUids?: boolean;
  /**
   * "skip" runs every object program as if its author had found a way past the static policy and the
   * restricted builtins (needs allowUnrestricted): tests prove the OS sandbox alone contains it. Default "enforce".
   */
  policy?: "enforce" | "skip";
  /** Allow `unrestricted` jobs (tests of the OS sandbox layer; never in the server). */
  allowUnrestricted?: boolean;
}
