/** Shared state of the layout solver. */
import type { Box } from "../geometry/box";
import type { RoomGeom } from "../geometry/relations";
import type { Wall } from "../geometry/room";
import type { ObjectSpec, Relation, Size3 } from "../scene/schema";
import type { CategoryInfo } from "../vocab";

/** An object to place. */
export interface Item {
  id: string;
  spec: ObjectSpec;
  size: Size3;
  info: CategoryInfo;
  /** `floor` | `wall` | `ceiling` | `on:<id>` (may change when a fallback applies). */
  support: string;
}

/** Solver state: the room, what is placed so far, relations indexed by object. */
export interface SolveState {
  room: RoomGeom;
  walls: Wall[];
  items: Map<string, Item>;
  boxes: Map<string, Box>;
  bySubject: Map<string, Relation[]>;
  byAnchor: Map<string, Relation[]>;
  /** Keep-clear zones in front of doors (floor objects other than thin covers must not overlap them). */
  clearZones: Box[];
  notes: string[];
}

/** The support chain of `id` (ids it stands on, nearest first). */
export function supportChain(st: SolveState, id: string): string[] {
  const out: string[] = [];
  let cur = st.items.get(id)?.support;
  while (cur?.startsWith("on:") && out.length < 8) {
    const s = cur.slice(3);
    out.push(s);
    cur = st.items.get(s)?.support;
  }
  return out;
}
