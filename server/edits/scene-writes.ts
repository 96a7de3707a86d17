import "server-only";
/**
 * How a command's change is written to the store (one object row, the object order, the room or a scene field) and
 * how staged events are appended, inside the caller's transaction; plus the generation pipeline's write
 * (`writeDecided`, history off). The edit path's `SceneChange` (server/edits/executor.ts) uses the same two
 * functions, so generation and edits write scene state one way.
 */
import { perform, type Command } from "../../lib/edits/commands";
import type { Scene, StageEvent, StageEventType, StageName } from "../../lib/scene/schema";
import { publishEvent } from "../events/bus";
import { getStore, type Store } from "../store";
import type { HistoryItem } from "./history";

/** An event written with the change; `data` may be computed from the history entry written with it (or null). */
export interface StagedEvent {
  type: StageEventType;
  stage?: StageName | null;
  objectId?: string | null;
  data?: Record<string, unknown> | ((entry: HistoryItem | null) => Record<string, unknown>);
}

/**
 * Writes one command's change to the store (inside the caller's transaction): the pure command computes the next
 * scene and its inverse; only what it changed is written (one object row, the object order, or the room row).
 * Throws Error `edits: ...` for an unknown object and for `set-params`, which is built into a revision first.
 */
export function writeCommand(store: Store, scene: Scene, cmd: Command): { scene: Scene; inverse: Command } {
  if (cmd.name === "set-params") throw new Error("edits: set-params is built into a revision first and applied as set-program");
  const r = perform(scene, cmd);
  const sceneId = scene.id;
  switch (cmd.name) {
    case "set-placement":
    case "set-program":
    case "set-hidden":
    case "set-plan":
      store.objects.put(sceneId, r.scene.objects.find((o) => o.id === cmd.args.objectId)!);
      break;
    case "add-object":
      store.objects.put(sceneId, cmd.args.object);
      store.objects.setOrder(sceneId, r.scene.objects.map((o) => o.id));
      break;
    case "remove-object":
      store.objects.delete(sceneId, cmd.args.objectId);
      break;
    case "set-room":
    case "set-shell": {
      const room = r.scene.room;
      if (!room) {
        store.scenes.update(sceneId, { room: null, roomRev: null, roomGlbRev: null });
        break;
      }
      const { program, glbRev, ...core } = room;
      store.scenes.update(sceneId, { room: core, roomRev: program?.rev ?? null, roomGlbRev: glbRev });
      break;
    }
    case "set-structure":
    case "detect-structure":
      store.scenes.update(sceneId, { structure: cmd.args.structure });
      break;
    case "set-decor":
      store.scenes.update(sceneId, { decor: cmd.args.decor });
      break;
  }
  return r;
}

/** Appends the staged events inside the caller's transaction; `entry` is the history entry written with them. */
export function appendStaged(store: Store, sceneId: string, events: readonly StagedEvent[], entry: HistoryItem | null): StageEvent[] {
  return events.map((e) =>
    store.events.append(sceneId, e.type, { stage: e.stage ?? null, objectId: e.objectId ?? null, data: typeof e.data === "function" ? e.data(entry) : (e.data ?? {}) }),
  );
}

/** What a generation write decides from the stored scene: the commands to write and the events to write with them. */
export interface Decided {
  commands: Command[];
  events?: StagedEvent[];
}

/**
 * The generation pipeline's write (history off): inside one transaction, `decide` sees the scene as stored and
 * returns the commands and events to write (or null: nothing is written); they are written together and the
 * events are published after the commit. Returns the events written. Throws AppError `not_found` for an unknown
 * scene and what a command throws (`edits: ...`); nothing is written then.
 */
export function writeDecided(sceneId: string, decide: (scene: Scene) => Decided | null): StageEvent[] {
  const store = getStore();
  const events = store.transaction(() => {
    let s = store.getScene(sceneId);
    const d = decide(s);
    if (!d) return [];
    for (const cmd of d.commands) s = writeCommand(store, s, cmd).scene;
    return appendStaged(store, sceneId, d.events ?? [], null);
  });
  for (const e of events) publishEvent(e);
  return events;
}

/** Appends staged events now, in their own transaction with no change of state, and publishes them; returns them. */
export function appendStagedNow(sceneId: string, events: readonly StagedEvent[]): StageEvent[] {
  if (!events.length) return [];
  const store = getStore();
  const out = store.transaction(() => appendStaged(store, sceneId, events, null));
  for (const e of out) publishEvent(e);
  return out;
}
