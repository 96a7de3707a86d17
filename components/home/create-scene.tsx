"use client";
/**
 * Start a scene: a prompt box, or a top-down image (drag and drop or file picker, with a preview and
 * optional room dimensions in meters), plus one-click examples. Posts to POST /api/scenes and opens
 * the editor.
 */
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { Scene } from "@/lib/scene";
import { readResult } from "../editor/api";
import { EXAMPLE_IMAGE, EXAMPLE_PROMPTS } from "./examples";

const ACCEPT = "image/png,image/jpeg,image/webp";

/** The create panel. */
export function CreateScene() {
  const router = useRouter();
  const [prompt, setPrompt] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [dims, setDims] = useState({ w: "", d: "" });
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const choose = (f: File | null) => {
    setFile(f);
    setPreview(f ? URL.createObjectURL(f) : null);
  };

  const pick = (f: File | undefined | null) => {
    setError(null);
    if (!f) return;
    if (!ACCEPT.split(",").includes(f.type)) return setError("Please choose a PNG, JPEG or WebP image.");
    if (f.size > 20 * 1024 * 1024) return setError("The image is larger than 20 MB.");
    choose(f);
  };

  const submit = async (body: { prompt: string } | FormData) => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/scenes", body instanceof FormData ? { method: "POST", body } : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const r = await readResult<{ scene: Scene }>(res);
      if (!r.ok) {
        setError(r.missing ? "The server cannot create scenes yet." : r.error.message);
        setBusy(false);
        return;
      }
      router.push(`/scenes/${encodeURIComponent(r.value.scene.id)}`);
    } catch (e) {
      setError(`The server could not be reached (${(e as Error).message}).`);
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (file) {
      const fd = new FormData();
      fd.set("image", file);
      if (prompt.trim()) fd.set("prompt", prompt.trim());
      if (dims.w && dims.d) {
        fd.set("roomWidth", dims.w);
        fd.set("roomDepth", dims.d);
      }
      void submit(fd);
    } else if (prompt.trim()) void submit({ prompt: prompt.trim() });
    else setError("Describe a room or add a top-down image first.");
  };

  const loadExampleImage = async () => {
    const res = await fetch(EXAMPLE_IMAGE.url);
    const blob = await res.blob();
    pick(new File([blob], EXAMPLE_IMAGE.filename, { type: "image/png" }));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    pick(e.dataTransfer.files?.[0]);
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4" aria-label="Create a room">
      <label className="block text-sm font-medium" htmlFor="prompt">
        Describe a room
      </label>
      <textarea
        id="prompt"
        data-testid="prompt-input"
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
        rows={3}
        placeholder="A living room with a gray sofa against the back wall and a coffee table in front of it"
        className="w-full rounded border border-stone-300 p-2 text-sm"
      />
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="dropzone"
        className={`flex items-center gap-3 rounded border-2 border-dashed p-3 text-sm ${over ? "border-sky-500 bg-sky-50" : "border-stone-300"}`}
      >
        {preview ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={preview} alt="Chosen top-down image" className="h-24 w-auto rounded border border-stone-200" data-testid="image-preview" />
        ) : (
          <span className="text-stone-500">…or drop a top-down image of a room here (PNG, JPEG, WebP, up to 20 MB)</span>
        )}
        <div className="ml-auto flex flex-col items-end gap-1">
          <button type="button" className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100" onClick={() => input.current?.click()}>
            Choose image…
          </button>
          {file && (
            <button type="button" className="text-xs text-stone-500 underline" onClick={() => choose(null)}>
              Remove image
            </button>
          )}
        </div>
        <input ref={input} type="file" accept={ACCEPT} className="hidden" aria-label="Top-down image file" data-testid="image-input" onChange={(e) => pick(e.target.files?.[0])} />
      </div>
      {file && (
        <fieldset className="flex items-center gap-2 text-sm">
          <legend className="sr-only">Room dimensions</legend>
          <span className="text-stone-600">Room size (optional):</span>
          <input aria-label="Room width in meters" inputMode="decimal" type="number" min="1" max="50" step="0.1" value={dims.w} onChange={(e) => setDims({ ...dims, w: e.target.value })} className="w-20 rounded border border-stone-300 px-1" placeholder="width" />
          ×
          <input aria-label="Room depth in meters" inputMode="decimal" type="number" min="1" max="50" step="0.1" value={dims.d} onChange={(e) => setDims({ ...dims, d: e.target.value })} className="w-20 rounded border border-stone-300 px-1" placeholder="depth" />
          m
        </fieldset>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="create-submit" className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
        {busy ? "Starting…" : file ? "Generate from image" : "Generate room"}
      </button>
      <div className="border-t border-stone-100 pt-3 text-sm">
        <p className="mb-1 text-stone-600">Try an example:</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" data-testid="example-image" onClick={() => void loadExampleImage()} className="flex items-center gap-2 rounded border border-stone-300 px-2 py-1 hover:bg-stone-100">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={EXAMPLE_IMAGE.url} alt="" className="h-8 w-auto rounded" />
            {EXAMPLE_IMAGE.label}
          </button>
          {EXAMPLE_PROMPTS.map((p) => (
            <button key={p.id} type="button" data-testid={`example-${p.id}`} title={p.text} onClick={() => setPrompt(p.text)} className="rounded border border-stone-300 px-2 py-1 hover:bg-stone-100">
              {p.label}
            </button>
          ))}
        </div>
        <p className="mt-1 text-xs text-stone-400">
          Examples: Code-as-Room (Apache-2.0) and SceneEval (MIT), see <a href="/examples/ATTRIBUTION.md" className="underline">attribution</a>.
        </p>
      </div>
    </form>
  );
}
