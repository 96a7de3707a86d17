/**
 * Object metrics after SceneCode (one part-wise program per object): material slot count, non-manifold edge
 * count, face (triangle) and vertex counts per object and averaged; build success rate and repair attempts.
 */
import type { BuildState } from "../scene/schema";

/** Per-object figures. */
export interface ObjectFigures {
  id: string;
  built: boolean;
  attempts: number;
  materials: number | null;
  nonManifoldEdges: number | null;
  faces: number | null;
  vertices: number | null;
}

/** Figures of each object from its build state. */
export function objectFigures(objects: readonly { id: string; build: BuildState }[]): ObjectFigures[] {
  return objects.map((o) => {
    const s = o.build.stats;
    return {
      id: o.id,
      built: o.build.status === "built",
      attempts: o.build.attempts,
      materials: s ? s.materials : null,
      nonManifoldEdges: s ? s.nonManifoldEdges : null,
      faces: s ? s.triangles : null,
      vertices: s ? s.vertices : null,
    };
  });
}

/** Averages over objects (built objects only for geometry figures) and the build success rate in [0, 1]. */
export function summarizeObjects(figs: readonly ObjectFigures[]): { objects: number; buildSuccess: number; meanAttempts: number; meanMaterials: number; meanNonManifold: number; meanFaces: number; meanVertices: number } {
  const built = figs.filter((f) => f.built);
  const mean = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
  };
  return {
    objects: figs.length,
    buildSuccess: figs.length ? built.length / figs.length : 0,
    meanAttempts: mean(figs.map((f) => f.attempts)),
    meanMaterials: mean(built.map((f) => f.materials)),
    meanNonManifold: mean(built.map((f) => f.nonManifoldEdges)),
    meanFaces: mean(built.map((f) => f.faces)),
    meanVertices: mean(built.map((f) => f.vertices)),
  };
}
