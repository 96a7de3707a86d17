/**
 * Part boxes of a loaded GLB for the live placement check: one oriented box per mesh (the mesh's own box, turned
 * with the mesh about the vertical), in the object's local room frame (Z-up, m), via lib/frames.
 */
import { Box3, Matrix4, Vector3, type Mesh, type Object3D } from "three";
import { threeToRoom } from "@/lib/frames";
import type { OrientedBox } from "@/lib/placement/boxes";

/**
 * Boxes of every mesh under `root`, relative to `root` (the object's GLB scene, whose frame is the object's local
 * frame). A part turned about another axis than the vertical gets the box around its turned corners.
 */
export function partBoxes(root: Object3D): OrientedBox[] {
  root.updateWorldMatrix(true, true);
  const inv = new Matrix4().copy(root.matrixWorld).invert();
  const out: OrientedBox[] = [];
  const rel = new Matrix4();
  const v = new Vector3();
  root.traverse((o) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh || !mesh.geometry) return;
    if (!mesh.geometry.boundingBox) mesh.geometry.computeBoundingBox();
    const b = mesh.geometry.boundingBox as Box3 | null;
    if (!b || b.isEmpty()) return;
    rel.multiplyMatrices(inv, mesh.matrixWorld);
    // The part's own X axis in the room frame gives its yaw (its Z axis when X stands upright).
    const ax = new Vector3(1, 0, 0).transformDirection(rel);
    let [ux, uy] = threeToRoom(ax.x, ax.y, ax.z);
    if (Math.hypot(ux, uy) < 0.2) {
      const az = new Vector3(0, 0, 1).transformDirection(rel);
      [ux, uy] = threeToRoom(az.x, az.y, az.z);
    }
    const yaw = Math.atan2(uy, ux);
    const c = Math.cos(yaw);
    const s = Math.sin(yaw);
    let u0 = Infinity, u1 = -Infinity, w0 = Infinity, w1 = -Infinity, z0 = Infinity, z1 = -Infinity;
    for (let i = 0; i < 8; i++) {
      v.set(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z).applyMatrix4(rel);
      const [x, y, z] = threeToRoom(v.x, v.y, v.z);
      const u = c * x + s * y;
      const w = -s * x + c * y;
      u0 = Math.min(u0, u); u1 = Math.max(u1, u);
      w0 = Math.min(w0, w); w1 = Math.max(w1, w);
      z0 = Math.min(z0, z); z1 = Math.max(z1, z);
    }
    const mu = (u0 + u1) / 2;
    const mw = (w0 + w1) / 2;
    out.push({ cx: c * mu - s * mw, cy: s * mu + c * mw, hx: (u1 - u0) / 2, hy: (w1 - w0) / 2, yawDeg: (yaw * 180) / Math.PI, z0, z1 });
  });
  return out;
}
