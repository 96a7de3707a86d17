/** Target sizes (m) from the category default, the variant table (lib/vocab/variants: mattress, sofa, table, lamp sizes with sources) and relative size words. */
import type { Size3 } from "../scene/schema";
import { categoryInfo, variantSize } from "../vocab";

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Size for an object of `category` described by `tags` (snake words): king/queen/twin beds, small/large, tall/low, long/wide/narrow, round. */
export function targetSizeFor(category: string, tags: readonly string[]): Size3 {
  const info = categoryInfo(category);
  let { w, d, h } = info.defaultSize;
  const has = (re: RegExp) => tags.some((t) => re.test(t));
  if (has(/^(mini|miniature|tiny|small|little|compact|petite|child_sized|kid_sized|toddler)$/)) {
    w *= 0.75;
    d *= 0.75;
    h *= info.family === "bed" ? 1 : 0.8;
  }
  if (has(/^(large|big|huge|oversized|giant|spacious|massive|extra_large|generous|grand)$/)) {
    w *= 1.25;
    d *= 1.2;
  }
  if (has(/^(tall|towering|high|floor_to_ceiling|full_length)$/)) h *= 1.2;
  if (has(/^(low|low_profile|short)$/)) h *= 0.75;
  if (has(/^(long|extended|extendable)$/)) w *= 1.3;
  if (has(/^(wide|broad)$/)) w *= 1.2;
  if (has(/^(narrow|slim|slender|thin)$/)) d *= 0.8;
  if (has(/^(round|circular|oval)$/) && info.family !== "bed" && info.family !== "sofa") {
    const m = info.family === "rug" || info.family === "mirror" || info.family === "clock" ? Math.max(w, h) : Math.max(w, d);
    if (info.family === "mirror" || info.family === "clock") {
      w = m;
      h = m;
    } else {
      w = m;
      d = m;
    }
  }
  const v = variantSize(info.family, [...tags, category, ...category.split("_")], { w, d, h });
  return { w: round(v.w), d: round(v.d), h: round(v.h) };
}
