/**
 * Reading and rewriting the literal `PARAMS = {...}` dict of an object program (DESIGN.md section 4).
 *
 * The reader is a small scanner for the subset of Python literals the contract allows: numbers, strings,
 * True/False/None and (nested) lists/tuples, with comments, newlines and trailing commas anywhere. The
 * writer rewrites only the values that changed, keeping every other byte of the program identical.
 */
import { err, ok, type Result } from "../errors";

/** A PARAMS value: number, string, boolean, None (null) or a list/tuple of values. */
export type ParamValue = number | string | boolean | null | ParamValue[];

/** One parsed `"key": value` entry with its spans (offsets into the source, end exclusive). */
interface Entry {
  key: string;
  value: ParamValue;
  /** Start of the key's string token. */
  start: number;
  valueStart: number;
  valueEnd: number;
  /** End of the entry including its trailing comma, when there is one. */
  end: number;
  /** The literal was a tuple `(...)`. */
  tuple: boolean;
  /** The literal was a float token (`1.0`, `2e3`), so integers are written back as floats. */
  float: boolean;
}

/** The parsed PARAMS literal: its dict span and entries. */
interface ParamsLiteral {
  open: number;
  close: number;
  entries: Entry[];
}

class ScanError extends Error {}

/** Finds `PARAMS = {` at module level (column 0, outside strings and comments); returns the offset of `{`, or -1. */
function findParamsOpen(src: string): number {
  let i = 0;
  let lineStart = true;
  while (i < src.length) {
    const c = src[i];
    if (lineStart && src.startsWith("PARAMS", i)) {
      const m = /^PARAMS[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*(?:\\\r?\n[ \t]*)?/.exec(src.slice(i, i + 200));
      if (m) {
        const at = i + m[0].length;
        if (src[at] === "{") return at;
      }
    }
    lineStart = false;
    if (c === "\n") {
      lineStart = true;
      i++;
    } else if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === '"' || c === "'") {
      i = skipString(src, i);
    } else {
      i++;
    }
  }
  return -1;
}

/** Skips a Python string starting at `i` (a quote); returns the offset after it. Unterminated strings run to the end. */
function skipString(src: string, i: number): number {
  const q = src[i];
  const triple = src.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  let j = i + close.length;
  while (j < src.length) {
    if (src[j] === "\\") {
      j += 2;
      continue;
    }
    if (src.startsWith(close, j)) return j + close.length;
    if (!triple && src[j] === "\n") return j;
    j++;
  }
  return j;
}

/** Recursive-descent reader over the source, starting at a given offset. */
class Reader {
  pos: number;
  constructor(
    readonly src: string,
    start: number,
  ) {
    this.pos = start;
  }

  fail(msg: string): never {
    const line = this.src.slice(0, this.pos).split("\n").length;
    throw new ScanError(`PARAMS line ${line}: ${msg}`);
  }

