/**
 * Reading a job's output files out of its worker's scratch dir. The worker (and so the program) can write
 * anything there, links and special files included, so the server never follows a link or a path the program
 * can influence: the output dir is opened without following links and checked by real path, the file is
 * opened through that directory fd (`/proc/self/fd/N/name`, the openat(2) idiom) with O_NOFOLLOW, and it must
 * be a regular file with one link, owned by the worker's uid when it has one, under a size cap, whose bytes
 * pass the format check (GLBs through the Khronos glTF-Validator, OBJs line by line, the rest by magic bytes)
 * before they are written to the host path.
 */
import { constants, createReadStream, createWriteStream, realpathSync } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { validateBytes } from "gltf-validator";

/** Kinds of output a job writes, each with its own format check. */
export type OutputKind = "glb" | "blend" | "png" | "obj" | "usd";

/** Largest accepted output per kind (bytes). */
export const OUTPUT_CAPS: Record<OutputKind, number> = {
  glb: 64 * 1024 ** 2,
  blend: 512 * 1024 ** 2,
  png: 64 * 1024 ** 2,
  obj: 64 * 1024 ** 2,
  usd: 256 * 1024 ** 2,
};

/** A refused output; `message` says why in words a designer can read, tagged `runner:`. */
export class OutputRejected extends Error {
  constructor(message: string) {
    super(`runner: ${message}`);
    this.name = "OutputRejected";
  }
}

const MAGIC: Record<Exclude<OutputKind, "glb" | "obj">, Buffer[]> = {
  // .blend files start with "BLENDER"; Blender 3.0+ may zstd-compress them (magic 28 b5 2f fd).
  blend: [Buffer.from("BLENDER"), Buffer.from([0x28, 0xb5, 0x2f, 0xfd])],
  png: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  // A .usd file is a crate ("PXR-USDC", OpenUSD crateFile.cpp's bootstrap ident) or USD ASCII ("#usda ").
  usd: [Buffer.from("PXR-USDC"), Buffer.from("#usda ")],
};

/** Output kind of a file name by extension; throws for an unknown one. */
export function outputKind(file: string): OutputKind {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (ext === "glb" || ext === "blend" || ext === "png" || ext === "obj" || ext === "usd") return ext;
  throw new Error(`runner: unknown output kind of ${file}`);
}

// Wavefront OBJ lines Blender's exporter writes for geometry: comments, objects/groups, vertices, normals, UVs,
// faces, lines, smoothing and material names. Anything else (mtllib, call, csh, ...) is refused.
const OBJ_LINE = /^(?:|#[^\n]*|[og] [^\n]*|v(?: -?\d+(?:\.\d+)?(?:e[-+]?\d+)?){3,4}|vn(?: -?\d+(?:\.\d+)?(?:e[-+]?\d+)?){3}|vt(?: -?\d+(?:\.\d+)?(?:e[-+]?\d+)?){1,3}|[fl](?: -?\d+(?:\/-?\d*){0,2})+|s (?:\d+|off)|usemtl [^\n]*)$/i;

/** Check that bytes are a plain-text Wavefront OBJ of geometry only; throws OutputRejected naming the first bad line. */
export function assertValidObj(bytes: Uint8Array): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  if (/[^\t\n\r\x20-\x7e]/.test(text)) throw new OutputRejected("the exported OBJ is not plain text");
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!OBJ_LINE.test(lines[i].trim())) throw new OutputRejected(`the exported OBJ has an unexpected line ${i + 1}: ${lines[i].slice(0, 60)}`);
  }
}

/** Validate GLB bytes with the glTF-Validator; throws OutputRejected naming the first errors. */
export async function assertValidGlb(bytes: Uint8Array): Promise<void> {
  const report = await validateBytes(bytes, {
    format: "glb",
    maxIssues: 20,
    externalResourceFunction: () => Promise.reject(new Error("external resources are not allowed")),
  });
  if (report.issues.numErrors > 0) {
    const first = report.issues.messages
      .filter((m) => m.severity === 0)
      .slice(0, 3)
      .map((m) => `${m.code}: ${m.message}`);
    throw new OutputRejected(`the exported GLB is not valid glTF (${first.join("; ")})`);
  }
}

