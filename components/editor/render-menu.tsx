"use client";
/**
 * Render menu: a Cycles render of the current preview camera or a preset (top plan, corner perspective, eye level),
 * quick or final budget, through POST .../renders; progress arrives as `render.*` events into the gallery.
 */
import { useRef, useState } from "react";
import { cameraFromThree, PRESET_LABEL, RENDER_PRESETS, type RenderPreset } from "@/lib/render/cameras";
import { getViewCamera } from "../preview/view-camera";
import { postRender } from "./api";
import { useEditor, useEditorStore } from "./editor-context";
import type { RenderItem } from "./editor-store";
import { useDismiss } from "./use-dismiss";

/** The Render button and its menu. */
export function RenderMenu() {
  const store = useEditorStore();
  const ready = useEditor((s) => s.scene?.status === "completed" && !!s.scene.room);
  const [open, setOpen] = useState(false);
  const [budget, setBudget] = useState<"quick" | "final">("final");
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, () => setOpen(false));

  const start = async (preset: RenderPreset) => {
    setOpen(false);
    const st = store.getState();
    const view = preset === "current" ? getViewCamera(store) : null;
    if (preset === "current" && !view) {
      st.notify("error", "The 3D preview is not ready, so there is no current view to render.");
      return;
    }
    const r = await postRender(st.sceneId, { preset, budget, ...(view ? { camera: cameraFromThree(view.position, view.target, view.fovDeg, view.ortho) } : {}) });
    const now = store.getState();
    if (!r.ok) {
      now.notify("error", r.missing ? "Renders are not available on this server yet." : `Could not start the render: ${r.error.message}`);
      return;
    }
    const item: RenderItem = { id: r.value.render.id, preset, status: "running", url: null, passesDone: 0, passesTotal: null, samples: null, seconds: null, error: null, createdAt: r.value.render.createdAt };
    if (!now.renders.some((x) => x.id === item.id)) now.setRenders([item, ...now.renders.map((x) => (x.status === "running" ? { ...x, status: "superseded" as const } : x))]);
    now.setPanel("gallery");
    now.requestResubscribe();
  };

  const item = "flex w-full px-3 py-1 text-left hover:bg-stone-100";
  return (
    <div className="relative" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} data-testid="render-button" disabled={!ready} onClick={() => setOpen((o) => !o)} className="rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-40">
        Render ▾
      </button>
      {open && (
        <div role="menu" className="absolute right-0 z-20 mt-1 w-64 rounded border border-stone-200 bg-white py-1 text-sm shadow-lg" data-testid="render-menu">
          {RENDER_PRESETS.map((p) => (
            <button key={p} type="button" role="menuitem" data-testid={`render-preset-${p}`} className={item} onClick={() => void start(p)}>
              {PRESET_LABEL[p]}
            </button>
          ))}
          <div className="mt-1 flex items-center gap-2 border-t border-stone-100 px-3 pt-1 text-xs text-stone-600">
            <span>Samples</span>
            <label className="flex items-center gap-1">
              <input type="radio" name="render-budget" data-testid="render-budget-quick" checked={budget === "quick"} onChange={() => setBudget("quick")} /> quick (16)
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="render-budget" data-testid="render-budget-final" checked={budget === "final"} onChange={() => setBudget("final")} /> final (128)
            </label>
          </div>
          <button type="button" role="menuitem" data-testid="render-gallery-open" className={`${item} border-t border-stone-100 text-stone-600`} onClick={() => {
            setOpen(false);
            store.getState().setPanel("gallery");
          }}>
            Gallery…
          </button>
        </div>
      )}
    </div>
  );
}