  /** Skips whitespace, newlines, line continuations and comments. */
  ws(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") this.pos++;
      else if (c === "\\" && (s[this.pos + 1] === "\n" || s[this.pos + 1] === "\r")) this.pos += 2;
      else if (c === "#") while (this.pos < s.length && s[this.pos] !== "\n") this.pos++;
      else break;
    }
  }

  dict(): ParamsLiteral {
    const open = this.pos;
    this.pos++;
    const entries: Entry[] = [];
    const seen = new Set<string>();
    for (;;) {
      this.ws();
      if (this.pos >= this.src.length) this.fail("unterminated dict");
      if (this.src[this.pos] === "}") break;
      const start = this.pos;
      const key = this.value();
      if (typeof key.value !== "string") this.fail("keys must be strings");
      if (seen.has(key.value)) this.fail(`duplicate key "${key.value}"`);
      seen.add(key.value);
      this.ws();
      if (this.src[this.pos] !== ":") this.fail(`expected ':' after "${key.value}"`);
      this.pos++;
      this.ws();
      const valueStart = this.pos;
      const v = this.value();
      const valueEnd = this.pos;
      this.ws();
      let end = valueEnd;
      if (this.src[this.pos] === ",") {
        this.pos++;
        end = this.pos;
      } else if (this.src[this.pos] !== "}") {
        this.fail(`expected ',' or '}' after "${key.value}"`);
      }
      entries.push({ key: key.value, value: v.value, start, valueStart, valueEnd, end, tuple: v.tuple, float: v.float });
    }
    const close = this.pos;
    this.pos++;
    return { open, close, entries };
  }

  value(): { value: ParamValue; tuple: boolean; float: boolean } {
    const s = this.src;
    const c = s[this.pos];
    if (c === "[" || c === "(") return { value: this.list(c === "[" ? "]" : ")"), tuple: c === "(", float: false };
    if (c === "{") this.fail("nested dicts are not supported");
    const str = /^([rRuUbBfF]{0,2})(["'])/.exec(s.slice(this.pos, this.pos + 4));
    if (str) return { value: this.string(), tuple: false, float: false };
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos, this.pos + 40));
    if (word) {
      this.pos += word[0].length;
      if (word[0] === "True") return { value: true, tuple: false, float: false };
      if (word[0] === "False") return { value: false, tuple: false, float: false };
      if (word[0] === "None") return { value: null, tuple: false, float: false };
      this.pos -= word[0].length;
      this.fail(`"${word[0]}" is not a literal`);
    }
    return this.number();
  }

  list(closer: string): ParamValue[] {
    this.pos++;
    const out: ParamValue[] = [];
    for (;;) {
      this.ws();
      if (this.pos >= this.src.length) this.fail("unterminated list");
      if (this.src[this.pos] === closer) break;
      out.push(this.value().value);
      this.ws();
      if (this.src[this.pos] === ",") this.pos++;
      else if (this.src[this.pos] !== closer) this.fail(`expected ',' or '${closer}' in list`);
    }
    this.pos++;
    return out;
  }

  number(): { value: number; tuple: false; float: boolean } {
    const m = /^[+-]?(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)/.exec(
      this.src.slice(this.pos, this.pos + 64),
    );
    if (!m || m[0] === "+" || m[0] === "-") this.fail(`unexpected "${this.src.slice(this.pos, this.pos + 12).split("\n")[0]}"`);
    this.pos += m[0].length;
    const text = m[0].replace(/_/g, "");
    const hex = /0[xX]/.test(text);
    const value = hex ? (text.startsWith("-") ? -1 : 1) * parseInt(text.replace(/^[+-]?0[xX]/, ""), 16) : Number(text);
    if (!Number.isFinite(value)) this.fail(`bad number "${m[0]}"`);
    return { value, tuple: false, float: !hex && /[.eE]/.test(text) };
  }

  string(): string {
    const s = this.src;
    const pre = /^[rRuUbBfF]*/.exec(s.slice(this.pos, this.pos + 3))![0].toLowerCase();
    if (pre.includes("f") || pre.includes("b")) this.fail("f-strings and bytes are not literals");
    const raw = pre.includes("r");
    this.pos += pre.length;
    const q = s[this.pos];
    const triple = s.startsWith(q.repeat(3), this.pos);
    const close = triple ? q.repeat(3) : q;
    this.pos += close.length;
    let out = "";
    for (;;) {
      if (this.pos >= s.length) this.fail("unterminated string");
      if (s.startsWith(close, this.pos)) {
        this.pos += close.length;
        break;
      }
      const c = s[this.pos];
      if (!triple && c === "\n") this.fail("unterminated string");
      if (c === "\\") {
        const n = s[this.pos + 1];
        if (raw) {
          out += c + n;
          this.pos += 2;
          continue;
        }
        this.pos += 2;
        out += this.escape(n);
        continue;
      }
      out += c;
      this.pos++;
    }
    return out;
  }

  escape(n: string): string {
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v", "\n": "" };
    if (n in simple) return simple[n];
    const hexLen = n === "x" ? 2 : n === "u" ? 4 : n === "U" ? 8 : 0;
    if (hexLen) {
      const h = this.src.slice(this.pos, this.pos + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(h)) this.fail(`bad \\${n} escape`);
      this.pos += hexLen;
      return String.fromCodePoint(parseInt(h, 16));
    }
    return "\\" + n;
  }
}

function readLiteral(source: string): Result<ParamsLiteral, string> {
  const open = findParamsOpen(source);
  if (open < 0) return err("no module-level `PARAMS = {...}` dict literal found");
  try {
    return ok(new Reader(source, open).dict());
  } catch (e) {
    if (e instanceof ScanError) return err(e.message);
    throw e;
  }
}

/** Reads the literal `PARAMS = {...}` dict of a program. Errors (as `Result`) name the line for a missing/non-literal dict, nested dicts, f-strings or unterminated tokens. */
export function parseParams(source: string): Result<Record<string, ParamValue>, string> {
  const lit = readLiteral(source);
  if (!lit.ok) return lit;
  const out: Record<string, ParamValue> = {};
  for (const e of lit.value.entries) out[e.key] = e.value;
  return ok(out);
}

/** Python literal for a number; integers keep an integer token unless the original was a float (`1.0`). Throws on NaN/Infinity. */
function formatNumber(v: number, asFloat: boolean): string {
  if (!Number.isFinite(v)) throw new Error(`program: PARAMS number must be finite, got ${v}`);
  const r = Number(v.toPrecision(12));
  if (Number.isInteger(r)) return asFloat ? `${r}.0` : String(r);
  return String(r);
}

