"use client";
/**
 * The editor page body: creates the scene's store, runs its side effects (SSE, keyboard), and lays out
 * stages | preview | code with resizable panes, the edit bar, the export menu and undo/redo. The root
 * element exposes the scene state for tests: data-objects-built (objects whose current GLB is shown),
 * data-objects-total, data-scene-status, data-last-seq, data-snapshot-seq (the seq of the snapshot the page
 * loaded).
 */
import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { CodePane } from "../code/code-pane";
import { LibraryPanel, libraryDropHandlers } from "../library/library-panel";
import { StructureReview } from "../review/structure-review";
import { ObjectList } from "../stages/object-list";
import { StageTimeline } from "../stages/stage-timeline";
import { fetchScene } from "./api";
import { EditBar } from "./edit-bar";
import { EditorStoreProvider, useEditor, useEditorStore } from "./editor-context";
import { countShown, createEditorStore } from "./editor-store";
import { ExportMenu } from "./export-menu";
import { OpenAllButton } from "../joints/open-all-button";
import { HistoryButtons } from "./history-buttons";
import { Notices } from "./notices";
import { PaneSplitter } from "./pane-splitter";
import { RenderGallery, useRenderGallery } from "./render-gallery";
import { RenderMenu } from "./render-menu";
import { FidelityButton } from "../fidelity/fidelity-view";
import { SceneTitle } from "./scene-title";
import { SelectionBar } from "./selection-bar";
import { ShortcutSheet } from "./shortcut-sheet";
import { useEditorKeys } from "./use-editor-keys";
import { loadPersisted, usePersistence } from "./use-persistence";
import { useSceneEvents } from "./use-scene-events";

const ScenePreview = dynamic(() => import("../preview/scene-preview"), {
  ssr: false,
  loading: () => <div className="grid h-full place-items-center text-sm text-stone-500">Loading the 3D preview…</div>,
});

const STATUS_TEXT: Record<string, string> = {
  queued: "queued",
  running: "generating…",
  needs_review: "waiting for your review",
  completed: "ready",
  failed: "failed",
  cancelled: "cancelled",
};

function Editor() {
  const store = useEditorStore();
  useSceneEvents(store);
  useEditorKeys(store);
  usePersistence(store);
  useRenderGallery();
  const scene = useEditor((s) => s.scene);
  const built = useEditor(countShown);
  const lastSeq = useEditor((s) => s.lastSeq);
  const snapshotSeq = useEditor((s) => s.snapshotSeq);
  const [left, setLeft] = useState(300);
  const [right, setRight] = useState(460);
  if (!scene) return null;
  const review = scene.status === "needs_review" && scene.source.kind === "image";
  return (
    <div
      className="flex h-screen min-w-[1200px] flex-col"
      data-testid="editor"
      data-scene-id={scene.id}
      data-objects-built={built}
      data-objects-total={scene.objects.length}
      data-scene-status={scene.status}
      data-last-seq={lastSeq}
      data-snapshot-seq={snapshotSeq}
    >
      <header className="flex items-center gap-3 border-b border-stone-200 bg-white px-3 py-1.5">
        <Link href="/" className="text-sm font-semibold">
          Roomcode
        </Link>
        <SceneTitle />
        <span data-testid="scene-status" className="rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-600">
          {STATUS_TEXT[scene.status] ?? scene.status}
        </span>
        <div className="ml-auto flex items-center gap-1">
          <button type="button" data-testid="library-button" title="Add objects from the library" disabled={scene.status !== "completed"} className="rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-40" onClick={() => store.getState().setPanel("library")}>
            Library
          </button>
          <HistoryButtons />
          <RenderMenu />
          <FidelityButton />
          <OpenAllButton />
          <ExportMenu />
          <button type="button" aria-label="Keyboard shortcuts" data-testid="shortcuts-button" title="Keyboard shortcuts (?)" className="rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100" onClick={() => store.getState().setPanel("shortcuts")}>
            ?
          </button>
        </div>
      </header>
      <div className="flex min-h-0 flex-1">
        <aside className="flex shrink-0 flex-col gap-3 overflow-auto bg-stone-50 p-2" style={{ width: left }}>
          <StageTimeline />
          <ObjectList />
        </aside>
        <PaneSplitter label="Resize stages pane" onDelta={(d) => setLeft((w) => Math.min(560, Math.max(220, w + d)))} />
        <main className="flex min-w-0 flex-1 flex-col">
          <div className="relative min-h-0 flex-1" {...(review ? {} : libraryDropHandlers(store))}>
            {review ? <StructureReview key={scene.id} scene={scene} /> : <ScenePreview />}
            {!review && <SelectionBar />}
            {!review && <LibraryPanel />}
            <RenderGallery />
          </div>
          <EditBar />
        </main>
        {!review && (
          <>
            <PaneSplitter label="Resize code pane" onDelta={(d) => setRight((w) => Math.min(820, Math.max(300, w - d)))} />
            <aside className="min-h-0 shrink-0 bg-white" style={{ width: right }}>
              <CodePane />
            </aside>
          </>
        )}
      </div>
      <Notices />
      <ShortcutSheet />
    </div>
  );
}

const NOT_FOUND = "not_found";

/** Loads the scene snapshot (`GET /api/scenes/:id` with its lastSeq), then mounts the editor. */
export function EditorApp({ sceneId }: { sceneId: string }) {
  const [store, setStore] = useState<ReturnType<typeof createEditorStore> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void fetchScene(sceneId).then((r) => {
      if (!live) return;
      if (r.ok) setStore(createEditorStore(sceneId, { ...r.value, ...loadPersisted(sceneId) }));
      else setError(r.status === 404 ? NOT_FOUND : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [sceneId]);
  if (error === NOT_FOUND)
    return (
      <main className="mx-auto grid min-h-screen max-w-lg place-content-center gap-3 p-8 text-center" data-testid="not-found">
        <h1 className="text-xl font-semibold">This room does not exist</h1>
        <p className="text-stone-600">It may have been deleted.</p>
        <Link href="/" data-testid="not-found-home" className="mx-auto rounded bg-stone-900 px-4 py-1.5 text-sm text-white">
          Back to your rooms
        </Link>
      </main>
    );
  if (error)
    return (
      <div className="p-8" role="alert">
        <p className="text-red-800">{error}</p>
        <Link href="/" className="text-sky-700 underline">
          Back to the start page
        </Link>
      </div>
    );
  if (!store) return <div className="p-8 text-sm text-stone-500">Opening the scene…</div>;
  return (
    <EditorStoreProvider value={store}>
      <Editor />
    </EditorStoreProvider>
  );
}
