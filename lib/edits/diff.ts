/**
 * Unified diff of two texts by lines (longest common subsequence, as GNU diff's output format:
 * `--- a`, `+++ b`, `@@ -l,n +l,n @@` hunks with 3 lines of context).
 */

type Op = { t: " " | "-" | "+"; line: string; a: number; b: number };

/** Unified diff of `a` and `b` with file labels; an empty string when they are equal. Inputs past 5,000 lines each are compared whole-line by position only. */
export function unifiedDiff(a: string, b: string, labelA = "a", labelB = "b", context = 3): string {
  if (a === b) return "";
  const A = a.split("\n");
  const B = b.split("\n");
  const ops = diffLines(A, B);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].t === " ") i++;
    if (i >= ops.length) break;
    let start = Math.max(0, i - context);
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end].t !== " ") lastChange = end;
      if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + context + 1);
    const slice = ops.slice(start, end);
    const aStart = slice.find((o) => o.t !== "+")?.a ?? slice[0].a;
    const bStart = slice.find((o) => o.t !== "-")?.b ?? slice[0].b;
    const aLen = slice.filter((o) => o.t !== "+").length;
    const bLen = slice.filter((o) => o.t !== "-").length;
    hunks.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of slice) hunks.push(`${o.t}${o.line}`);
    i = end;
    start = end;
  }
  return [`--- ${labelA}`, `+++ ${labelB}`, ...hunks].join("\n") + "\n";
}

function diffLines(A: string[], B: string[]): Op[] {
  const n = A.length;
  const m = B.length;
  if (n * m > 25_000_000) {
    const out: Op[] = [];
    for (let k = 0; k < Math.max(n, m); k++) {
      if (k < n && k < m && A[k] === B[k]) out.push({ t: " ", line: A[k], a: k, b: k });
      else {
        if (k < n) out.push({ t: "-", line: A[k], a: k, b: Math.min(k, m) });
        if (k < m) out.push({ t: "+", line: B[k], a: Math.min(k, n), b: k });
      }
    }
    return out;
  }
  const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let x = n - 1; x >= 0; x--) for (let y = m - 1; y >= 0; y--) L[x][y] = A[x] === B[y] ? L[x + 1][y + 1] + 1 : Math.max(L[x + 1][y], L[x][y + 1]);
  const out: Op[] = [];
  let x = 0;
  let y = 0;
  while (x < n || y < m) {
    if (x < n && y < m && A[x] === B[y]) {
      out.push({ t: " ", line: A[x], a: x, b: y });
      x++;
      y++;
    } else if (x < n && (y >= m || L[x + 1][y] >= L[x][y + 1])) {
      out.push({ t: "-", line: A[x], a: x, b: y });
      x++;
    } else {
      out.push({ t: "+", line: B[y], a: x, b: y });
      y++;
    }
  }
  return out;
}
