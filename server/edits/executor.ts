import "server-only";
/**
 * The command executor (DESIGN.md section 6): the one writer of a scene's objects, room and structure after
 * generation. A `SceneChange` stages commands in memory (builds have already written their immutable artefacts:
 * program revisions and GLBs); `commit` then writes every command's rows, the history entry and the change's
 * events in ONE store transaction, and publishes the events after it commits. A process that dies before the
 * commit leaves the scene as it was; one that dies after leaves the whole change with its history entry.
 */
import { perform, type Command } from "../../lib/edits/commands";
import type { Scene, StageEvent } from "../../lib/scene/schema";
import { publishEvent } from "../events/bus";
import { getStore, type Store } from "../store";
import { recordChangeIn, type HistoryItem } from "./history";
import { appendStaged, writeCommand, type StagedEvent } from "./scene-writes";

export type { StagedEvent } from "./scene-writes";

/** What a commit records in history: kind ("instruction", "placement", "batch", ...), label and actor; null for none. */
export type HistoryRecord = { kind: string; label: string; actor: string } | null;

/** Result of `SceneChange.commit`: the scene as stored after the commit, the history entry (or null) and the events written. */
export interface Committed {
  scene: Scene;
  entry: HistoryItem | null;
  events: StageEvent[];
}

/**
 * One change of a scene: `apply` stages a command on the in-memory scene (no write), `emit` stages an event,
 * `commit` writes all of it atomically. The caller holds the locks of the objects it changes
 * (server/edits/lock.ts). A change that is never committed (an error, a superseded build) leaves no trace.
 */
export class SceneChange {
  /** Staged commands, in order. */
  readonly commands: Command[] = [];
  /** Inverses of the staged commands, in undo order (last command's inverse first). */
  readonly inverses: Command[] = [];
  /** The scene when the change began. */
  readonly before: Scene;
  private cur: Scene;
  private readonly events: StagedEvent[] = [];
  private committed = false;

  /** Starts a change of `sceneId` from `scene` (default: the stored scene). Throws AppError `not_found`. */
  constructor(readonly sceneId: string, scene?: Scene) {
    this.before = scene ?? getStore().getScene(sceneId);
    this.cur = this.before;
  }

  /** The scene with every staged command applied. */
  get scene(): Scene {
    return this.cur;
  }

  /** Stages `cmd` and returns the scene after it. Throws Error `edits: ...` for an unknown object or a `set-params`. */
  readonly apply = (cmd: Command): Scene => {
    if (this.committed) throw new Error("edits: this change was already committed");
    if (cmd.name === "set-params") throw new Error("edits: set-params is built into a revision first and applied as set-program");
    const r = perform(this.cur, cmd);
    this.cur = r.scene;
    this.commands.push(cmd);
    this.inverses.unshift(r.inverse);
    return this.cur;
  };

  /** Stages an event to be written with the commit (and published after it). */
  emit(event: StagedEvent): void {
    this.events.push(event);
  }

  /**
   * Writes the staged commands (against the scene as stored at commit time), the history entry (`history`, when
   * any command was staged) and the staged events in one transaction; then publishes the events. Returns the
   * stored scene, the entry and the events. `also` runs inside the same transaction (undo marks its entry).
   * Throws what a command throws; nothing is written then.
   */
  commit(history: HistoryRecord, also?: (store: Store) => void): Committed {
    if (this.committed) throw new Error("edits: this change was already committed");
    this.committed = true;
    const store = getStore();
    const out = store.transaction(() => {
      let s = store.getScene(this.sceneId);
      const inverses: Command[] = [];
      for (const cmd of this.commands) {
        const r = writeCommand(store, s, cmd);
        s = r.scene;
        inverses.unshift(r.inverse);
      }
      const entry = history && this.commands.length ? recordChangeIn(store, this.sceneId, { ...history, commands: this.commands, inverses }) : null;
      also?.(store);
      return { entry, events: appendStaged(store, this.sceneId, this.events, entry) };
    });
    for (const e of out.events) publishEvent(e);
    return { scene: store.getScene(this.sceneId), entry: out.entry, events: out.events };
  }
}

/**
 * Applies `cmds` in order as one change and commits it with `history` and `events`; returns what `commit` returns.
 * Throws Error `edits: ...` for an unknown object; nothing is written then.
 */
export function executeCommands(sceneId: string, cmds: readonly Command[], history: HistoryRecord, events: StagedEvent[] = []): Committed {
  const change = new SceneChange(sceneId);
  for (const c of cmds) change.apply(c);
  for (const e of events) change.emit(e);
  return change.commit(history);
}

