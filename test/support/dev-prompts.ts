/**
 * The SceneEval dev prompts (`<repo>/../shared/inputs/prompts/sceneeval-dev.json`, MIT, see
 * ../shared/inputs/SOURCES.md) and their `obj_count` ground truth ("eq,2,bed" -> bed count == 2).
 */
import fs from "node:fs";
import path from "node:path";
import { sharedInputsDir } from "./env";

/** One dev-set prompt. */
export interface DevPrompt {
  id: number;
  difficulty: string;
  description: string;
  obj_count: string[];
  obj_attr: string[];
  oo_rel: string[];
  oa_rel: string[];
}

/** A count constraint: `op` in eq/ge/le/gt/lt, `n`, and the category. */
export interface CountRule {
  op: "eq" | "ge" | "le" | "gt" | "lt";
  n: number;
  category: string;
}

/** All dev prompts in file order. */
export function loadDevPrompts(): DevPrompt[] {
  return JSON.parse(fs.readFileSync(path.join(sharedInputsDir(), "prompts", "sceneeval-dev.json"), "utf8")) as DevPrompt[];
}

/** Parse the `obj_count` rules of a prompt. */
export function countRules(p: DevPrompt): CountRule[] {
  return p.obj_count.map((s) => {
    const [op, n, ...cat] = s.split(",");
    return { op: op as CountRule["op"], n: Number(n), category: cat.join(",") };
  });
}

/** Whether `count` satisfies a rule. */
export function satisfies(rule: CountRule, count: number): boolean {
  switch (rule.op) {
    case "eq":
      return count === rule.n;
    case "ge":
      return count >= rule.n;
    case "le":
      return count <= rule.n;
    case "gt":
      return count > rule.n;
    case "lt":
      return count < rule.n;
  }
}
