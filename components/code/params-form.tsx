"use client";
/**
 * PARAMS of the selected object's program as form controls (controls from lib/program/controls):
 * sliders with a number box for numbers, colour pickers, toggles, count steppers, selects. Continuous controls
 * preview locally and commit once: a slider on release, a number on Enter/blur, a colour when the picker closes
 * (the native `change` event, not every `input` of a drag). Each commit rebuilds only that object through
 * PATCH .../objects/:oid {params}: one revision and one undo step per choice.
 */
import { useEffect, useRef, useState } from "react";
import { paramControl, type ParamControl } from "@/lib/program/controls";
import type { ParamValue } from "@/lib/program/params";

/** Props: current params and the commit callback (`busy` disables the form while the object rebuilds). */
export interface ParamsFormProps {
  params: Record<string, ParamValue>;
  busy: boolean;
  onCommit: (name: string, value: ParamValue) => void;
}

function NumberField({ c, value, busy, onCommit }: { c: Extract<ParamControl, { kind: "number" | "integer" }>; value: number; busy: boolean; onCommit: (v: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  // Enter, pointer release and the blur that follows can all fire for one change: commit it once.
  const sent = useRef<number>(value);
  const commit = (raw: string) => {
    const v = c.kind === "integer" ? Math.round(Number(raw)) : Number(raw);
    if (v === sent.current) return;
    if (!Number.isFinite(v) || v === value) {
      setDraft(String(value));
      return;
    }
    sent.current = v;
    onCommit(v);
  };
  const min = Math.min(c.min, value);
  const max = Math.max(c.max, value);
  const unit = c.kind === "number" && c.unit ? (c.unit === "deg" ? "°" : c.unit === "m" ? "m" : "") : "";
  return (
    <div className="flex items-center gap-2">
      <input
        type="range"
        aria-label={`${c.label} slider`}
        min={min}
        max={max}
        step={c.step}
        value={Number.isFinite(Number(draft)) ? Number(draft) : value}
        disabled={busy}
        onChange={(e) => setDraft(e.target.value)}
        onPointerUp={(e) => commit((e.target as HTMLInputElement).value)}
        onKeyUp={(e) => commit((e.target as HTMLInputElement).value)}
        className="min-w-0 flex-1"
      />
      <input
        type="number"
        aria-label={c.label}
        data-testid={`param-${c.name}`}
        step={c.step}
        value={draft}
        disabled={busy}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit((e.target as HTMLInputElement).value);
        }}
        className="w-20 rounded border border-stone-300 px-1 text-right"
      />
      <span className="w-3 text-stone-500">{unit}</span>
    </div>
  );
}

function Field({ c, value, busy, onCommit }: { c: ParamControl; value: ParamValue; busy: boolean; onCommit: (v: ParamValue) => void }) {
  switch (c.kind) {
    case "number":
    case "integer":
      return <NumberField c={c} value={Number(value)} busy={busy} onCommit={onCommit} />;
    case "color":
      return <ColorField label={c.label} name={c.name} value={String(value).toLowerCase()} busy={busy} onCommit={onCommit} />;
    case "toggle":
      return <input type="checkbox" aria-label={c.label} data-testid={`param-${c.name}`} checked={value === true} disabled={busy} onChange={(e) => onCommit(e.target.checked)} />;
    case "select":
      return (
        <select aria-label={c.label} data-testid={`param-${c.name}`} value={String(value)} disabled={busy} onChange={(e) => onCommit(e.target.value)} className="rounded border border-stone-300 px-1">
          {c.options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
    case "text":
      return <TextField label={c.label} name={c.name} value={String(value)} busy={busy} onCommit={onCommit} />;
    case "list":
      return <span className="font-mono text-xs text-stone-600">{JSON.stringify(value)}</span>;
  }
}

function ColorField({ label, name, value, busy, onCommit }: { label: string; name: string; value: string; busy: boolean; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  const ref = useRef<HTMLInputElement>(null);
  const sent = useRef(value);
  const commitRef = useRef(onCommit);
  useEffect(() => {
    commitRef.current = onCommit;
  }, [onCommit]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // React's onChange is the `input` event (every step of a drag); `change` fires once, when the choice is made.
    const onChange = () => {
      const v = el.value.toLowerCase();
      if (v === sent.current || v === value) return;
      sent.current = v;
      commitRef.current(v);
    };
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  }, [value]);
  return (
    <span className="flex items-center gap-2">
      <input
        ref={ref}
        type="color"
        aria-label={label}
        data-testid={`param-${name}`}
        value={draft}
        disabled={busy}
        onChange={(e) => setDraft(e.target.value.toLowerCase())}
        className="h-6 w-12 cursor-pointer rounded border border-stone-300"
      />
      <span className="font-mono text-stone-500" data-testid={`param-${name}-value`}>
        {draft}
      </span>
    </span>
  );
}

function TextField({ label, name, value, busy, onCommit }: { label: string; name: string; value: string; busy: boolean; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  const sent = useRef(value);
  const commit = () => {
    if (draft === value || draft === sent.current) return;
    sent.current = draft;
    onCommit(draft);
  };
  return (
    <input
      type="text"
      aria-label={label}
      data-testid={`param-${name}`}
      value={draft}
      disabled={busy}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === "Enter" && commit()}
      className="w-full rounded border border-stone-300 px-1"
    />
  );
}

/** The PARAMS form. */
export function ParamsForm({ params, busy, onCommit }: ParamsFormProps) {
  const entries = Object.entries(params);
  if (entries.length === 0) return <p className="text-xs text-stone-500">This program has no PARAMS.</p>;
  return (
    <div className="grid grid-cols-[minmax(5rem,auto)_1fr] items-center gap-x-2 gap-y-1 text-xs" data-testid="params-form" aria-busy={busy}>
      {entries.map(([name, value]) => {
        const c = paramControl(name, value);
        return (
          <label key={name} className="contents">
            <span className="truncate text-stone-600" title={name}>
              {c.label}
            </span>
            {/* Keyed by value: a new value from the server resets the field's draft. */}
            <Field key={JSON.stringify(value)} c={c} value={value} busy={busy} onCommit={(v) => onCommit(name, v)} />
          </label>
        );
      })}
    </div>
  );
}
