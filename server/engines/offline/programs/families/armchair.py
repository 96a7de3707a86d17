"""Armchair: upholstered base on short legs, seat and back cushions, two padded arms; wingback wings and a swivel base as variants."""
import bpy
import math

PARAMS = {
    "width": 0.85,
    "depth": 0.85,
    "height": 0.85,
    "color": "#7a8a99",
    "material": "fabric",
    "leg_color": "#5d3a1f",
    "leg_height": 0.12,
    "armrests": True,
    "seat_height": 0.44,
    "wings": False,
    "base": "legs",
}


def build(p):
    """Legs, base, seat cushion, backrest and arms, all inside width x depth x height."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("upholstery", p["color"], p["material"])
    wood = _mat("legs", p.get("leg_color", "#5d3a1f"), "wood")
    leg_h = min(max(p.get("leg_height", 0.12), 0.0), h * 0.25)
    seat_top = min(max(p.get("seat_height", 0.44), leg_h + 0.15), h * 0.7)
    arm_w = min(0.16, w * 0.18) if p.get("armrests", True) else 0.0
    back_t = min(0.2, d * 0.22)
    parts = []
    swivel = p.get("base", "legs") == "swivel"
    if swivel:
        leg_h = max(leg_h, 0.1)
        seat_top = max(seat_top, leg_h + 0.15)
        parts.append(_cyl("swivel_plate", min(w, d) * 0.35, 0.03, (0.0, 0.0, 0.015), wood, segments=32))
        parts.append(_cyl("swivel_column", 0.04, leg_h - 0.03, (0.0, 0.0, 0.03 + (leg_h - 0.03) / 2.0), wood, segments=16))
    elif leg_h > 0.005:
        parts += _four_legs(w, d, leg_h, 0.045, wood, inset=0.04, round_legs=True)
    base_h = (seat_top - leg_h) * 0.55
    parts.append(_box("base", (w, d, base_h), (0.0, 0.0, leg_h + base_h / 2.0), cloth, bevel=0.02))
    cush_h = seat_top - leg_h - base_h
    parts.append(_box("seat_cushion", (w - 2 * arm_w, d - back_t, cush_h),
                      (0.0, -back_t / 2.0, leg_h + base_h + cush_h / 2.0), cloth, bevel=0.03, smooth=True))
    back_h = h - leg_h - base_h
    parts.append(_box("backrest", (w, back_t, back_h), (0.0, d / 2.0 - back_t / 2.0, leg_h + base_h + back_h / 2.0),
                      cloth, bevel=0.04, smooth=True))
    if arm_w:
        arm_top = min(seat_top + 0.2, h - 0.05)
        arm_h = arm_top - leg_h - base_h
        for i, x in enumerate((-w / 2.0 + arm_w / 2.0, w / 2.0 - arm_w / 2.0)):
            parts.append(_box("arm_%d" % (i + 1), (arm_w, d - back_t * 0.5, arm_h),
                              (x, -back_t * 0.25, leg_h + base_h + arm_h / 2.0), cloth, bevel=0.04, smooth=True))
    if p.get("wings", False) and h - seat_top > 0.3:
        wing_h = (h - seat_top) * 0.75
        for i, x in enumerate((-w / 2.0 + 0.05, w / 2.0 - 0.05)):
            parts.append(_box("wing_%d" % (i + 1), (0.1, d * 0.4, wing_h), (x, d / 2.0 - back_t - d * 0.2 + 0.05, h - wing_h / 2.0),
                              cloth, bevel=0.03, smooth=True))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
