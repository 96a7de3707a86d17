import "server-only";
/**
 * After the code stage builds objects: objects standing on others rest on their measured support surfaces,
 * and built objects whose parts collide or leave the room move to the nearest valid spot (lib/layout/settle.ts).
 * Writes the placements as `set-placement` commands through the executor (history off).
 */
import { settleMoves } from "../../lib/layout/settle";
import { writeDecided } from "../edits/scene-writes";
import { getStore } from "../store";

/** Settles the built objects of `sceneId`; returns the reasons of the moves made. */
export function settleBuilt(sceneId: string): string[] {
  const store = getStore();
  const scene = store.getScene(sceneId);
  if (!scene.room) return [];
  const built = scene.objects.filter((o) => o.build.status === "built");
  // Supports first: what stands on an object is re-rested after it is settled.
  const ids = [...built.filter((o) => !o.support.startsWith("on:")), ...built.filter((o) => o.support.startsWith("on:"))].map((o) => o.id);
  const moves = settleMoves(scene, ids);
  if (!moves.length) return [];
  const last = new Map(moves.map((m) => [m.id, m]));
  writeDecided(sceneId, (s) => ({
    commands: [...last.values()]
      .filter((m) => s.objects.some((o) => o.id === m.id))
      .map((m) => ({ name: "set-placement" as const, args: { objectId: m.id, placement: m.placement, ...(m.support ? { support: m.support } : {}) } })),
  }));
  return moves.map((m) => m.reason);
}
