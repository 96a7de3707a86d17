"use client";
/** The room shell GLB (already in the room frame, so placed at the origin), with the wall cutaway. */
import { Suspense, useCallback, useEffect, useRef } from "react";
import { useFrame, useThree } from "@react-three/fiber";
import type { Group } from "three";
import { roomGlbUrl } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { applyCutaway, findCutawayParts, type CutawayPart } from "./cutaway";
import { GlbErrorBoundary, GlbModel } from "./glb-model";

/** Renders room.glb at its current revision, if built; hides the walls between the camera and the room while the cutaway is on. */
export function RoomNode() {
  const store = useEditorStore();
  const rev = useEditor((s) => s.scene?.room?.glbRev ?? null);
  const cutaway = useEditor((s) => s.cutaway);
  const invalidate = useThree((s) => s.invalidate);
  const group = useRef<Group>(null);
  const parts = useRef<CutawayPart[]>([]);
  const onLoaded = useCallback(() => {
    parts.current = group.current ? findCutawayParts(group.current) : [];
    if (rev !== null) store.getState().setRoomLoaded(rev);
    invalidate();
  }, [store, rev, invalidate]);
  const onError = useCallback((e: Error) => store.getState().notify("error", "The room shell could not be shown.", e.message), [store]);
  useEffect(() => invalidate(), [cutaway, invalidate]);
  // Runs before each rendered frame (the canvas renders on demand: camera moves and changes).
  useFrame(({ camera }) => {
    const st = store.getState();
    st.setWallsHidden(applyCutaway(parts.current, camera.position, st.cutaway));
  });
  if (rev === null) return null;
  const url = roomGlbUrl(store.getState().sceneId, rev);
  return (
    <group name="room" ref={group} raycast={() => null}>
      <GlbErrorBoundary onError={onError} resetKey={url}>
        <Suspense fallback={null}>
          <GlbModel key={url} url={url} onLoaded={onLoaded} />
        </Suspense>
      </GlbErrorBoundary>
    </group>
  );
}
