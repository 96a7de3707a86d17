/**
 * What an object may hang from instead of resting on something below it. Only wall-mounted things (wall
 * shelves, mirrors, wall art, clocks, a TV on the wall, sconces, curtains, towels on a rail, ...) may be held
 * by a wall; everything else rests on the floor or on an upward surface of another object.
 */
import type { SceneObject } from "../scene/schema";
import { categoryInfo } from "../vocab";

/**
 * Families whose members may be mounted on a wall when the scene says so (`support: "wall"`): a TV, a shelf, a
 * cabinet, and wall-hung furniture at its working height (a floating vanity, a wall-hung toilet or desk; the
 * families lib/layout/candidates.ts `wallMountZ` knows).
 */
const WALL_MOUNTABLE = new Set([
  "tv", "shelf", "cabinet", "mirror", "painting", "clock", "curtains", "towel", "table_lamp", "monitor", "speaker",
  "vanity", "sink", "nightstand", "toilet", "desk", "side_table", "console_table", "tv_stand", "dresser", "sideboard", "bookshelf",
]);

/** Last words of categories the vocabulary does not know that name things hung on a wall ("projection_screen", "notice_board"). */
const WALL_WORDS = /(^|_)(screen|board|sign|signage|panel|frame|poster|hook|hooks|rack|mirror|clock|art|artwork|print|photo|picture|map|calendar|flag|banner|tapestry|mural|plaque|pennant|decal|sconce)$/;

/** Where `o` hangs from: `"wall"` for wall-mounted categories (or a wall-mountable family placed on a wall), `"ceiling"` for ceiling fixtures, null when it must rest on something below it. */
export function mountOf(o: Pick<SceneObject, "category" | "support">): "wall" | "ceiling" | null {
  const info = categoryInfo(o.category);
  if (info.support === "ceiling" || o.support === "ceiling") return "ceiling";
  if (info.support === "wall") return "wall";
  if (o.support === "wall" && (WALL_MOUNTABLE.has(info.family) || (!info.known && WALL_WORDS.test(o.category)))) return "wall";
  return null;
}