/** Python literal for a ParamValue (double-quoted strings, `True`/`False`/`None`, lists as `[...]`). Throws on non-finite numbers. */
export function formatParamValue(v: ParamValue, opts: { tuple?: boolean; float?: boolean } = {}): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "number") return formatNumber(v, opts.float ?? false);
  if (typeof v === "string") return JSON.stringify(v).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  const items = v.map((x) => formatParamValue(x));
  if (opts.tuple) return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  return `[${items.join(", ")}]`;
}

/** Deep equality of two ParamValues (numbers compared after 12-digit rounding). */
export function sameParamValue(a: ParamValue, b: ParamValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameParamValue(x, b[i]));
  }
  if (typeof a === "number" && typeof b === "number") return Number(a.toPrecision(12)) === Number(b.toPrecision(12));
  return a === b;
}

/**
 * Rewrites the `PARAMS` literal so that it holds exactly `params`: changed values are replaced in place,
 * missing keys are removed (with their line), new keys are appended in the dict's own indentation; every
 * byte outside those spans stays identical. Throws `Error("program: ...")` when the source has no parsable
 * PARAMS literal or a value is not a finite ParamValue.
 */
export function replaceParams(source: string, params: Record<string, ParamValue>): string {
  const lit = readLiteral(source);
  if (!lit.ok) throw new Error(`program: ${lit.error}`);
  const { open, close, entries } = lit.value;
  const edits: { from: number; to: number; text: string }[] = [];
  const existing = new Set(entries.map((e) => e.key));

  for (const e of entries) {
    if (!Object.prototype.hasOwnProperty.call(params, e.key)) {
      edits.push(removalSpan(source, e, open));
      continue;
    }
    const next = params[e.key];
    if (next === undefined || sameParamValue(e.value, next)) continue;
    edits.push({ from: e.valueStart, to: e.valueEnd, text: formatParamValue(next, { tuple: e.tuple, float: e.float }) });
  }

  const added = Object.keys(params).filter((k) => !existing.has(k) && params[k] !== undefined);
  if (added.length > 0) edits.push(insertion(source, lit.value, added, params));

  edits.sort((a, b) => b.from - a.from);
  let out = source;
  for (const ed of edits) out = out.slice(0, ed.from) + ed.text + out.slice(ed.to);
  void close;
  return out;
}

/** Span that removes an entry: its whole line(s) when it stands alone on them, else just the entry and its comma. */
function removalSpan(src: string, e: Entry, open: number): { from: number; to: number; text: string } {
  const lineStart = src.lastIndexOf("\n", e.start - 1) + 1;
  const before = src.slice(Math.max(lineStart, open + 1), e.start);
  let lineEnd = src.indexOf("\n", e.end);
  if (lineEnd < 0) lineEnd = src.length;
  const after = src.slice(e.end, lineEnd);
  if (lineStart > open && before.trim() === "" && (after.trim() === "" || after.trim().startsWith("#"))) {
    return { from: lineStart, to: Math.min(lineEnd + 1, src.length), text: "" };
  }
  let to = e.end;
  while (src[to] === " ") to++;
  return { from: e.start, to, text: "" };
}

/** Insertion of new entries before the closing brace, one per line for multi-line dicts, inline otherwise. */
function insertion(
  src: string,
  lit: ParamsLiteral,
  keys: string[],
  params: Record<string, ParamValue>,
): { from: number; to: number; text: string } {
  const items = keys.map((k) => `${formatParamValue(k)}: ${formatParamValue(params[k])}`);
  const body = src.slice(lit.open + 1, lit.close);
  const multiline = body.includes("\n");
  const last = lit.entries[lit.entries.length - 1];
  if (!multiline) {
    const trimmedEnd = lit.open + 1 + body.trimEnd().length;
    const needsComma = last !== undefined && last.end === last.valueEnd;
    const sep = last === undefined ? "" : needsComma ? ", " : " ";
    return { from: trimmedEnd, to: trimmedEnd, text: sep + items.join(", ") };
  }
  const indent = last ? (/^[ \t]*/.exec(src.slice(src.lastIndexOf("\n", last.start - 1) + 1))?.[0] ?? "    ") : "    ";
  // Insert after the last entry's line (keeping its trailing comment), adding its missing comma.
  if (last) {
    let lineEnd = src.indexOf("\n", last.end);
    if (lineEnd < 0 || lineEnd > lit.close) lineEnd = lit.close;
    const comma = last.end === last.valueEnd ? "," : "";
    const text = items.map((it) => `\n${indent}${it},`).join("");
    if (comma) {
      // The comma must follow the value, before any trailing comment.
      return { from: last.valueEnd, to: lineEnd, text: comma + src.slice(last.valueEnd, lineEnd) + text };
    }
    return { from: lineEnd, to: lineEnd, text };
  }
  const closeLineStart = src.lastIndexOf("\n", lit.close - 1) + 1;
  return { from: closeLineStart, to: closeLineStart, text: items.map((it) => `${indent}${it},\n`).join("") };
}
