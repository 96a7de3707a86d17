/** Types of the assembler: draft objects and its output. */
import type { Attributes, Relation, Size3 } from "../scene/schema";

/** An object under construction. */
export interface DraftObject {
  id: string;
  category: string;
  description: string;
  attributes: Attributes;
  targetSize: Size3;
  /** `floor` | `wall` | `ceiling` | `on:<id>`; null until decided. */
  support: string | null;
  mention: number;
}

/** Output of the assembler. */
export interface Assembled {
  objects: DraftObject[];
  relations: Relation[];
  negations: string[];
}
