"use client";
/** Object list under the timeline: search, select (synced with preview and code pane; Shift-click adds), hide/show, the server's placement issues per object; names first. */
import { useState } from "react";
import { patchObject } from "../editor/api";
import { useEditor, useEditorStore } from "../editor/editor-context";
import { displayName } from "../editor/messages";
import { issuesOf } from "../preview/placement-panel";
import { StatusIcon } from "./status-icon";

/** Searchable object list. */
export function ObjectList() {
  const store = useEditorStore();
  const objects = useEditor((s) => s.scene?.objects ?? []);
  const selectedIds = useEditor((s) => s.selectedIds);
  const pending = useEditor((s) => s.pending);
  const [q, setQ] = useState("");
  const shown = objects.filter((o) => !q || `${o.id} ${o.name} ${o.category} ${o.description}`.toLowerCase().includes(q.toLowerCase()));

  const toggleHidden = async (id: string, hidden: boolean) => {
    const { sceneId, scene, upsertObject, notify } = store.getState();
    const obj = scene?.objects.find((o) => o.id === id);
    if (!obj) return;
    upsertObject({ ...obj, hidden });
    const r = await patchObject(sceneId, id, { hidden });
    if (r.ok) upsertObject(r.value.object);
    else if (!r.missing) notify("error", `Could not ${hidden ? "hide" : "show"} ${displayName(obj, scene?.objects)}: ${r.error.message}`);
  };

  return (
    <section aria-label="Objects" className="text-sm">
      <h2 className="mb-1 font-semibold">
        Objects <span className="font-normal text-stone-500">({objects.length})</span>
      </h2>
      <input
        type="search"
        aria-label="Search objects"
        placeholder="Search objects"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="mb-1 w-full rounded border border-stone-300 px-2 py-1 text-sm"
      />
      <ul data-testid="object-list" className="space-y-0.5">
        {shown.map((o) => (
          <li
            key={o.id}
            data-testid={`object-item-${o.id}`}
            data-status={o.build.status}
            className={`flex items-center gap-1 rounded px-1 ${selectedIds.includes(o.id) ? "bg-sky-100" : "hover:bg-stone-100"} ${pending.includes(o.id) ? "ring-1 ring-amber-400" : ""}`}
          >
            <StatusIcon status={o.build.status} />
            <button
              type="button"
              className={`min-w-0 flex-1 truncate py-0.5 text-left ${o.hidden ? "text-stone-400 line-through" : ""}`}
              aria-pressed={selectedIds.includes(o.id)}
              title={o.description}
              onClick={(e) => (e.shiftKey ? store.getState().toggleSelect(o.id) : store.getState().select(o.id))}
            >
              {displayName(o, objects)} <span className="text-xs text-stone-500">{o.id}</span>
            </button>
            {issuesOf(o).length > 0 && (
              <span
                role="img"
                data-testid={`object-issues-${o.id}`}
                aria-label={`Placement problems: ${issuesOf(o).map((i) => i.message).join("; ")}`}
                title={issuesOf(o).map((i) => i.message).join("\n")}
                className="text-xs text-amber-700"
              >
                ⚠ {issuesOf(o).length}
              </span>
            )}
            <button
              type="button"
              aria-label={o.hidden ? `Show ${o.id}` : `Hide ${o.id}`}
              title={o.hidden ? `Show ${displayName(o, objects)}` : `Hide ${displayName(o, objects)}`}
              className="px-1 text-xs text-stone-500 hover:text-stone-900"
              onClick={() => void toggleHidden(o.id, !o.hidden)}
            >
              {o.hidden ? "show" : "hide"}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
