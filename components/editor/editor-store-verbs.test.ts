import { describe, expect, it } from "vitest";
import type { Scene, SceneObject, StageEvent } from "@/lib/scene";
import { createEditorStore } from "./editor-store";
import { describeChanges, displayName, errorKind, errorSentence, nameIds } from "./messages";

const obj = (id: string, extra: Partial<SceneObject> = {}): SceneObject => ({
  id,
  name: id.split("-")[0].replace(/_/g, " "),
  category: id.split("-")[0],
  description: "",
  route: "static_furniture",
  targetSize: { w: 1, d: 1, h: 1 },
  placement: { x: 0, y: 0, z: 0, yawDeg: 0 },
  support: "floor",
  attributes: { color: null, colorName: null, material: null, size: null, style: [], tags: [] },
  plan: null,
  program: { rev: 1, source: "PARAMS = {}\n", params: { color: "#ffffff" }, origin: "generated", createdAt: "" } as SceneObject["program"],
  build: { status: "built", glbRev: 1, stats: null, error: null, attempts: 0 },
  hidden: false,
  ...extra,
});

const scene = (objects: SceneObject[], room: Partial<NonNullable<Scene["room"]>> | null = null): Scene =>
  ({ id: "s1", title: "t", source: { kind: "prompt", prompt: "p" }, engine: "offline", structure: null, room, objects, decor: null, status: "completed", stage: "decor", error: null, createdAt: "", updatedAt: "" }) as Scene;

const rev = (seq: number, type: StageEvent["type"], data: Record<string, unknown>): StageEvent => ({ seq, sceneId: "s1", type, stage: null, objectId: null, data, ts: "2026-01-01T00:00:00Z" });

describe("editor store: drafts", () => {
  it("keeps a draft per object across selection changes and drops it when the text equals the saved program", () => {
    const store = createEditorStore("s1", { scene: scene([obj("bed-1"), obj("rug-1")]), lastSeq: 0 });
    const saved = { source: "PARAMS = {}\n", rev: 1 };
    store.getState().select("bed-1");
    store.getState().setDraft("bed-1", "PARAMS = {'a': 1}\n", saved);
    store.getState().select("rug-1");
    expect(store.getState().drafts["bed-1"]).toEqual({ source: "PARAMS = {'a': 1}\n", baseRev: 1 });
    store.getState().setDraft("bed-1", "PARAMS = {'a': 2}\n", { source: saved.source, rev: 2 });
    expect(store.getState().drafts["bed-1"].baseRev).toBe(1);
    store.getState().setDraft("bed-1", saved.source, saved);
    expect(store.getState().drafts["bed-1"]).toBeUndefined();
  });

  it("starts with drafts restored from storage", () => {
    const store = createEditorStore("s1", { scene: scene([obj("bed-1")]), lastSeq: 0, drafts: { "bed-1": { source: "x", baseRev: 1 } } });
    expect(store.getState().drafts["bed-1"].source).toBe("x");
  });
});

describe("editor store: multi-select", () => {
  it("Shift-click adds and removes; the primary is the last added", () => {
    const store = createEditorStore("s1", { scene: scene([obj("bed-1"), obj("rug-1"), obj("lamp-1")]), lastSeq: 0 });
    store.getState().select("bed-1");
    store.getState().toggleSelect("rug-1");
    expect(store.getState().selectedIds).toEqual(["bed-1", "rug-1"]);
    expect(store.getState().selectedId).toBe("rug-1");
    store.getState().toggleSelect("rug-1");
    expect(store.getState().selectedIds).toEqual(["bed-1"]);
    expect(store.getState().selectedId).toBe("bed-1");
    store.getState().setSelection(["lamp-1", "bed-1"]);
    expect(store.getState().selectedId).toBe("lamp-1");
    store.getState().setScene(scene([obj("bed-1")]));
    expect(store.getState().selectedIds).toEqual(["bed-1"]);
    store.getState().select(null);
    expect(store.getState().selectedIds).toEqual([]);
  });
});

describe("editor store: render gallery", () => {
  it("adds a render on render.started, refines it on progress and completes it", () => {
    const store = createEditorStore("s1", { scene: scene([]), lastSeq: 0 });
    store.getState().applyEvent(rev(1, "render.started", { renderId: "r1", preset: "corner", passes: 3 }));
    store.getState().applyEvent(rev(2, "render.progress", { renderId: "r1", pass: 1, of: 3, samples: 4, seconds: 2.1, url: "/a.png" }));
    expect(store.getState().renders[0]).toMatchObject({ id: "r1", status: "running", url: "/a.png", passesDone: 1, passesTotal: 3, samples: 4 });
    store.getState().applyEvent(rev(3, "render.started", { renderId: "r2", preset: "top", passes: 2 }));
    expect(store.getState().renders.map((r) => [r.id, r.status])).toEqual([
      ["r2", "running"],
      ["r1", "superseded"],
    ]);
    store.getState().applyEvent(rev(4, "render.completed", { renderId: "r2", seconds: 9, url: "/b.png" }));
    expect(store.getState().renders[0]).toMatchObject({ status: "completed", url: "/b.png" });
  });
});

describe("messages", () => {
  it("names what an edit changed by object name", () => {
    const before = scene([obj("rug-1"), obj("sofa-1"), obj("floor_lamp-1")], { wallMaterial: { color: "#ffffff" } } as never);
    const after = scene(
      [obj("sofa-1", { placement: { x: 1, y: 0, z: 0, yawDeg: 0 } }), obj("floor_lamp-1", { program: { ...obj("x").program!, rev: 2, params: { color: "#112233" } } }), obj("armchair-1")],
      { wallMaterial: { color: "#9caf88" } } as never,
    );
    expect(describeChanges(before, after)).toEqual(["Added Armchair", "Removed Rug", "Moved Sofa", "Recoloured Floor lamp", "Changed the room (walls)"]);
  });

  it("replaces ids with names and numbers namesakes", () => {
    const objects = [obj("chair-1"), obj("chair-2"), obj("floor_lamp-1")];
    expect(nameIds("floor_lamp-1 overlaps chair-2.", objects)).toBe("Floor lamp overlaps Chair 2.");
    expect(displayName(objects[0], objects)).toBe("Chair 1");
  });

  it("words errors by kind: syntax is not policy", () => {
    expect(errorKind("SyntaxError", "policy")).toBe("syntax");
    expect(errorKind("PolicyError")).toBe("policy");
    expect(errorKind("Timeout")).toBe("timeout");
    expect(errorKind("NameError")).toBe("runtime");
    expect(errorSentence({ type: "SyntaxError", message: "SyntaxError: invalid syntax", line: 4 }, "policy")).toBe("The program has a Python syntax error on line 4: invalid syntax");
    expect(errorSentence({ type: "PolicyError", message: "import os is not allowed", line: 1 })).toMatch(/sandbox does not allow on line 1/);
  });
});
