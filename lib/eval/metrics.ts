/**
 * Scene metrics after SceneEval (Tam et al., "SceneEval: Evaluating Semantic Coherence in Text-Conditioned 3D
 * Indoor Scene Synthesis", WACV 2026): CNT (obj_count satisfied), ATR (obj_attr), OOR (object-object
 * relations), OAR (object-architecture relations), COL (collisions), OOB (out of bounds), SUP (support).
 * SceneEval judges with a VLM over renders; here every check is geometric on bounding boxes (placement +
 * built or target size) with the thresholds of lib/geometry/relations `REL`.
 */
import { boxOf, type Box } from "../geometry/box";
import { isAgainstWall, isAtCeiling, isInside, isOn, isOnWall, type RoomGeom } from "../geometry/relations";
import { findConflicts } from "../layout/check";
import type { Attributes, Placement, Size3 } from "../scene/schema";
import { hasAttribute } from "./attributes";
import type { BuiltFacts } from "./built-attributes";
import { oaHolds, ooCheck } from "./checks";
import { compare, constraintsOf, type Constraint, type EvalPrompt } from "./constraints";
import { assignCategories } from "./match";

/** One object of a scene as the metrics see it. */
export interface EvalObject {
  id: string;
  category: string;
  placement: Placement;
  /** Bounding-box size (m): the built GLB's bbox when available, else the target size. */
  size: Size3;
  support: string;
  attributes: Attributes;
  builtMaterials?: string[];
  /** What the build shows (family, PARAMS, size, support); attributes are judged on it when present. */
  built?: BuiltFacts;
  thin?: boolean;
}

/** Result of one constraint. */
export interface ConstraintResult {
  kind: Constraint["kind"];
  raw: string;
  pass: boolean;
  detail: string;
}

/** Metrics of one scene: shares in [0, 1] plus counts (satisfied / total). */
export interface SceneMetrics {
  counts: Record<"CNT" | "ATR" | "OOR" | "OAR", { pass: number; total: number }>;
  /** Objects involved in at least one collision / objects (SceneEval's COL). */
  COL: number;
  /** Colliding pairs / all pairs. */
  COLpairs: number;
  collisions: [string, string][];
  /** Objects outside the footprint / objects. */
  OOB: number;
  outOfBounds: string[];
  /** Objects resting on their declared support / objects. */
  SUP: number;
  unsupported: string[];
  results: ConstraintResult[];
}

/** True when an object rests on its support: floor (z <= 2 cm), on:<id> (on or in it), wall (mounted or against), ceiling (top at the ceiling). */
export function isSupported(o: EvalObject, boxes: ReadonlyMap<string, Box>, room: RoomGeom): boolean {
  const b = boxes.get(o.id)!;
  if (o.support === "floor") return b.z <= 0.02;
  if (o.support === "ceiling") return isAtCeiling(b, room);
  if (o.support === "wall") return isOnWall(b, room) || (isAgainstWall(b, room) && b.z >= 0);
  if (o.support.startsWith("on:")) {
    const s = boxes.get(o.support.slice(3));
    return !!s && (isOn(b, s) || isInside(b, s));
  }
  return false;
}

