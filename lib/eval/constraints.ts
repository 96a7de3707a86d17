/**
 * SceneEval constraint annotations (Tam et al., "SceneEval: Evaluating Semantic Coherence in Text-Conditioned
 * 3D Indoor Scene Synthesis", WACV 2026; annotations.csv of the SceneEval-500 release). String formats:
 * obj_count `op,N,category`; obj_attr `op,N,category,attribute`; oo_rel `op,N,relation,anchor_index,anchor_category,target_category`;
 * oa_rel `op,N,relation,category,architecture_element`. `op` is `eq` or `ge`.
 */
import { err, ok, type Result } from "../errors";

/** Comparison of a constraint. */
export type ConstraintOp = "eq" | "ge" | "le";

/** obj_count: N objects of a category. */
export interface CountConstraint { kind: "count"; raw: string; op: ConstraintOp; n: number; category: string }
/** obj_attr: N objects of a category carry an attribute. */
export interface AttrConstraint { kind: "attr"; raw: string; op: ConstraintOp; n: number; category: string; attribute: string }
/** oo_rel: N targets relate to the anchor_index-th anchor. */
export interface ObjRelConstraint { kind: "oo"; raw: string; op: ConstraintOp; n: number; relation: string; anchorIndex: number; anchorCategory: string; targetCategory: string }
/** oa_rel: N objects relate to an architectural element (wall, room, door, window, ceiling). */
export interface ArchRelConstraint { kind: "oa"; raw: string; op: ConstraintOp; n: number; relation: string; category: string; element: string }

/** Any constraint. */
export type Constraint = CountConstraint | AttrConstraint | ObjRelConstraint | ArchRelConstraint;

/** One prompt of a SceneEval-format prompt file. */
export interface EvalPrompt {
  id: number;
  difficulty?: string;
  description: string;
  obj_count: string[];
  obj_attr: string[];
  oo_rel: string[];
  oa_rel: string[];
}

function opOf(s: string): ConstraintOp | null {
  return s === "eq" || s === "ge" || s === "le" ? s : null;
}

/** Parse one constraint string of the given kind; Result error names the string. */
export function parseConstraint(kind: Constraint["kind"], raw: string): Result<Constraint, string> {
  const p = raw.split(",").map((x) => x.trim());
  const op = opOf(p[0]);
  const n = Number(p[1]);
  if (!op || !Number.isFinite(n)) return err(`bad constraint: ${raw}`);
  if (kind === "count" && p.length >= 3) return ok({ kind, raw, op, n, category: p[2] });
  if (kind === "attr" && p.length >= 4) return ok({ kind, raw, op, n, category: p[2], attribute: p.slice(3).join("_") });
  if (kind === "oo" && p.length >= 6) {
    // Targets may be listed as instances ("chair:0,chair:1,chair:2"): the category, with N = the number listed.
    const targets = p.slice(5).map((t) => t.replace(/:\d+$/, ""));
    const listed = p.slice(5).filter((t) => /:\d+$/.test(t)).length;
    return ok({ kind, raw, op, n: Math.max(n, listed), relation: p[2], anchorIndex: Number(p[3]) || 0, anchorCategory: p[4].replace(/:\d+$/, ""), targetCategory: targets[0] });
  }
  if (kind === "oa" && p.length >= 5) return ok({ kind, raw, op, n, relation: p[2], category: p[3], element: p[4] });
  return err(`bad ${kind} constraint: ${raw}`);
}

/** All constraints of a prompt (malformed strings are skipped and returned in `errors`). */
export function constraintsOf(p: EvalPrompt): { constraints: Constraint[]; errors: string[] } {
  const constraints: Constraint[] = [];
  const errors: string[] = [];
  const add = (kind: Constraint["kind"], list: readonly string[] | undefined) => {
    for (const raw of list ?? []) {
      const r = parseConstraint(kind, raw);
      if (r.ok) constraints.push(r.value);
      else errors.push(r.error);
    }
  };
  add("count", p.obj_count);
  add("attr", p.obj_attr);
  add("oo", p.oo_rel);
  add("oa", p.oa_rel);
  return { constraints, errors };
}

/** Whether an observed count satisfies `op N`. For relations and attributes "eq" is read as "at least N instances satisfy it". */
export function compare(op: ConstraintOp, observed: number, n: number, strict: boolean): boolean {
  if (op === "ge") return observed >= n;
  if (op === "le") return observed <= n;
  return strict ? observed === n : observed >= n;
}
