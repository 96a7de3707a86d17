"use client";
/** The room shell GLB (already in the room frame, so placed at the origin). */
import { Suspense, useCallback } from "react";
import { roomGlbUrl } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { GlbErrorBoundary, GlbModel } from "./glb-model";

/** Renders room.glb at its current revision, if built. */
export function RoomNode() {
  const store = useEditorStore();
  const rev = useEditor((s) => s.scene?.room?.glbRev ?? null);
  const onLoaded = useCallback(() => {
    if (rev !== null) store.getState().setRoomLoaded(rev);
  }, [store, rev]);
  const onError = useCallback((e: Error) => store.getState().notify("error", "The room shell could not be shown.", e.message), [store]);
  if (rev === null) return null;
  const url = roomGlbUrl(store.getState().sceneId, rev);
  return (
    <group name="room" raycast={() => null}>
      <GlbErrorBoundary onError={onError} resetKey={url}>
        <Suspense fallback={null}>
          <GlbModel key={url} url={url} onLoaded={onLoaded} />
        </Suspense>
      </GlbErrorBoundary>
    </group>
  );
}
