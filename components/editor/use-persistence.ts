"use client";
/**
 * Local persistence of what must survive a reload without the server: program drafts per scene
 * (`roomcode.drafts.<sceneId>`) and the preview quality (`roomcode.quality`), in localStorage.
 */
import { useEffect } from "react";
import type { Draft, EditorStore } from "./editor-store";

const draftsKey = (sceneId: string) => `roomcode.drafts.${sceneId}`;
const QUALITY_KEY = "roomcode.quality";

function read<T>(key: string): T | null {
  try {
    const v = window.localStorage.getItem(key);
    return v ? (JSON.parse(v) as T) : null;
  } catch {
    return null;
  }
}

/** The stored drafts of a scene and the stored quality, for `createEditorStore`. */
export function loadPersisted(sceneId: string): { drafts: Record<string, Draft>; quality: "high" | "low" } {
  const drafts = read<Record<string, Draft>>(draftsKey(sceneId)) ?? {};
  const q = read<string>(QUALITY_KEY);
  return { drafts: typeof drafts === "object" && drafts ? drafts : {}, quality: q === "low" ? "low" : "high" };
}

/** Write drafts and quality back whenever they change (for the lifetime of the editor). */
export function usePersistence(store: EditorStore): void {
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        try {
          if (s.drafts !== prev.drafts) {
            const key = draftsKey(s.sceneId);
            if (Object.keys(s.drafts).length) window.localStorage.setItem(key, JSON.stringify(s.drafts));
            else window.localStorage.removeItem(key);
          }
          if (s.quality !== prev.quality) window.localStorage.setItem(QUALITY_KEY, JSON.stringify(s.quality));
        } catch {
          // storage full or disabled: the drafts stay in memory
        }
      }),
    [store],
  );
}
