"""Chair: four legs, a seat, and an optional slatted backrest and armrests."""
import bpy
import math

PARAMS = {
    "width": 0.45,
    "depth": 0.5,
    "height": 0.9,
    "color": "#8b5a2b",
    "material": "wood",
    "seat_height": 0.46,
    "backrest": True,
    "armrests": False,
    "cushion": False,
    "cushion_color": "#d8cfc0",
    "base": "legs",
    "stackable": False,
}


def build(p):
    """Legs up to the seat, seat board, back posts and slats to full height, optional arms and cushion."""
    w, d, h = p["width"], p["depth"], p["height"]
    wood = _mat("frame", p["color"], p["material"])
    back = p.get("backrest", True)
    seat_top = min(max(p.get("seat_height", 0.46), h * 0.3), h * 0.62) if back else h
    seat_t = min(0.04, seat_top * 0.15)
    leg = max(0.025, min(w, d) * 0.08)
    if p.get("stackable", False):
        # Stacking chairs: slim splayed-free legs and no stretchers, so one nests over the other.
        leg = max(0.018, min(w, d) * 0.045)
    if p.get("base", "legs") == "swivel":
        col_h = seat_top - seat_t - 0.04
        parts = [_cyl("swivel_foot", min(w, d) * 0.42, 0.03, (0.0, 0.0, 0.015), wood, segments=32),
                 _cyl("swivel_column", 0.03, col_h, (0.0, 0.0, 0.03 + col_h / 2.0), wood, segments=16)]
    else:
        parts = _four_legs(w, d, seat_top - seat_t, leg, wood, inset=0.01)
    parts.append(_box("seat", (w, d, seat_t), (0.0, 0.0, seat_top - seat_t / 2.0), wood, bevel=0.006))
    rail_h = min(0.06, (seat_top - seat_t) * 0.2)
    rails = () if (p.get("stackable", False) or p.get("base", "legs") == "swivel") else (-d / 2.0 + 0.01 + leg / 2.0, d / 2.0 - 0.01 - leg / 2.0)
    for i, y in enumerate(rails):
        parts.append(_box("rail_%d" % (i + 1), (w - 0.02 - 2 * leg, leg * 0.6, rail_h),
                          (0.0, y, seat_top - seat_t - rail_h / 2.0), wood))
    if back:
        post_h = h - seat_top
        y = d / 2.0 - 0.01 - leg / 2.0
        for i, x in enumerate((-w / 2.0 + 0.01 + leg / 2.0, w / 2.0 - 0.01 - leg / 2.0)):
            parts.append(_box("back_post_%d" % (i + 1), (leg, leg, post_h), (x, y, seat_top + post_h / 2.0), wood))
        top_h = min(0.1, post_h * 0.3)
        inner = w - 0.02 - 2 * leg
        parts.append(_box("back_top_rail", (inner, leg * 0.7, top_h), (0.0, y, h - top_h / 2.0), wood, bevel=0.005))
        slats = 3
        slat_h = post_h - top_h - 0.06
        for i in range(slats):
            x = -inner / 2.0 + (i + 1) * inner / (slats + 1)
            parts.append(_box("back_slat_%d" % (i + 1), (0.03, leg * 0.5, slat_h),
                              (x, y, seat_top + 0.06 + slat_h / 2.0), wood))
    if p.get("armrests", False):
        arm_z = min(seat_top + 0.22, h - 0.01)
        for i, x in enumerate((-w / 2.0 + 0.02, w / 2.0 - 0.02)):
            parts.append(_box("arm_post_%d" % (i + 1), (0.03, 0.03, arm_z - seat_top),
                              (x, -d / 2.0 + 0.06, (seat_top + arm_z) / 2.0), wood))
            parts.append(_box("armrest_%d" % (i + 1), (0.04, d * 0.8, 0.025),
                              (x, -d / 2.0 + d * 0.4, arm_z), wood, bevel=0.005))
    if p.get("cushion", False) and back:
        pad = _mat("cushion", p.get("cushion_color", "#d8cfc0"), "fabric")
        parts.append(_box("seat_cushion", (w - 0.04, d - 0.06, 0.04), (0.0, -0.01, seat_top + 0.02), pad,
                          bevel=0.015, smooth=True))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
