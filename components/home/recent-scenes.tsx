"use client";
/** Recent scenes from GET /api/scenes as large thumbnail cards (status, object count), each with rename and delete. */
import { useEffect, useState } from "react";
import Link from "next/link";
import type { SceneSummary } from "../../lib/api/scene-summary";
import { api, deleteScene, renameScene } from "../editor/api";

const STATUS: Record<string, string> = { queued: "queued", running: "generating", needs_review: "needs your review", completed: "ready", failed: "failed", cancelled: "cancelled" };

function SceneCard({ s, onGone, onRenamed }: { s: SceneSummary; onGone: () => void; onRenamed: (title: string) => void }) {
  const [confirm, setConfirm] = useState(false);
  const [title, setTitle] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const r = await deleteScene(s.id);
    if (r.ok || r.status === 404) onGone();
    else setError(r.error.message);
  };
  const rename = async () => {
    const t = title?.trim();
    setTitle(null);
    if (!t || t === s.title) return;
    const r = await renameScene(s.id, t);
    if (r.ok) onRenamed(r.value.scene.title);
    else setError(r.error.message);
  };
  return (
    <li data-testid={`scene-card-${s.id}`} className="group overflow-hidden rounded-lg border border-stone-200 bg-white">
      <Link href={`/scenes/${encodeURIComponent(s.id)}`} className="block">
        {s.thumbnailUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={s.thumbnailUrl} alt={`Top view of ${s.title}`} className="aspect-[4/3] w-full bg-stone-100 object-cover" />
        ) : (
          <span className="grid aspect-[4/3] w-full place-items-center bg-stone-100 text-xs text-stone-400">{s.status === "completed" ? "no picture yet" : STATUS[s.status] ?? s.status}</span>
        )}
      </Link>
      <div className="p-2 text-sm">
        {title !== null ? (
          <input autoFocus aria-label="New title" data-testid={`scene-rename-input-${s.id}`} value={title} onChange={(e) => setTitle(e.target.value)} onBlur={() => void rename()} onKeyDown={(e) => (e.key === "Enter" ? void rename() : e.key === "Escape" && setTitle(null))} className="w-full rounded border border-sky-400 px-1" />
        ) : (
          <Link href={`/scenes/${encodeURIComponent(s.id)}`} className="block truncate font-medium hover:underline" title={s.title}>
            {s.title}
          </Link>
        )}
        <span className="block text-xs text-stone-500">
          {STATUS[s.status] ?? s.status} · {s.objectCount} objects · {new Date(s.updatedAt).toLocaleDateString()}
        </span>
        <div className="mt-1 flex gap-2 text-xs">
          {confirm ? (
            <>
              <span>Delete this scene for good?</span>
              <button type="button" data-testid={`scene-delete-confirm-${s.id}`} className="text-red-700 underline" onClick={() => void remove()}>
                Delete
              </button>
              <button type="button" className="underline" onClick={() => setConfirm(false)}>
                Keep
              </button>
            </>
          ) : (
            <>
              <button type="button" data-testid={`scene-rename-${s.id}`} className="text-stone-600 underline" onClick={() => setTitle(s.title)}>
                Rename
              </button>
              <button type="button" data-testid={`scene-delete-${s.id}`} className="text-stone-600 underline" onClick={() => setConfirm(true)}>
                Delete…
              </button>
            </>
          )}
        </div>
        {error && <p className="text-xs text-red-700">{error}</p>}
      </div>
    </li>
  );
}

/** The recent-scenes grid. */
export function RecentScenes() {
  const [scenes, setScenes] = useState<SceneSummary[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void api<{ scenes: SceneSummary[] }>("GET", "/api/scenes").then((r) => {
      if (r.ok) setScenes(r.value.scenes);
      else setNote(r.missing ? "The scene list is not available on this server yet." : r.error.message);
    });
  }, []);
  return (
    <section aria-label="Recent scenes">
      <h2 className="mb-2 text-lg font-semibold">Your rooms</h2>
      {note && <p className="text-sm text-stone-500">{note}</p>}
      {scenes && scenes.length === 0 && <p className="text-sm text-stone-500">No rooms yet: describe one or drop a floor plan to start.</p>}
      {!scenes && !note && <p className="text-sm text-stone-400">Loading…</p>}
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-4" data-testid="recent-scenes">
        {scenes?.map((s) => (
          <SceneCard
            key={s.id}
            s={s}
            onGone={() => setScenes((list) => list?.filter((x) => x.id !== s.id) ?? null)}
            onRenamed={(title) => setScenes((list) => list?.map((x) => (x.id === s.id ? { ...x, title } : x)) ?? null)}
          />
        ))}
      </ul>
    </section>
  );
}
