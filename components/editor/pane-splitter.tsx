"use client";
/** A vertical splitter between panes: drag with the pointer or use the arrow keys. */
import type { PointerEvent as RPointerEvent } from "react";

/** Calls `onDelta(px)` while dragged (positive = rightwards); `label` names it for assistive tech. */
export function PaneSplitter({ label, onDelta }: { label: string; onDelta: (dx: number) => void }) {
  const onPointerDown = (e: RPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    let last = e.clientX;
    const move = (ev: PointerEvent) => {
      onDelta(ev.clientX - last);
      last = ev.clientX;
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft") onDelta(-24);
        if (e.key === "ArrowRight") onDelta(24);
      }}
      className="w-1.5 shrink-0 cursor-col-resize bg-stone-200 hover:bg-sky-300 focus:bg-sky-400 focus:outline-none"
    />
  );
}
