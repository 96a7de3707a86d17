import "server-only";
/**
 * The program library on disk: one parametric template per family under `programs/families/<family>.py`
 * plus shared helpers in `programs/_common.py`. `assembleProgram` inlines the helpers a template uses so
 * that every generated program is a standalone module (DESIGN.md section 4).
 */
import fs from "node:fs";
import path from "node:path";
import { parseParams, replaceParams, type ParamValue } from "../../../../lib/program/params";

/** Folder holding `_common.py`, `families/` and `room_shell.py` (ROOMCODE_PROGRAMS_DIR overrides; default `<cwd>/server/engines/offline/programs`). */
export function programsDir(): string {
  return process.env.ROOMCODE_PROGRAMS_DIR ?? path.resolve(process.cwd(), "server/engines/offline/programs");
}

const cache = new Map<string, string>();

function readProgramFile(rel: string): string {
  const file = path.join(programsDir(), rel);
  let text = cache.get(file);
  if (text === undefined) {
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      throw new Error(`engine: program template ${rel} not readable in ${programsDir()}: ${(e as Error).message}`);
    }
    cache.set(file, text);
  }
  return text;
}

/** True when a template exists for `family`. */
export function hasTemplate(family: string): boolean {
  return /^[a-z_]+$/.test(family) && fs.existsSync(path.join(programsDir(), "families", `${family}.py`));
}

/** Raw template source of a family (throws `engine:` when missing). */
export function familyTemplate(family: string): string {
  return readProgramFile(`families/${family}.py`);
}

/** Default PARAMS of a family template (throws `engine:` when the template's PARAMS is not a literal). */
export function familyDefaults(family: string): Record<string, ParamValue> {
  const res = parseParams(familyTemplate(family));
  if (!res.ok) throw new Error(`engine: template ${family}.py: ${res.error}`);
  return res.value;
}

interface Block {
  name: string;
  text: string;
}

/** Top-level blocks of `_common.py` that define a helper (`def _x` or `_X = ...`), with their leading comments. */
function commonBlocks(): Block[] {
  const src = readProgramFile("_common.py");
  const lines = src.split("\n");
  const blocks: Block[] = [];
  let cur: { name: string; lines: string[] } | null = null;
  let pending: string[] = [];
  for (const line of lines) {
    const def = /^def (_[A-Za-z0-9_]+)\(/.exec(line) ?? /^(_[A-Za-z0-9_]+)\s*=/.exec(line);
    if (def) {
      if (cur) blocks.push({ name: cur.name, text: cur.lines.join("\n").trimEnd() });
      cur = { name: def[1], lines: [...pending, line] };
      pending = [];
    } else if (/^#/.test(line)) {
      pending.push(line);
    } else if (/^\S/.test(line) && !/^[)\]}]/.test(line)) {
      if (cur) blocks.push({ name: cur.name, text: cur.lines.join("\n").trimEnd() });
      cur = null;
      pending = [];
    } else if (cur) {
      cur.lines.push(line);
    }
  }
  if (cur) blocks.push({ name: cur.name, text: cur.lines.join("\n").trimEnd() });
  return blocks;
}

/** Helpers used by `code`, transitively, in `_common.py` order. */
function helpersFor(code: string): Block[] {
  const blocks = commonBlocks();
  const byName = new Map(blocks.map((b) => [b.name, b]));
  const used = new Set<string>();
  const visit = (text: string) => {
    for (const m of text.matchAll(/\b(_[A-Za-z][A-Za-z0-9_]*)\b/g)) {
      const b = byName.get(m[1]);
      if (b && !used.has(b.name)) {
        used.add(b.name);
        visit(b.text);
      }
    }
  };
  visit(code);
  return blocks.filter((b) => used.has(b.name));
}

/** A docstring-safe single paragraph, wrapped at ~96 columns. */
function docText(text: string): string {
  const clean = text.replace(/\\/g, "/").replace(/"""/g, "'''").replace(/\s+/g, " ").trim();
  const words = clean.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + w.length + 1 > 96) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

/** Splits a template into docstring (without quotes), PARAMS-and-body code after the imports. */
function splitTemplate(src: string): { title: string; doc: string; body: string } {
  const m = /^"""([\s\S]*?)"""\n/.exec(src);
  if (!m) throw new Error("engine: program template without a module docstring");
  const docRaw = m[1].trim();
  const colon = docRaw.indexOf(":");
  const title = colon > 0 && colon < 40 ? docRaw.slice(0, colon) : "Object";
  const doc = colon > 0 && colon < 40 ? docRaw.slice(colon + 1).trim() : docRaw;
  const rest = src.slice(m[0].length).replace(/^(?:import [^\n]*\n|from [^\n]*\n|\s*\n)*/, "");
  return { title, doc, body: rest };
}

/** Offset just after the line that closes the module-level PARAMS literal. */
function paramsEnd(code: string): number {
  const start = code.search(/^PARAMS\s*=\s*\{/m);
  if (start < 0) throw new Error("engine: program template without a PARAMS literal");
  const firstLineEnd = code.indexOf("\n", start);
  if (/\}\s*$/.test(code.slice(start, firstLineEnd))) return firstLineEnd + 1;
  const close = code.slice(start).search(/^\}/m);
  if (close < 0) throw new Error("engine: PARAMS literal not closed by a `}` line");
  const end = code.indexOf("\n", start + close);
  return end < 0 ? code.length : end + 1;
}

/**
 * Standalone program for `family` with `params` (merged over the template's defaults by the caller)
 * and a docstring that starts with `description`. Throws `engine:` when the template is missing.
 */
export function assembleProgram(template: string, params: Record<string, ParamValue>, description: string): string {
  const { title, doc, body } = splitTemplate(template);
  const withParams = replaceParams(body, params);
  if (!/^def build\(/m.test(withParams)) throw new Error("engine: program template without `def build(p):`");
  let split = paramsEnd(withParams);
  // A JOINTS literal right after PARAMS stays beside it (DESIGN.md section 4), above the inlined helpers.
  const joints = /^\s*\nJOINTS = \[\n[\s\S]*?\n\]\n/.exec(withParams.slice(split));
  if (joints) split += joints[0].length;
  const head = withParams.slice(0, split).trimEnd();
  const tail = withParams.slice(split).replace(/^\s*\n/, "");
  const helpers = helpersFor(tail);
  const code = helpers.map((h) => h.text).join("\n\n\n") + "\n" + tail;
  const modules = ["bpy", "bmesh", "mathutils", "math", "random"].filter(
    (mod) => mod === "bpy" || new RegExp(`\\b${mod}\\.`).test(code),
  );
  const sentence = (t: string) => {
    const s = t.trim();
    return s ? s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : ".") : s;
  };
  const summary = docText(description.trim() ? `${title}: ${sentence(description)}` : `${title}.`);
  const docstring = `"""${summary}\n\n${docText(sentence(doc))}\n"""`;
  const parts = [docstring, modules.map((mod) => `import ${mod}`).join("\n"), "", head, ""];
  if (helpers.length) parts.push("", helpers.map((h) => h.text).join("\n\n\n"), "", "");
  else parts.push("");
  parts.push(tail.trimEnd(), "");
  return parts.join("\n");
}

/** Raw template of the room-shell program. */
export function roomTemplate(): string {
  return readProgramFile("room_shell.py");
}
