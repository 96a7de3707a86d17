/**
 * Detection metrics for top-down images: greedy matching of predicted to true boxes at IoU >= 0.5 (highest
 * confidence first, as in the PASCAL VOC protocol), category synonyms, recall/precision over main furniture
 * (predictions matched to non-main truth are ignored), category accuracy over class-agnostic matches and
 * count-based recall/precision per category (the product owner's figure). Pure functions; boxes in px.
 */

/** Pixel box: top-left x/y, width/height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A true object of an annotated image. */
export interface TruthObject {
  category: string;
  box: Box;
  main: boolean;
}

/** A predicted object. */
export interface PredObject {
  category: string;
  box: Box;
  confidence: number;
}

/** Categories that count as the same piece of furniture when scoring (first entry = canonical name). */
const SYNONYMS: string[][] = [
  ["nightstand", "side_table", "end_table"],
  ["bench", "ottoman"],
  ["dresser", "sideboard", "cabinet", "tv_stand", "console_table", "wine_cabinet", "chest_of_drawers"],
  ["wardrobe", "closet"],
  ["dining_table", "table"],
  ["sink", "vanity"],
  ["kitchen_counter", "stove", "fridge", "kitchen_island", "washing_machine", "counter"],
  ["bathtub", "shower"],
  ["bookshelf", "shelf"],
  ["armchair", "bean_bag"],
  ["chair", "office_chair", "stool", "bar_stool"],
  ["bed", "bunk_bed", "crib"],
];
const CANON = new Map(SYNONYMS.flatMap((g) => g.map((c) => [c, g[0]] as const)));

/** Canonical category for scoring (synonyms collapse to their group's first name). */
export function canon(category: string): string {
  return CANON.get(category) ?? category;
}

/** Categories that are not main furniture in synthetic truth (floor coverings, plants, lamps). */
export const NOT_MAIN = new Set(["rug", "potted_plant", "floor_lamp", "other"]);

/** Intersection over union of two boxes. */
export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  return inter > 0 ? inter / (a.w * a.h + b.w * b.h - inter) : 0;
}

/** Per-image tallies; sums of these over images give the dataset figures. */
export interface Tally {
  /** Main truth objects, main ones matched by a same-category prediction. */
  mainTruth: number;
  mainHit: number;
  /** Predictions with a main category not matched to non-main truth, and those matched to main truth. */
  mainPred: number;
  mainPredHit: number;
  /** Class-agnostic matches (any truth) and those with the right category. */
  boxMatches: number;
  catCorrect: number;
  /** Count-based (per canonical category): sum of min(pred, truth) over main categories, totals. */
  countHit: number;
  countTruth: number;
  countPred: number;
  /** Per canonical category: [truth, hit, pred, predHit]. */
  perCategory: Record<string, [number, number, number, number]>;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { mainTruth: 0, mainHit: 0, mainPred: 0, mainPredHit: 0, boxMatches: 0, catCorrect: 0, countHit: 0, countTruth: 0, countPred: 0, perCategory: {} };
}

/** Match predictions to truth (greedy by confidence, IoU >= `thr`); returns the pairs [pred index, truth index]. */
export function match(preds: PredObject[], truth: TruthObject[], thr: number, sameCategory: boolean): [number, number][] {
  const order = preds.map((_, i) => i).sort((a, b) => preds[b].confidence - preds[a].confidence);
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  for (const i of order) {
    let best = -1;
    let bv = thr;
    truth.forEach((t, j) => {
      if (used.has(j) || (sameCategory && canon(t.category) !== canon(preds[i].category))) return;
      const v = iou(preds[i].box, t.box);
      if (v >= bv) {
        bv = v;
        best = j;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push([i, best]);
    }
  }
  return pairs;
}

/** Score one image: main-furniture recall/precision at IoU 0.5, category accuracy, counts. */
export function scoreImage(preds: PredObject[], truth: TruthObject[]): Tally {
  const t = emptyTally();
  const per = t.perCategory;
  const bump = (c: string, k: number) => {
    per[c] ??= [0, 0, 0, 0];
    per[c][k]++;
  };
  const pairs = match(preds, truth, 0.5, true);
  const predHit = new Map(pairs.map(([i, j]) => [i, j]));
  const truthHit = new Set(pairs.map(([, j]) => j));
  // Predictions that overlap non-main truth (any category) are ignored, not false positives.
  const anyPairs = match(preds, truth, 0.5, false);
  const ignored = new Set(anyPairs.filter(([i, j]) => !truth[j].main && !predHit.has(i)).map(([i]) => i));
  truth.forEach((o, j) => {
    if (!o.main) return;
    t.mainTruth++;
    bump(canon(o.category), 0);
    if (truthHit.has(j)) {
      t.mainHit++;
      bump(canon(o.category), 1);
    }
  });
  preds.forEach((p, i) => {
    if (NOT_MAIN.has(canon(p.category)) || ignored.has(i)) return;
    const j = predHit.get(i);
    if (j !== undefined && !truth[j].main) return;
    t.mainPred++;
    bump(canon(p.category), 2);
    if (j !== undefined) {
      t.mainPredHit++;
      bump(canon(p.category), 3);
    }
  });
  t.boxMatches = anyPairs.length;
  t.catCorrect = anyPairs.filter(([i, j]) => canon(preds[i].category) === canon(truth[j].category)).length;
  const counts = new Map<string, [number, number]>();
  for (const o of truth) if (o.main) (counts.get(canon(o.category)) ?? counts.set(canon(o.category), [0, 0]).get(canon(o.category))!)[0]++;
  for (const p of preds) {
    const c = canon(p.category);
    if (NOT_MAIN.has(c)) continue;
    (counts.get(c) ?? counts.set(c, [0, 0]).get(c)!)[1]++;
  }
  for (const [, [tr, pr]] of counts) {
    t.countHit += Math.min(tr, pr);
    t.countTruth += tr;
    t.countPred += pr;
  }
  return t;
}

/** Sum tallies. */
export function addTally(a: Tally, b: Tally): Tally {
  const per: Tally["perCategory"] = { ...Object.fromEntries(Object.entries(a.perCategory).map(([k, v]) => [k, [...v] as [number, number, number, number]])) };
  for (const [k, v] of Object.entries(b.perCategory)) {
    per[k] ??= [0, 0, 0, 0];
    for (let i = 0; i < 4; i++) per[k][i] += v[i];
  }
  return {
    mainTruth: a.mainTruth + b.mainTruth,
    mainHit: a.mainHit + b.mainHit,
    mainPred: a.mainPred + b.mainPred,
    mainPredHit: a.mainPredHit + b.mainPredHit,
    boxMatches: a.boxMatches + b.boxMatches,
    catCorrect: a.catCorrect + b.catCorrect,
    countHit: a.countHit + b.countHit,
    countTruth: a.countTruth + b.countTruth,
    countPred: a.countPred + b.countPred,
    perCategory: per,
  };
}

/** Headline figures of a tally (NaN-free: 0 when undefined). */
export function figures(t: Tally): { recall: number; precision: number; categoryAccuracy: number; countRecall: number; countPrecision: number } {
  const r = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 1000 : 0);
  return {
    recall: r(t.mainHit, t.mainTruth),
    precision: r(t.mainPredHit, t.mainPred),
    categoryAccuracy: r(t.catCorrect, t.boxMatches),
    countRecall: r(t.countHit, t.countTruth),
    countPrecision: r(t.countHit, t.countPred),
  };
}
