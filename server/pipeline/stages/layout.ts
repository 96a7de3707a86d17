import "server-only";
/**
 * Stage 2, layout: placements for every object and the room shell program (built right away so the
 * preview shows the room early). Object rows are (re)created here from the structure, in one write through the
 * executor (server/edits/scene-writes.ts).
 */
import { categoryInfo } from "../../../lib/vocab";
import type { Material, MemoryEntry, Placement, Scene, SceneObject, StructureSpec } from "../../../lib/scene/schema";
import type { Engine } from "../../engines/types";
import { writeDecided } from "../../edits/scene-writes";
import { plainRevision, ROOM_ID, type RoomCore } from "../../store";
import { addRevision } from "../build";
import { buildRoomRevision, trackRoomBuild } from "../room";
import { entry, type PipelineContext } from "../context";

/** Floor material until the decor stage chooses one (light oak). */
export const DEFAULT_FLOOR: Material = { name: "oak", color: "#b48a5a", roughness: 0.6, metallic: 0 };
/** Wall material until the decor stage chooses one (warm white paint). */
export const DEFAULT_WALL: Material = { name: "paint", color: "#ece8e1", roughness: 0.9, metallic: 0 };

/** A pending SceneObject from its structure spec and placement (route from the vocabulary until profile). */
export function objectFromSpec(o: StructureSpec["objects"][number], placement: Placement, support: SceneObject["support"]): SceneObject {
  return {
    id: o.id,
    name: o.name,
    category: o.category,
    description: o.description,
    route: categoryInfo(o.category).route,
    targetSize: o.targetSize,
    placement,
    support,
    attributes: o.attributes,
    plan: null,
    program: null,
    build: { status: "pending", glbRev: null, stats: null, error: null, attempts: 0 },
    hidden: false,
  };
}

/** Run the layout stage: store room core + program, object rows with placements; build the room shell. */
export async function runLayout(ctx: PipelineContext, engine: Engine, scene: Scene): Promise<MemoryEntry[]> {
  const spec = scene.structure;
  if (!spec) throw new Error("pipeline: layout needs the structure stage's output");
  const layout = await engine.layout(ctx, spec);
  const core: RoomCore = {
    roomType: spec.roomType,
    footprint: layout.room.footprint,
    wallHeight: layout.room.wallHeight,
    wallThickness: layout.room.wallThickness,
    openings: layout.room.openings,
    floorMaterial: scene.room?.floorMaterial ?? DEFAULT_FLOOR,
    wallMaterial: scene.room?.wallMaterial ?? DEFAULT_WALL,
    ceiling: false,
  };
  const missing: string[] = [];
  const objects = spec.objects.map((o) => {
    let p = layout.placements[o.id];
    if (!p) {
      missing.push(o.id);
      p = { x: o.approxCenter?.[0] ?? 0, y: o.approxCenter?.[1] ?? 0, z: 0, yawDeg: o.approxYawDeg ?? 0 };
    }
    return objectFromSpec(o, p, layout.supports?.[o.id] ?? o.support);
  });
  // The shell program is an immutable artefact first; then one write replaces the objects and the room.
  const roomRev = addRevision(scene.id, ROOM_ID, layout.room.programSource, "generated");
  writeDecided(scene.id, (s) => ({
    commands: [
      ...s.objects.map((o) => ({ name: "remove-object" as const, args: { objectId: o.id } })),
      ...objects.map((object) => ({ name: "add-object" as const, args: { object } })),
      { name: "set-shell", args: { room: { ...core, program: plainRevision(roomRev), glbRev: null } } },
    ],
  }));
  for (const n of layout.notes) ctx.note(n);
  if (missing.length) ctx.note(`No placement for ${missing.join(", ")}; placed at the structure's estimate.`);

  // The shell builds in the background, overlapping profile and code; the job awaits it before completing.
  const pending = buildRoomRevision(scene.id, roomRev).then((built) => {
    if (!built.ok) ctx.note(`The room shell did not build: ${built.error.type}: ${built.error.message}`);
  });
  trackRoomBuild(scene.id, pending);
  return [
    entry("layout", "room", "room", { footprint: core.footprint, wallHeight: core.wallHeight, wallThickness: core.wallThickness, openings: core.openings, rev: roomRev.rev }),
    entry("layout", "placements", "placements", layout.placements),
    ...(layout.supports && Object.keys(layout.supports).length ? [entry("layout", "supports", "supports", layout.supports)] : []),
  ];
}
