import "server-only";
/**
 * Applies edit commands (lib/edits/commands) to the store: the pure command computes the next scene and its
 * inverse; this writes only what the command changed (one object row, the object order, or the room row).
 */
import { perform, type Command } from "../../lib/edits/commands";
import type { Scene } from "../../lib/scene/schema";
import type { Store } from "../store";

/** Performs `cmd` on `scene` (the store's current state) and writes the change; returns the new scene and the inverse. Throws `edits:` errors for unknown objects. */
export function persistCommand(store: Store, scene: Scene, cmd: Command): { scene: Scene; inverse: Command } {
  if (cmd.name === "set-params") throw new Error("edits: set-params is built into a revision first and stored as set-program");
  const r = perform(scene, cmd);
  const sceneId = scene.id;
  store.transaction(() => {
    switch (cmd.name) {
      case "set-placement":
      case "set-program":
      case "set-hidden": {
        const obj = r.scene.objects.find((o) => o.id === cmd.args.objectId)!;
        store.objects.put(sceneId, obj);
        break;
      }
      case "add-object": {
        store.objects.put(sceneId, cmd.args.object);
        store.objects.setOrder(sceneId, r.scene.objects.map((o) => o.id));
        break;
      }
      case "remove-object":
        store.objects.delete(sceneId, cmd.args.objectId);
        break;
      case "set-room": {
        const { program, glbRev, ...core } = r.scene.room!;
        store.scenes.update(sceneId, { room: core, roomRev: program?.rev ?? null, roomGlbRev: glbRev });
        break;
      }
      case "set-structure":
        store.scenes.update(sceneId, { structure: cmd.args.structure });
        break;
    }
  });
  return r;
}

/** Applies several commands in order; returns the final scene and the inverses in undo order. */
export function persistAll(store: Store, scene: Scene, cmds: readonly Command[]): { scene: Scene; inverses: Command[] } {
  let s = scene;
  const inverses: Command[] = [];
  for (const c of cmds) {
    const r = persistCommand(store, s, c);
    s = r.scene;
    inverses.unshift(r.inverse);
  }
  return { scene: s, inverses };
}
