import { describe, expect, it } from "vitest";
import type { Scene, SceneObject, StageEvent } from "@/lib/scene";
import { stageStates } from "../stages/stage-state";
import { countShown, createEditorStore } from "./editor-store";

const obj = (id: string, glbRev: number | null): SceneObject => ({
  id,
  name: id,
  category: id.split("-")[0],
  description: "",
  route: "static_furniture",
  targetSize: { w: 1, d: 1, h: 1 },
  placement: { x: 0, y: 0, z: 0, yawDeg: 0 },
  support: "floor",
  attributes: { color: null, colorName: null, material: null, size: null, style: [], tags: [] },
  plan: null,
  program: null,
  build: { status: glbRev ? "built" : "pending", glbRev, stats: null, error: null, attempts: 0 },
  hidden: false,
});

const scene = (objects: SceneObject[], status: Scene["status"] = "running", stage: Scene["stage"] = "code"): Scene => ({
  id: "s1",
  title: "t",
  source: { kind: "prompt", prompt: "p" },
  engine: "offline",
  structure: null,
  room: null,
  objects,
  decor: null,
  status,
  stage,
  error: null,
  createdAt: "",
  updatedAt: "",
});

const ev = (seq: number, type: StageEvent["type"], stage: StageEvent["stage"] = null): StageEvent => ({ seq, sceneId: "s1", type, stage, objectId: null, data: {}, ts: "" });

describe("editor store", () => {
  it("drops events at or below the last seq (replays after a reconnect)", () => {
    const store = createEditorStore("s1", { scene: scene([]), lastSeq: 3 });
    expect(store.getState().applyEvent(ev(2, "stage.started", "layout"))).toBe(false);
    expect(store.getState().applyEvent(ev(4, "stage.started", "code"))).toBe(true);
    expect(store.getState().applyEvent(ev(4, "stage.started", "code"))).toBe(false);
    expect(store.getState().applyEvent(ev(5, "job.completed"))).toBe(true);
    expect(store.getState().events.map((e) => e.seq)).toEqual([4, 5]);
    expect(store.getState().lastSeq).toBe(5);
    expect(store.getState().scene?.status).toBe("completed");
  });

  it("keeps streamed program text per object until its revision is stored", () => {
    const store = createEditorStore("s1", { scene: scene([]), lastSeq: 0 });
    const code = (seq: number, data: Record<string, unknown>): StageEvent => ({ ...ev(seq, "object.code", "code"), objectId: "bed-1", data });
    store.getState().applyEvent(code(1, { partial: true, source: "import bpy\n" }));
    store.getState().applyEvent(code(2, { partial: true, source: "import bpy\nPARAMS = {" }));
    expect(store.getState().streaming["bed-1"]).toBe("import bpy\nPARAMS = {");
    store.getState().applyEvent(code(3, { rev: 1, origin: "generated", source: "import bpy\nPARAMS = {}\n" }));
    expect(store.getState().streaming["bed-1"]).toBeUndefined();
  });

  it("counts only objects whose current GLB revision is shown", () => {
    const store = createEditorStore("s1", { scene: scene([obj("bed-1", 1), obj("rug-1", 2), obj("lamp-1", null)]), lastSeq: 0 });
    store.getState().setLoaded("bed-1", 1);
    store.getState().setLoaded("rug-1", 1);
    expect(countShown(store.getState())).toBe(1);
    store.getState().setLoaded("rug-1", 2);
    expect(countShown(store.getState())).toBe(2);
  });

  it("keeps the selection only while the object exists", () => {
    const store = createEditorStore("s1", { scene: scene([obj("bed-1", 1)]), lastSeq: 0 });
    store.getState().select("bed-1");
    store.getState().setScene(scene([obj("bed-1", 2)]));
    expect(store.getState().selectedId).toBe("bed-1");
    store.getState().setScene(scene([]));
    expect(store.getState().selectedId).toBeNull();
  });
});

describe("stage states", () => {
  it("derives done/running from the snapshot after a reload", () => {
    const st = stageStates(scene([], "running", "code"), []);
    expect(st).toEqual({ structure: "done", layout: "done", profile: "done", code: "running", decor: "waiting" });
  });
  it("marks structure for review and everything done when completed", () => {
    expect(stageStates(scene([], "needs_review", "structure"), []).structure).toBe("review");
    expect(Object.values(stageStates(scene([], "completed", "decor"), []))).toEqual(["done", "done", "done", "done", "done"]);
  });
  it("advances with live events", () => {
    const st = stageStates(scene([], "running", "structure"), [ev(1, "stage.completed", "structure"), ev(2, "stage.started", "layout")]);
    expect(st.structure).toBe("done");
    expect(st.layout).toBe("running");
  });
});