/** Score one scene against one prompt's constraints. */
export function evaluateScene(prompt: EvalPrompt, objects: readonly EvalObject[], room: RoomGeom): SceneMetrics {
  const { constraints } = constraintsOf(prompt);
  const cats = constraints.flatMap((c) => (c.kind === "oo" ? [c.anchorCategory, c.targetCategory] : [c.category]));
  const groups = assignCategories(objects, cats);
  const byId = new Map(objects.map((o) => [o.id, o]));
  const boxes = new Map(objects.map((o) => [o.id, boxOf(o.placement, o.size)]));
  const ids = (cat: string) => groups.get(cat.toLowerCase()) ?? [];
  const results: ConstraintResult[] = [];
  for (const c of constraints) {
    if (c.kind === "count") {
      const n = ids(c.category).length;
      results.push({ kind: c.kind, raw: c.raw, pass: compare(c.op, n, c.n, true), detail: `${n} found` });
    } else if (c.kind === "attr") {
      const hits = ids(c.category).filter((id) => hasAttribute(c.attribute, byId.get(id)!)).length;
      results.push({ kind: c.kind, raw: c.raw, pass: hits > 0 && compare(c.op, hits, Math.max(1, c.n), false), detail: `${hits} with ${c.attribute}` });
    } else if (c.kind === "oo") {
      const anchors = ids(c.anchorCategory);
      const targets = ids(c.targetCategory);
      const check = ooCheck(c.relation);
      // The annotated anchor instance is not identifiable across scenes: the best anchor instance counts.
      let best = 0;
      for (const a of anchors) {
        const n = targets.filter((t) => t !== a && check(boxes.get(t)!, boxes.get(a)!, room)).length;
        best = Math.max(best, n);
      }
      results.push({ kind: c.kind, raw: c.raw, pass: anchors.length > 0 && best > 0 && compare(c.op, best, Math.max(1, c.n), false), detail: `${best}/${targets.length} ${c.relation} ${anchors.length ? anchors[0] : "(no anchor)"}` });
    } else {
      const subj = ids(c.category);
      const n = subj.filter((id) => oaHolds(c.relation, c.element, boxes.get(id)!, room, byId.get(id)!.support)).length;
      results.push({ kind: c.kind, raw: c.raw, pass: n > 0 && compare(c.op, n, Math.max(1, c.n), false), detail: `${n}/${subj.length} ${c.relation} ${c.element}` });
    }
  }
  const tally = (k: Constraint["kind"]) => {
    const rs = results.filter((r) => r.kind === k);
    return { pass: rs.filter((r) => r.pass).length, total: rs.length };
  };
  const conflicts = findConflicts(
    objects.map((o) => ({ id: o.id, placement: o.placement, size: o.size, support: o.support, thin: o.thin })),
    room.footprint,
  );
  const colliding = new Set(conflicts.collisions.flat());
  const nObj = objects.length;
  const pairs = (nObj * (nObj - 1)) / 2;
  const unsupported = objects.filter((o) => !isSupported(o, boxes, room)).map((o) => o.id);
  return {
    counts: { CNT: tally("count"), ATR: tally("attr"), OOR: tally("oo"), OAR: tally("oa") },
    COL: nObj ? colliding.size / nObj : 0,
    COLpairs: pairs ? conflicts.collisions.length / pairs : 0,
    collisions: conflicts.collisions,
    OOB: nObj ? conflicts.outOfBounds.length / nObj : 0,
    outOfBounds: conflicts.outOfBounds,
    SUP: nObj ? (nObj - unsupported.length) / nObj : 1,
    unsupported,
    results,
  };
}

/** Aggregate over scenes: constraint metrics micro-averaged (satisfied / total over all scenes); COL, OOB, SUP averaged per scene. */
export function aggregate(scenes: readonly SceneMetrics[]): Record<"CNT" | "ATR" | "OOR" | "OAR" | "COL" | "OOB" | "SUP", number> & { totals: Record<string, { pass: number; total: number }> } {
  const totals: Record<string, { pass: number; total: number }> = {};
  for (const k of ["CNT", "ATR", "OOR", "OAR"] as const) {
    const pass = scenes.reduce((s, m) => s + m.counts[k].pass, 0);
    const total = scenes.reduce((s, m) => s + m.counts[k].total, 0);
    totals[k] = { pass, total };
  }
  const share = (k: string) => (totals[k].total ? totals[k].pass / totals[k].total : 1);
  const mean = (f: (m: SceneMetrics) => number) => (scenes.length ? scenes.reduce((s, m) => s + f(m), 0) / scenes.length : 0);
  return { CNT: share("CNT"), ATR: share("ATR"), OOR: share("OOR"), OAR: share("OAR"), COL: mean((m) => m.COL), OOB: mean((m) => m.OOB), SUP: mean((m) => m.SUP), totals };
}
