"use client";
/**
 * Export menu: scene .glb, .blend, scene.py, simulator exports (URDF zip, MJCF zip, USD; the selected object's
 * URDF) and the selected object's program .py, downloaded with progress and
 * named after the scene title. The menu stays open to show each download's progress and closes on Esc or a click
 * outside it.
 */
import { useRef, useState } from "react";
import { useEditor, useEditorStore } from "./editor-context";
import { fileBase } from "./file-names";
import { useDismiss } from "./use-dismiss";

interface ExportItem {
  key: string;
  label: string;
  url: string;
  filename: string;
}

async function download(url: string, filename: string, onProgress: (p: string) => void): Promise<void> {
  const res = await fetch(url);
  if (!res.ok) {
    let msg = `export failed (${res.status})`;
    try {
      msg = ((await res.json()) as { error?: { message?: string } }).error?.message ?? msg;
    } catch {}
    throw new Error(msg);
  }
  const total = Number(res.headers.get("content-length") ?? 0);
  const reader = res.body?.getReader();
  const chunks: BlobPart[] = [];
  let got = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      got += value.byteLength;
      onProgress(total ? `${Math.round((100 * got) / total)}%` : `${(got / 1e6).toFixed(1)} MB`);
    }
  } else chunks.push(await res.arrayBuffer());
  const href = URL.createObjectURL(new Blob(chunks));
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The export dropdown. */
export function ExportMenu() {
  const store = useEditorStore();
  const sceneId = useEditor((s) => s.sceneId);
  const status = useEditor((s) => s.scene?.status);
  const sel = useEditor((s) => s.scene?.objects.find((o) => o.id === s.selectedId) ?? null);
  const title = useEditor((s) => s.scene?.title ?? "");
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<Record<string, string>>({});
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, () => setOpen(false));
  const base = `/api/scenes/${encodeURIComponent(sceneId)}`;
  const name = fileBase(title);
  const items: ExportItem[] = [
    { key: "glb", label: "Scene .glb", url: `${base}/export.glb`, filename: `${name}.glb` },
    { key: "blend", label: "Scene .blend", url: `${base}/export.blend`, filename: `${name}.blend` },
    { key: "py", label: "scene.py", url: `${base}/export.py`, filename: `${name}.py` },
  ];
  items.push(
    { key: "urdf", label: "URDF of every object (.zip)", url: `${base}/export.urdf`, filename: `${name}-urdf.zip` },
    { key: "mjcf", label: "MuJoCo scene MJCF (.zip)", url: `${base}/export.mjcf`, filename: `${name}-mjcf.zip` },
    { key: "usd", label: "Scene USD (.usd)", url: `${base}/export.usd`, filename: `${name}.usd` },
  );
  if (sel?.build.glbRev) items.push({ key: "urdf-obj", label: `${sel.name} URDF (.zip)`, url: `${base}/export.urdf?object=${encodeURIComponent(sel.id)}`, filename: `${name}-${sel.id}-urdf.zip` });
  if (sel?.program) items.push({ key: "obj", label: `${sel.name} program (.py)`, url: `${base}/objects/${encodeURIComponent(sel.id)}/program.py?rev=${sel.program.rev}`, filename: `${name}-${sel.id}.py` });

  const run = async (it: ExportItem) => {
    setProgress((p) => ({ ...p, [it.key]: "building…" }));
    try {
      await download(it.url, it.filename, (pct) => setProgress((p) => ({ ...p, [it.key]: pct })));
      setProgress((p) => ({ ...p, [it.key]: "done" }));
    } catch (e) {
      setProgress((p) => ({ ...p, [it.key]: "" }));
      store.getState().notify("error", `Export of ${it.label} failed.`, (e as Error).message);
    }
  };

  return (
    <div className="relative" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="export-button" className="rounded border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100" disabled={status !== "completed"}>
        Export ▾
      </button>
      {open && (
        <ul role="menu" className="absolute right-0 z-20 mt-1 w-60 rounded border border-stone-200 bg-white py-1 text-sm shadow-lg">
          {items.map((it) => (
            <li key={it.key} role="none">
              <button type="button" role="menuitem" data-testid={`export-${it.key}`} className="flex w-full justify-between px-3 py-1 text-left hover:bg-stone-100" onClick={() => void run(it)} disabled={!!progress[it.key] && progress[it.key] !== "done"}>
                <span>{it.label}</span>
                <span className="text-xs text-stone-500" data-testid={`export-progress-${it.key}`}>
                  {progress[it.key]}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
