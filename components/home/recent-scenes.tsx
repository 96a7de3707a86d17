"use client";
/** Recent scenes from GET /api/scenes, with thumbnails, status and object counts. */
import { useEffect, useState } from "react";
import Link from "next/link";
import type { SceneSummary } from "../../lib/api/scene-summary";
import { api } from "../editor/api";


/** The recent-scenes list. */
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
    <section aria-label="Recent scenes" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">Recent scenes</h2>
      {note && <p className="text-sm text-stone-500">{note}</p>}
      {scenes && scenes.length === 0 && <p className="text-sm text-stone-500">No scenes yet.</p>}
      {!scenes && !note && <p className="text-sm text-stone-400">Loading…</p>}
      <ul className="grid grid-cols-2 gap-2" data-testid="recent-scenes">
        {scenes?.map((s) => (
          <li key={s.id}>
            <Link href={`/scenes/${encodeURIComponent(s.id)}`} className="flex gap-2 rounded border border-stone-200 p-2 hover:bg-stone-50">
              {s.thumbnailUrl ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={s.thumbnailUrl} alt="" className="h-14 w-20 rounded object-cover" />
              ) : (
                <span className="grid h-14 w-20 place-items-center rounded bg-stone-100 text-xs text-stone-400">{s.source}</span>
              )}
              <span className="min-w-0 text-sm">
                <span className="block truncate font-medium">{s.title}</span>
                <span className="block text-xs text-stone-500">
                  {s.status} · {s.objectCount} objects · {new Date(s.updatedAt).toLocaleString()}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
