import "server-only";
/** Stage 1, structure: prompt or image -> StructureSpec (room, objects, relations, zones, footprints). */
import { StructureSpec, type MemoryEntry, type Scene } from "../../../lib/scene/schema";
import type { Engine, StructureInput } from "../../engines/types";
import { writeDecided } from "../../edits/scene-writes";
import { ArtifactKeys, getStore } from "../../store";
import { entry, type PipelineContext } from "../context";

/** The engine's structure input for a scene (a local path of the image); throws AppError `not_found` when the image is missing. */
export function structureInput(scene: Scene): StructureInput {
  if (scene.source.kind === "prompt") return { prompt: scene.source.prompt, image: null };
  const s = scene.source;
  return {
    prompt: s.prompt ?? null,
    image: { path: getStore().localFile(scene.id, ArtifactKeys.sceneFile(s.imageFile), "image"), widthPx: s.widthPx, heightPx: s.heightPx, roomDims: s.roomDims ?? null },
  };
}

/** Run the structure stage: store the StructureSpec on the scene and return its memory entries. */
export async function runStructure(ctx: PipelineContext, engine: Engine, scene: Scene): Promise<MemoryEntry[]> {
  const spec = StructureSpec.parse(await engine.structure(ctx, structureInput(scene)));
  writeDecided(scene.id, () => ({ commands: [{ name: "detect-structure", args: { structure: spec } }] }));
  const out: MemoryEntry[] = [
    entry("structure", "room", "room", { roomType: spec.roomType, roomSize: spec.roomSize, footprint: spec.footprint, openings: spec.openings, style: spec.style }),
    entry(
      "structure",
      "objects",
      "objects",
      spec.objects.map((o) => ({ id: o.id, category: o.category, description: o.description, targetSize: o.targetSize, support: o.support, attributes: o.attributes })),
    ),
    entry("structure", "relations", "relations", spec.relations),
  ];
  if (spec.negations.length) out.push(entry("structure", "negations", "negations", spec.negations));
  if (spec.zones.length) out.push(entry("structure", "zones", "zones", spec.zones));
  if (spec.footprints.length) out.push(entry("structure", "footprints", "footprints", spec.footprints));
  for (const n of spec.notes) ctx.note(n);
  return out;
}
