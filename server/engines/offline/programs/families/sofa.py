"""Sofa: upholstered base on legs, one seat and back cushion per seat, backrest and two arms."""
import bpy
import math

PARAMS = {
    "width": 2.0,
    "depth": 0.9,
    "height": 0.85,
    "color": "#6f7f8f",
    "material": "fabric",
    "leg_color": "#3b2a20",
    "seats": 3,
    "armrests": True,
    "leg_height": 0.1,
    "seat_height": 0.44,
}


def build(p):
    """Base, per-seat cushions, backrest, arms and legs filling width x depth x height."""
    w, d, h = p["width"], p["depth"], p["height"]
    cloth = _mat("upholstery", p["color"], p["material"])
    wood = _mat("legs", p.get("leg_color", "#3b2a20"), "wood")
    seats = max(1, int(p.get("seats", 3)))
    leg_h = min(max(p.get("leg_height", 0.1), 0.0), h * 0.2)
    seat_top = min(max(p.get("seat_height", 0.44), leg_h + 0.15), h * 0.7)
    arm_w = min(0.2, w * 0.1) if p.get("armrests", True) else 0.0
    frame_t = min(0.16, d * 0.18)
    parts = []
    if leg_h > 0.005:
        parts += _four_legs(w, d, leg_h, 0.05, wood, inset=0.05)
        if w > 1.6:
            parts.append(_box("leg_5", (0.05, 0.05, leg_h), (0.0, d / 2.0 - 0.1, leg_h / 2.0), wood))
    base_h = (seat_top - leg_h) * 0.5
    parts.append(_box("base", (w, d, base_h), (0.0, 0.0, leg_h + base_h / 2.0), cloth, bevel=0.02))
    back_h = h - leg_h - base_h
    parts.append(_box("backrest", (w, frame_t, back_h),
                      (0.0, d / 2.0 - frame_t / 2.0, leg_h + base_h + back_h / 2.0), cloth, bevel=0.03))
    inner = w - 2 * arm_w
    seat_w = inner / seats
    cush_h = seat_top - leg_h - base_h
    cush_d = d - frame_t
    back_cush_t = min(0.18, cush_d * 0.25)
    back_cush_h = min(h - seat_top - 0.03, 0.45)
    for i in range(seats):
        x = -inner / 2.0 + seat_w * (i + 0.5)
        parts.append(_box("seat_cushion_%d" % (i + 1), (seat_w - 0.01, cush_d, cush_h),
                          (x, -frame_t / 2.0, leg_h + base_h + cush_h / 2.0), cloth, bevel=0.03, smooth=True))
        if back_cush_h > 0.05:
            parts.append(_box("back_cushion_%d" % (i + 1), (seat_w - 0.02, back_cush_t, back_cush_h),
                              (x, d / 2.0 - frame_t - back_cush_t / 2.0, seat_top + back_cush_h / 2.0), cloth,
                              bevel=0.04, smooth=True))
    if arm_w:
        arm_h = min(seat_top + 0.2, h - 0.04) - leg_h - base_h
        for i, x in enumerate((-w / 2.0 + arm_w / 2.0, w / 2.0 - arm_w / 2.0)):
            parts.append(_box("arm_%d" % (i + 1), (arm_w, d, arm_h), (x, 0.0, leg_h + base_h + arm_h / 2.0), cloth,
                              bevel=0.04, smooth=True))
    return _done(parts)


if __name__ == "__main__":
    build(PARAMS)
