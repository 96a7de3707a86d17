/** Splitting a Wavefront OBJ with several `o` objects into one OBJ per object (indices renumbered from 1). */

/** Map of object name -> OBJ text holding only that object's vertices and faces. */
export function splitObj(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const verts: string[] = [];
  let name: string | null = null;
  let faces: string[] = [];
  const flush = () => {
    if (name === null || faces.length === 0) return;
    const used = new Map<number, number>();
    const lines: string[] = [];
    const body = faces.map((f) => {
      const idx = f.slice(2).trim().split(/\s+/).map((tok) => {
        const v = Number(tok.split("/")[0]);
        const abs = v < 0 ? verts.length + v + 1 : v;
        let n = used.get(abs);
        if (n === undefined) {
          n = used.size + 1;
          used.set(abs, n);
          lines.push(verts[abs - 1]);
        }
        return String(n);
      });
      return `f ${idx.join(" ")}`;
    });
    out.set(name, `o ${name}\n${lines.join("\n")}\n${body.join("\n")}\n`);
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("o ")) {
      flush();
      name = line.slice(2).trim();
      faces = [];
    } else if (line.startsWith("v ")) verts.push(line);
    else if (line.startsWith("f ")) faces.push(line);
  }
  flush();
  return out;
}
