"use client";
/**
 * Category picker of the selected review box: type to filter (the detector's alternatives first, then the known
 * categories), arrows to move, Enter to pick, Escape to leave, Tab to the next box.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { KNOWN_CATEGORIES } from "@/lib/vocab";
import { suggestCategories, toCategory, type ReviewBox } from "./review-boxes";

const human = (c: string) => c.replace(/_/g, " ");

/** The picker for `box`; `onPick` gets a snake_case category, `onTab` moves to the next (+1) or previous (-1) box. */
export function CategoryPicker({
  box,
  inputRef,
  onPick,
  onLeave,
  onTab,
}: {
  box: ReviewBox;
  inputRef: RefObject<HTMLInputElement | null>;
  onPick: (category: string) => void;
  onLeave: () => void;
  onTab: (dir: 1 | -1) => void;
}) {
  const [query, setQuery] = useState<string | null>(null);
  const [hi, setHi] = useState(0);
  const [open, setOpen] = useState(false);
  // Set once a value was picked, so the blur that follows does not pick it a second time.
  const picked = useRef(false);
  const text = query ?? human(box.category);
  const options = useMemo(() => suggestCategories(query ?? "", box.alternatives, KNOWN_CATEGORIES), [query, box.alternatives]);

  const pick = (c: string) => {
    if (picked.current) return;
    picked.current = true;
    setQuery(null);
    setOpen(false);
    if (c && c !== box.category) onPick(c);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      setHi((h) => Math.max(0, Math.min(options.length - 1, h + (e.key === "ArrowDown" ? 1 : -1))));
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(open && options[hi] ? options[hi] : toCategory(text));
      onLeave();
    } else if (e.key === "Escape") {
      e.preventDefault();
      picked.current = true;
      setQuery(null);
      setOpen(false);
      onLeave();
    } else if (e.key === "Tab") {
      e.preventDefault();
      if (query !== null) pick(toCategory(query));
      onTab(e.shiftKey ? -1 : 1);
    }
  };

  return (
    <div className="relative">
      <input
        ref={inputRef}
        aria-label={`Category of box ${box.id}`}
        data-testid={`footprint-label-${box.id}`}
        role="combobox"
        aria-expanded={open}
        aria-controls="review-category-options"
        value={text}
        placeholder="what is it?"
        onChange={(e) => {
          picked.current = false;
          setQuery(e.target.value);
          setHi(0);
          setOpen(true);
        }}
        onFocus={(e) => {
          picked.current = false;
          e.target.select();
          setOpen(true);
        }}
        onBlur={() => {
          if (query !== null && toCategory(query)) pick(toCategory(query));
          setOpen(false);
        }}
        onKeyDown={onKey}
        className="w-48 rounded border border-sky-600 bg-white px-2 py-1 text-sm"
      />
      {open && options.length > 0 && (
        <ul id="review-category-options" role="listbox" data-testid="category-options" className="absolute left-0 top-full z-50 mt-1 max-h-64 w-56 overflow-auto rounded border border-stone-300 bg-white text-sm shadow-lg">
          {options.map((c, i) => (
            <li
              key={c}
              role="option"
              aria-selected={i === hi}
              data-testid={`category-option-${c}`}
              data-alternative={box.alternatives.includes(c) ? "1" : undefined}
              className={`cursor-pointer px-2 py-1 ${i === hi ? "bg-sky-100" : ""}`}
              onPointerDown={(e) => {
                e.preventDefault();
                pick(c);
                onLeave();
              }}
            >
              {human(c)}
              {box.alternatives.includes(c) && <span className="ml-1 text-xs text-stone-500">(suggested)</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
