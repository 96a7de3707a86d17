"use client";
/**
 * Saving review corrections: every correction is one PATCH .../structure (one undoable history step on the
 * server), sent in order; the returned scene replaces the editor's. `pending` counts corrections not yet saved.
 */
import { useCallback, useRef, useState } from "react";
import type { Scene } from "@/lib/scene";
import type { StructurePatchOp } from "@/lib/structure-patch/schema";
import { refreshHistory } from "../editor/actions";
import { api } from "../editor/api";
import { useEditorStore } from "../editor/editor-context";

/** `save(ops)` resolves to the saved scene or null (the error is in `error`); `flush()` waits for every queued save. */
export function useReviewSaves(sceneId: string) {
  const store = useEditorStore();
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const save = useCallback(
    (ops: StructurePatchOp[]): Promise<Scene | null> => {
      setPending((n) => n + 1);
      const run = chain.current.then(async () => {
        const r = await api<{ scene: Scene }>("PATCH", `/api/scenes/${encodeURIComponent(sceneId)}/structure`, { ops });
        setPending((n) => n - 1);
        if (!r.ok) {
          setError(r.missing ? "Correcting the structure is not available on this server yet." : `The correction was not saved: ${r.error.message}`);
          // Show the server's state again: nothing of what was saved before is lost.
          const cur = store.getState().scene;
          if (cur) store.getState().setScene({ ...cur });
          return null;
        }
        setError(null);
        store.getState().setScene(r.value.scene);
        void refreshHistory(store);
        return r.value.scene;
      });
      chain.current = run;
      return run;
    },
    [sceneId, store],
  );

  const flush = useCallback(() => chain.current, []);
  return { save, flush, pending, error, setError };
}