async function openOutput(outDir: string, name: string, ownerUid: number | null): Promise<{ dir: FileHandle; file: FileHandle; size: number }> {
  if (name.includes("/") || name === "." || name === "..") throw new Error(`runner: bad output name ${name}`);
  let dir: FileHandle;
  try {
    dir = await open(outDir, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (e) {
    throw new OutputRejected(`the job's output folder is gone or was replaced (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const viaFd = `/proc/self/fd/${dir.fd}`;
    if (realpathSync(viaFd) !== realpathSync(outDir)) throw new OutputRejected("the job's output folder was moved");
    let file: FileHandle;
    try {
      file = await open(path.join(viaFd, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ELOOP") throw new OutputRejected(`the program replaced its output ${name} with a link`);
      if (code === "ENOENT") throw new OutputRejected(`the job wrote no ${name}`);
      throw new OutputRejected(`the output ${name} could not be opened (${code ?? (e as Error).message})`);
    }
    const st = await file.stat();
    const problem = !st.isFile()
      ? "is not a regular file"
      : st.nlink !== 1
        ? "has other hard links"
        : ownerUid !== null && st.uid !== ownerUid
          ? "is not owned by the worker"
          : null;
    if (problem) {
      await file.close();
      throw new OutputRejected(`the output ${name} ${problem}`);
    }
    return { dir, file, size: st.size };
  } catch (e) {
    await dir.close();
    throw e;
  }
}

async function readExactly(file: FileHandle, size: number): Promise<Buffer> {
  const buf = Buffer.alloc(size);
  let off = 0;
  while (off < size) {
    const { bytesRead } = await file.read(buf, off, size - off, off);
    if (bytesRead === 0) break;
    off += bytesRead;
  }
  if (off !== size) throw new OutputRejected("the output changed while it was read");
  return buf;
}

/**
 * Move the job output `outDir/name` to the host path `to` (written as `to.part` then renamed), after the checks
 * above. `ownerUid` is the worker's dedicated uid, or null when workers run as the server's own user. Removes the
 * scratch file in every case. Throws OutputRejected (the job then fails with OutputError) or an IO error of `to`.
 */
export async function collectOutput(outDir: string, name: string, to: string, ownerUid: number | null): Promise<{ bytes: number }> {
  const kind = outputKind(name);
  const cap = OUTPUT_CAPS[kind];
  const { dir, file, size } = await openOutput(outDir, name, ownerUid);
  const part = `${to}.part-${process.pid}`;
  try {
    if (size > cap) throw new OutputRejected(`the output ${name} is ${Math.round(size / 1024 ** 2)} MB, over the ${cap / 1024 ** 2} MB limit`);
    if (kind === "glb" || kind === "obj") {
      const bytes = await readExactly(file, size);
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      if (kind === "glb") await assertValidGlb(view);
      else assertValidObj(view);
      const out = await open(part, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        await out.writeFile(bytes);
      } finally {
        await out.close();
      }
    } else {
      const head = Buffer.alloc(8);
      const { bytesRead } = await file.read(head, 0, 8, 0);
      if (!MAGIC[kind].some((m) => bytesRead >= m.length && head.subarray(0, m.length).equals(m))) {
        throw new OutputRejected(`the output ${name} is not a ${kind} file`);
      }
      // Stream exactly the bytes fstat saw: a file still growing is cut at its size when opened.
      await pipeline(
        createReadStream("", { fd: file, start: 0, end: Math.max(0, size - 1), autoClose: false }),
        createWriteStream(part, { flags: "wx", mode: 0o644 }),
      );
    }
    await rename(part, to);
    return { bytes: size };
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  } finally {
    await file.close();
    await rm(path.join(`/proc/self/fd/${dir.fd}`, name), { force: true }).catch(() => undefined);
    await dir.close();
  }
}
